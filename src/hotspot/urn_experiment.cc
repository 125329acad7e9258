#include "hotspot/urn_experiment.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "hotspot/polya_urn.h"
#include "hotspot/urn_limit.h"

namespace oversight {

UrnOptions UrnArmOptions(const Scenario& scenario, bool correction) {
  const UrnScenarioOptions& s = scenario.urn;
  return UrnOptions{.discovered_rate = s.discovered_rate,
                    .reported_rate = s.reported_rate,
                    .start = s.start,
                    .decay = s.decay,
                    .correction = correction,
                    .updates = s.updates,
                    .surprise = s.surprise,
                    .surprise_add = s.surprise_add,
                    .reported_weight = s.reported_weight,
                    .days = scenario.days};
}

namespace {

// The spread of the runs' final shares: sd, deciles and the fraction above `threshold`.
void SummariseFinals(double threshold, UrnArm& arm) {
  const std::vector<double>& f = arm.final_share;
  const auto n = static_cast<double>(f.size());
  double sum = 0, sum_sq = 0, above = 0;
  for (double v : f) {
    sum += v;
    sum_sq += v * v;
    above += v > threshold ? 1 : 0;
  }
  const double mean = sum / n;
  arm.sd_final = std::sqrt(std::max(0.0, sum_sq / n - mean * mean));
  arm.above_threshold = above / n;
  std::vector<double> sorted = f;
  std::sort(sorted.begin(), sorted.end());
  for (size_t k = 0; k < arm.deciles.size(); ++k) {
    const auto at = static_cast<size_t>(static_cast<double>(k + 1) / 10 * n);
    arm.deciles[k] = sorted[std::min(sorted.size() - 1, at)];
  }
}

UrnArm RunArm(const Scenario& scenario, bool correction) {
  const UrnOptions options = UrnArmOptions(scenario, correction);
  const auto runs = static_cast<size_t>(scenario.urn.runs);
  std::vector<UrnRun> results(runs);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, runs), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t k = r.begin(); k != r.end(); ++k) {
      results[k] = RunUrn(options, scenario.seed, static_cast<uint32_t>(k));
    }
  });
  UrnArm arm;
  arm.correction = correction;
  arm.limit = UrnLimit(options);
  const auto days = static_cast<size_t>(scenario.days);
  std::vector<double> day_shares(runs);
  int64_t patrols_a = 0;
  for (const UrnRun& run : results) {
    patrols_a += run.patrols[0];
    const double last = run.share_a.back();
    arm.final_share.push_back(last);
    arm.runaway += (last > 0.95 || last < 0.05) ? 1 : 0;
  }
  arm.patrol_share_a =
      static_cast<double>(patrols_a) / (static_cast<double>(runs) * static_cast<double>(days));
  for (size_t d = 0; d < days; ++d) {
    double sum = 0;
    for (size_t k = 0; k < runs; ++k) {
      day_shares[k] = results[k].share_a[d];
      sum += day_shares[k];
    }
    std::sort(day_shares.begin(), day_shares.end());
    auto at = [&](double q) {
      return day_shares[std::min(runs - 1, static_cast<size_t>(q * static_cast<double>(runs)))];
    };
    arm.mean_share.push_back(sum / static_cast<double>(runs));
    arm.p05_share.push_back(at(0.05));
    arm.p95_share.push_back(at(0.95));
  }
  SummariseFinals(scenario.urn.threshold, arm);
  return arm;
}

}  // namespace

UrnExperiment RunUrnExperiment(const Scenario& scenario) {
  UrnExperiment out;
  const UrnScenarioOptions& s = scenario.urn;
  out.true_share = TrueShare(UrnArmOptions(scenario, false));
  out.runs = s.runs;
  out.days = scenario.days;
  if (s.without_correction) out.arms.push_back(RunArm(scenario, false));
  if (s.with_correction) out.arms.push_back(RunArm(scenario, true));
  return out;
}

}  // namespace oversight
