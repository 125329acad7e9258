// The rates reported for a group (and for everyone), each as numerator and denominator.
//
// One list, read by every writer of rates (report.json, the CSV tables, report.html, the
// summary, the replicate intervals), so a rate is defined in exactly one place; docs/METRICS.md
// gives each definition in words.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "audit/audit_result.h"
#include "audit/rate.h"
#include "scenario/scenario.h"

namespace oversight {

struct NamedRate {
  std::string_view name;
  uint64_t numerator = 0;
  uint64_t denominator = 0;

  std::optional<double> value() const { return Rate{numerator, denominator}.value(); }
};

// The rate called `name` in `rates` (GroupRates or RuleRates).
// REQUIRES: `name` is one of the names the list was built with.
const NamedRate& RateNamed(const std::vector<NamedRate>& rates, std::string_view name);

// `total` is the everyone row (for the shares of population and alerts); the twin rates
// are included only when the run had a twin.
std::vector<NamedRate> GroupRates(const GroupCounts& g, const GroupCounts& total, bool twin);

// Whether a group or cell is large enough to judge: at least `min_cell` persons and
// `min_cell` persons without harmful intent (else "insufficient data").
inline bool Judgeable(const GroupCounts& g, int32_t min_cell) {
  const auto min = static_cast<uint64_t>(min_cell);
  return g.persons >= min && g.persons - g.harmful_persons >= min;
}

// A rule's rates, including its base-rate arithmetic over the persons it watched at the
// start: prevalence of harmful intent among them, the share of those with one it flagged
// (recall) and the share of the others it flagged (false_positive_rate). Persons flagged
// who were not watched at the start (a list grew) count in neither.
std::vector<NamedRate> RuleRates(const RuleCounts& r);

// The false positive rate the rule could afford for even odds (precision 50%) at its
// prevalence and recall: recall x prevalence / (1 - prevalence). Undefined without
// watched persons, or when everyone watched has a harmful intent.
std::optional<double> FprForEvenOdds(const RuleCounts& r);

}  // namespace oversight
