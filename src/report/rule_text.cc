// Design: the shared slots (who, what, where, when) are described here, the operator's own
// parameters by the operator (OperatorSpec::describe), so a new operator brings its words.
#include "report/rule_text.h"

#include <fmt/format.h>

#include <cassert>
#include <string_view>

#include "scenario/operator_registry.h"
#include "scenario/rule_words.h"

namespace oversight {

std::string DescribeRule(const RuleOptions& rule, const std::vector<ListOptions>& lists) {
  const std::string who = ListName(rule.who, lists);
  assert(rule.op != nullptr && "the loader chooses every rule's operator");
  if (rule.IsScore()) return fmt::format("{}: {}", who, rule.op->describe(rule, lists));
  std::string out = fmt::format("{}: {}", who, EvidenceWords(rule.what));
  const WhereOptions& where = rule.where;
  if (where.at != 0) out += " at a " + PlaceTypeWords(where.at);
  if (where.near != 0)
    out += fmt::format(" within {:g} m of a {}", where.near_m, PlaceTypeWords(where.near));
  if (where.away_from_home) out += " away from home";
  if (where.to != Destination::kAnywhere) out += fmt::format(" to {}", DestinationWords(where.to));
  if (where.out_of_town) out += " to an out-of-town number";
  if (!rule.when.AllDay()) {
    out += fmt::format(", {:02}:00–{:02}:00", rule.when.from_hour, rule.when.to_hour);
  }
  if (rule.when.days != DayFilter::kAny) {
    out += fmt::format(", on {}", kDayFilterNames[static_cast<size_t>(rule.when.days)]);
  }
  if (rule.op->describe != nullptr) out += rule.op->describe(rule, lists);
  return out;
}

}  // namespace oversight
