// An urn scenario's experiment: many runs of the Pólya urn (polya_urn.h), without and with
// Ensign et al.'s correction, summarised day by day and over the runs' final shares, beside
// the analytic limit (urn_limit.h).
//
// Run r of an arm uses the scenario's seed and run index r (the same draws in both arms up
// to the correction's own coin), so the arms differ only by the correction. Runs are made
// in parallel (TBB, the caller's task arena) and summarised in run order: the result does
// not depend on the thread count. Thread-safety: a pure function.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "hotspot/polya_urn.h"
#include "scenario/scenario.h"

namespace oversight {

struct UrnArm {
  bool correction = false;
  // Per day, over the runs: region A's share of the recorded incidents (the urn's balls),
  // mean and 5th and 95th percentiles.
  std::vector<double> mean_share, p05_share, p95_share;
  double patrol_share_a = 0;  // share of all patrol-days spent in region A, over the runs
  int64_t runaway = 0;        // runs ending with A's share above 0.95 or below 0.05
  // The analytic limit of A's share (nullopt: random, the Beta limit of the plain urn).
  std::optional<double> limit;
  std::vector<double> final_share;  // per run, A's share after the last day
  double sd_final = 0;              // sd of final_share over the runs
  std::array<double, 9> deciles{};  // 10th, 20th, ..., 90th percentiles of final_share
  double above_threshold = 0;       // fraction of runs whose final share exceeds the threshold
};

struct UrnExperiment {
  double true_share = 0;  // A's share of the true incidents: what an unbiased urn learns
  int32_t runs = 0;
  int32_t days = 0;
  std::vector<UrnArm> arms;  // without the correction first, when both run
};

// The urn options of one arm of `scenario`.
UrnOptions UrnArmOptions(const Scenario& scenario, bool correction);

UrnExperiment RunUrnExperiment(const Scenario& scenario);

}  // namespace oversight
