// An urn scenario's experiment: many runs of the Pólya urn (polya_urn.h), without and with
// Ensign et al.'s correction, summarised day by day.
//
// Run r of an arm uses the scenario's seed and run index r (the same draws in both arms up
// to the correction's own coin), so the arms differ only by the correction. Runs are made
// in parallel (TBB, the caller's task arena) and summarised in run order: the result does
// not depend on the thread count. Thread-safety: a pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/scenario.h"

namespace oversight {

struct UrnArm {
  bool correction = false;
  // Per day, over the runs: region A's share of the recorded incidents (the urn's balls),
  // mean and 5th and 95th percentiles.
  std::vector<double> mean_share, p05_share, p95_share;
  double patrol_share_a = 0;  // share of all patrol-days spent in region A, over the runs
  int64_t runaway = 0;        // runs ending with A's share above 0.95 or below 0.05
};

struct UrnExperiment {
  double true_share = 0;  // A's share of the true incidents: what an unbiased urn learns
  int32_t runs = 0;
  int32_t days = 0;
  std::vector<UrnArm> arms;  // without the correction first, when both run
};

UrnExperiment RunUrnExperiment(const Scenario& scenario);

}  // namespace oversight
