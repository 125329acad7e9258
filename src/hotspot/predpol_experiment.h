// A PredPol scenario's experiment (Lum and Isaac, "To Predict and Serve?", Significance
// 2016): each day, fit the self-exciting model (sepp.h) on the records of the window
// before it, and target the `top` bins of highest forecast intensity.
//
// Two arms. Without feedback, the records stay as they were: the forecast replays what the
// police would have been told. With feedback, targeting records more where it sends
// officers: each targeted bin's day gets Binomial(recorded + 1, added_share) extra records
// (Lum and Isaac's simulation), which the next days' fits see. The feedback arm draws
// random numbers (Stream::kPredpol, per run and day), so it runs `runs` times, in parallel
// (TBB) and summarised in run order: the result does not depend on the thread count.
// With the counts ranker (a control) the bins are ranked by their records in the window,
// and nothing is fitted.
// Thread-safety: a pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/scenario.h"

namespace oversight {

struct PredpolArm {
  bool feedback = false;
  int32_t runs = 1;
  // Per bin (index bin - 1), mean over the runs: days targeted.
  std::vector<double> days_targeted;
  // Per bin, mean over the runs: records in the forecast period (with feedback, the added
  // ones included).
  std::vector<double> records;
  // Per forecast day, mean over the runs: records that day (added ones included), and of
  // them those in the day's targeted bins (the vendor's "hit rate" is their ratio).
  std::vector<double> day_records, day_hits;
  double added = 0;          // mean over runs: records added by targeting, all days
  double original_hits = 0;  // mean over runs: records in targeted bins before any were added
  double distinct_bins = 0;  // mean over runs: bins targeted at least once
  std::vector<int32_t> first_run_targets;  // run 0, per day, the `top` bins (flattened)
  // Per run, per day, the `top` bins (flattened, -1 where fewer bins had records) and their
  // predicted intensity (records a day; the window's daily mean with the counts ranker).
  std::vector<std::vector<int32_t>> targets;
  std::vector<std::vector<double>> target_intensity;
  // Per forecast day, mean over the runs: the targeted bins' share of the predicted rate
  // of all bins.
  std::vector<double> top_share;
  double mean_iterations = 0;   // EM iterations per daily fit, over the runs
  double theta = 0, omega = 0;  // run 0's last fit
};

struct PredpolExperiment {
  int32_t days = 0;
  int32_t bins = 0;
  int32_t top = 0;
  std::vector<PredpolArm> arms;  // without feedback first, when both run
};

PredpolExperiment RunPredpolExperiment(const Scenario& scenario);

}  // namespace oversight
