// [audit]: the twin, the reference group and the band disparities are judged against.
#include <fmt/format.h>

#include <optional>

#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadAudit(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("audit");
  if (table == nullptr) return;
  TableReader r(*table, "[audit]", ctx.diagnostics);
  AuditOptions& audit = ctx.scenario.audit;
  r.Bool("twin", &audit.twin);
  if (r.Has("reference_group")) {
    size_t group = 0;
    r.Choice("reference_group", ctx.group_names, "group", &group);
    if (group < ctx.group_names.size()) audit.reference_group = ctx.group_names[group];
  }
  if (r.Has("band")) {
    const toml::node* node = r.Get("band");
    const toml::array* band = node->as_array();
    std::optional<double> low, high;
    if (band != nullptr && band->size() == 2) {
      low = (*band)[0].value<double>();
      high = (*band)[1].value<double>();
    }
    if (!low || !high || !(*low > 0.0 && *low < 1.0 && *high > 1.0)) {
      r.Error("band", "'band' must be [low, high] with 0 < low < 1 < high, e.g. [0.8, 1.25]");
    } else {
      audit.band_low = *low;
      audit.band_high = *high;
    }
  }
  r.Int32("min_cell", 1, 1'000'000, &audit.min_cell);
  r.Finish();
}

}  // namespace oversight
