// [[groups]] and [[districts]]: read first, since later sections refer to them by name.
// A file without them gets one group ("everyone") and one district ("Centre").
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadGroups(SectionContext& ctx) {
  std::vector<GroupOptions>& groups = ctx.scenario.world.groups;
  if (const toml::array* array = ctx.root.ArrayOfTables("groups")) {
    for (const toml::node& node : *array) {
      const toml::table& table = *node.as_table();
      TableReader r(table, fmt::format("[[groups]] #{}", groups.size() + 1), ctx.diagnostics);
      GroupOptions group;
      if (r.Require("name", "a group name such as \"majority\"")) r.String("name", &group.name);
      r.Double("record_bias", 0.0, 100.0, &group.record_bias);
      r.Finish();
      CheckUniqueName(r, groups, group.name, "group");
      groups.push_back(std::move(group));
    }
  }
  if (groups.empty()) groups.push_back(GroupOptions{"everyone", 1.0});
  ctx.group_names = NamesOf(groups);
}

void ReadDistricts(SectionContext& ctx) {
  std::vector<DistrictOptions>& districts = ctx.scenario.world.districts;
  if (const toml::array* array = ctx.root.ArrayOfTables("districts")) {
    for (const toml::node& node : *array) {
      const toml::table& table = *node.as_table();
      TableReader r(table, fmt::format("[[districts]] #{}", districts.size() + 1), ctx.diagnostics);
      DistrictOptions district;
      if (r.Require("name", "a district name")) r.String("name", &district.name);
      r.Double("population_weight", 0.0, 1e9, &district.population_weight);
      district.group_shares.assign(ctx.group_names.size(), 0.0);
      if (ctx.group_names.size() == 1) district.group_shares[0] = 1.0;
      if (r.Has("group_shares") || ctx.group_names.size() > 1) {
        if (r.Require("group_shares",
                      "the share of residents in each group, e.g. "
                      "{ majority = 0.9, minority = 0.1 }")) {
          std::fill(district.group_shares.begin(), district.group_shares.end(), 0.0);
          r.NumberMap("group_shares", ctx.group_names, "group", 0.0, 1.0,
                      [&](size_t i, double v) { district.group_shares[i] = v; });
          double sum = 0.0;
          for (double share : district.group_shares) sum += share;
          if (std::abs(sum - 1.0) > 1e-6) {
            r.Error("group_shares",
                    fmt::format("'group_shares' in {} must sum to 1, got {}", r.context(), sum));
          }
        }
      }
      r.Finish();
      CheckUniqueName(r, districts, district.name, "district");
      districts.push_back(std::move(district));
    }
  }
  if (districts.empty()) {
    DistrictOptions centre;
    centre.name = "Centre";
    centre.group_shares.assign(ctx.group_names.size(),
                               1.0 / static_cast<double>(ctx.group_names.size()));
    districts.push_back(std::move(centre));
  }
  double total_weight = 0.0;
  for (const DistrictOptions& d : districts) total_weight += d.population_weight;
  if (total_weight <= 0.0) {
    ctx.diagnostics->Error(ctx.root.PositionOf("districts"),
                           "the districts' population_weight values sum to 0; at least one "
                           "district must have residents");
  }
  ctx.district_names = NamesOf(districts);
}

}  // namespace oversight
