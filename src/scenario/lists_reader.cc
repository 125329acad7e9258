// [[lists]] (watchlists, read before the rules that name them) and the [red_list].
#include <fmt/format.h>

#include "core/limits.h"
#include "core/vocabulary.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadLists(SectionContext& ctx) {
  std::vector<ListOptions>& lists = ctx.scenario.policy.lists;
  const toml::array* array = ctx.root.ArrayOfTables("lists");
  if (array == nullptr) return;
  for (const toml::node& node : *array) {
    TableReader r(*node.as_table(), fmt::format("[[lists]] #{}", lists.size() + 1),
                  ctx.diagnostics);
    ListOptions list;
    if (r.Require("name", "a list name such as \"key_persons\"")) r.String("name", &list.name);
    if (r.Has("recorded_traits")) {
      r.ChoiceArray("recorded_traits", ToStrings(kTraitNames), "trait", [&](size_t i) {
        list.recorded_traits = static_cast<TraitBits>(list.recorded_traits | (1u << i));
      });
      if (list.recorded_traits == 0 && !r.Has("add_after_alerts")) {
        r.Error("recorded_traits", fmt::format("'recorded_traits' in {} is empty and nothing "
                                               "adds to the list: it would hold nobody and "
                                               "its rules never fire",
                                               r.context()));
      }
    }
    if (r.Has("sex")) {
      size_t sex = 0;
      r.Choice("sex", ToStrings(kSexNames), "sex", &sex);
      list.sex = static_cast<int8_t>(sex);
    }
    bool flag = false;
    if (r.Has("foreign_national")) {
      r.Bool("foreign_national", &flag);
      list.foreign = flag ? 1 : 0;
    }
    if (r.Has("work_permit")) {
      r.Bool("work_permit", &flag);
      list.work_permit = flag ? 1 : 0;
    }
    if (!r.Has("recorded_traits") && !r.Has("sex") && !r.Has("foreign_national") &&
        !r.Has("work_permit") && !r.Has("add_after_alerts")) {
      r.Require("recorded_traits",
                "who is on the list: 'recorded_traits' (e.g. "
                "[\"drug_use\"]), 'sex', 'foreign_national', "
                "'work_permit', or 'add_after_alerts'");
    }
    r.Int32("add_after_alerts", 0, 100, &list.add_after_alerts);
    r.Int32("within_days", 1, kMaxDays, &list.within_days);
    r.Probability("removal_rate", &list.removal_rate);
    r.Finish();
    CheckUniqueName(r, lists, list.name, "list");
    if (lists.size() == kMaxLists) {
      r.Error("name", fmt::format("too many lists: at most {} are supported", kMaxLists));
      continue;
    }
    lists.push_back(std::move(list));
  }
}

void ReadRedList(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("red_list");
  if (table == nullptr) return;
  TableReader r(*table, "[red_list]", ctx.diagnostics);
  r.Require("recorded_traits", "the traits on file that exempt a person, e.g. [\"official\"]");
  r.ChoiceArray("recorded_traits", ToStrings(kTraitNames), "trait", [&](size_t i) {
    ctx.scenario.policy.red_list_traits =
        static_cast<TraitBits>(ctx.scenario.policy.red_list_traits | (1u << i));
  });
  r.Finish();
}

}  // namespace oversight
