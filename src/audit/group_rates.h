// The rates reported for a group (and for everyone), each as numerator and denominator.
//
// One list, read by every writer of rates (report.json, the replicate intervals), so a rate
// is defined in exactly one place; docs/METRICS.md gives each definition in words.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "audit/audit_result.h"

namespace oversight {

struct NamedRate {
  std::string_view name;
  uint64_t numerator = 0;
  uint64_t denominator = 0;

  // numerator / denominator, or nothing when the denominator is 0.
  std::optional<double> value() const {
    if (denominator == 0) return std::nullopt;
    return static_cast<double>(numerator) / static_cast<double>(denominator);
  }
};

// `total` is the everyone row (for the shares of population and alerts); the twin rates
// are included only when the run had a twin.
std::vector<NamedRate> GroupRates(const GroupCounts& g, const GroupCounts& total, bool twin);

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
