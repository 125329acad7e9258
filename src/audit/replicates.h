// Replicates: the same scenario run with several seeds, each metric summarised by its mean
// and a 95% interval (audit/interval.h).
//
// The metrics are, for every group and for everyone ("all"): alerts and every rate of
// GroupRates; and per rule: alerts and precision. A rate undefined in a replicate (its
// denominator 0) is left out of that metric's interval, whose n says how many counted.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_result.h"
#include "audit/interval.h"

namespace oversight {

struct ReplicateMetric {
  std::string
      name;  // e.g. "all.precision", "group.minority.alert_share", "rule.near_school.alerts"
  std::vector<std::optional<double>> values;  // one per replicate, in seed order
  Estimate interval;                          // mean and 95% interval over the defined values
};

struct Replicates {
  std::vector<uint64_t> seeds;
  std::vector<ReplicateMetric> metrics;

  const ReplicateMetric* Find(const std::string& name) const;
};

// REQUIRES: runs[k] is the audit of seeds[k]; every run has the same groups and rules.
Replicates Summarize(const std::vector<uint64_t>& seeds, const std::vector<AuditResult>& runs);

}  // namespace oversight
