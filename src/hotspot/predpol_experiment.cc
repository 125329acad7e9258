#include "hotspot/predpol_experiment.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/count_draws.h"
#include "core/rng.h"
#include "hotspot/sepp.h"

namespace oversight {

namespace {

struct PredpolRun {
  std::vector<int32_t> days_targeted;  // per bin
  std::vector<int64_t> records;        // per bin, forecast period
  std::vector<int64_t> day_records, day_hits;
  std::vector<int32_t> targets;          // per day, `top` bins (-1 past the bins with records)
  std::vector<double> target_intensity;  // per day, the targets' predicted intensity
  std::vector<double> top_share;         // per day, the targets' share of the predicted rate
  int64_t added = 0;
  int64_t original_hits = 0;  // records in targeted bins, before any were added
  int64_t iterations = 0;
  double theta = 0, omega = 0;
};

// Daily counts per bin from `first` (inclusive) for `span` days, row-major by day.
class DailyCounts {
 public:
  DailyCounts(const PredpolScenarioOptions& p, CivilDay first, int32_t span)
      : bins_(static_cast<size_t>(p.bins)), counts_(static_cast<size_t>(span) * bins_, 0) {
    for (const CrimeRecord& r : p.records) {
      if (r.day < first || r.day >= first + span) continue;
      ++at(r.day - first, r.bin - 1);
    }
  }
  int32_t& at(int32_t day, int32_t bin) {
    return counts_[static_cast<size_t>(day) * bins_ + static_cast<size_t>(bin)];
  }
  // Each bin's history over days [from, from + length).
  void Histories(int32_t from, int32_t length, std::vector<BinHistory>* out) const {
    HistoriesFromDaily(counts_, bins_, from, length, out);
  }

 private:
  size_t bins_;
  std::vector<int32_t> counts_;
};

// Each bin's records a day over the window: the counts ranker's predicted rate.
std::vector<double> WindowMeans(const std::vector<BinHistory>& histories, int32_t window) {
  std::vector<double> out(histories.size(), 0.0);
  for (size_t b = 0; b < histories.size(); ++b) {
    for (const int32_t c : histories[b].counts) out[b] += c;
    out[b] /= window;
  }
  return out;
}

// Appends the day's `top` targets (padded with -1), their rates and their share of all.
void RecordPrediction(const std::vector<double>& rate, const std::vector<int32_t>& top, int32_t k,
                      PredpolRun& out) {
  double all = 0, targeted = 0;
  for (const double r : rate) all += r;
  for (const int32_t b : top) {
    const double r = rate[static_cast<size_t>(b)];
    targeted += r;
    out.targets.push_back(b);
    out.target_intensity.push_back(r);
  }
  for (auto i = static_cast<int32_t>(top.size()); i < k; ++i) {
    out.targets.push_back(-1);
    out.target_intensity.push_back(0);
  }
  out.top_share.push_back(all > 0 ? targeted / all : 0);
}

PredpolRun RunOnce(const Scenario& s, bool feedback, uint32_t run) {
  const PredpolScenarioOptions& p = s.predpol;
  const int32_t window = p.window_days;
  DailyCounts counts(p, p.first_day - window, window + s.days);
  PredpolRun out;
  const auto bins = static_cast<size_t>(p.bins);
  out.days_targeted.assign(bins, 0);
  out.records.assign(bins, 0);
  out.day_records.assign(static_cast<size_t>(s.days), 0);
  out.day_hits.assign(static_cast<size_t>(s.days), 0);
  std::vector<BinHistory> histories;
  SeppFit fit;
  SeppOptions options;
  options.stop = p.stop_any ? SeppStop::kAny : SeppStop::kAll;
  std::vector<double> rate;
  for (int32_t d = 0; d < s.days; ++d) {
    counts.Histories(d, window, &histories);
    if (p.ranker == PredpolRanker::kCounts) {
      rate = WindowMeans(histories, window);
    } else {
      fit = FitSepp(histories, window, options, nullptr);
      out.iterations += fit.iterations;
      rate = SeppIntensity(histories, fit, window);
    }
    const std::vector<int32_t> top = TopIndices(rate, p.top);
    RecordPrediction(rate, top, p.top, out);
    const int32_t today = window + d;
    for (const int32_t b : top) out.original_hits += counts.at(today, b);
    if (feedback) {
      Rng rng(s.seed, Stream::kPredpol, run, d);
      for (size_t i = 0; i < top.size(); ++i) {
        int32_t& n = counts.at(today, top[i]);
        const int64_t added =
            BinomialCount(rng.UniformAt(static_cast<uint32_t>(i)), n + 1, p.added_share);
        n += static_cast<int32_t>(added);
        out.added += added;
      }
    }
    for (const int32_t b : top) {
      ++out.days_targeted[static_cast<size_t>(b)];
      out.day_hits[static_cast<size_t>(d)] += counts.at(today, b);
    }
    for (int32_t b = 0; b < p.bins; ++b) {
      out.records[static_cast<size_t>(b)] += counts.at(today, b);
      out.day_records[static_cast<size_t>(d)] += counts.at(today, b);
    }
  }
  out.theta = fit.theta;
  out.omega = fit.omega;
  return out;
}

PredpolArm Summarise(const std::vector<PredpolRun>& runs, bool feedback, int32_t bins,
                     int32_t days) {
  PredpolArm arm;
  arm.feedback = feedback;
  arm.runs = static_cast<int32_t>(runs.size());
  arm.days_targeted.assign(static_cast<size_t>(bins), 0.0);
  arm.records.assign(static_cast<size_t>(bins), 0.0);
  arm.day_records.assign(static_cast<size_t>(days), 0.0);
  arm.day_hits.assign(static_cast<size_t>(days), 0.0);
  const double n = static_cast<double>(runs.size());
  int64_t distinct = 0;
  for (const PredpolRun& run : runs) {
    for (size_t b = 0; b < static_cast<size_t>(bins); ++b) {
      arm.days_targeted[b] += run.days_targeted[b] / n;
      arm.records[b] += static_cast<double>(run.records[b]) / n;
      distinct += run.days_targeted[b] > 0 ? 1 : 0;
    }
    for (size_t d = 0; d < static_cast<size_t>(days); ++d) {
      arm.day_records[d] += static_cast<double>(run.day_records[d]) / n;
      arm.day_hits[d] += static_cast<double>(run.day_hits[d]) / n;
    }
    arm.added += static_cast<double>(run.added) / n;
    arm.original_hits += static_cast<double>(run.original_hits) / n;
    arm.mean_iterations += static_cast<double>(run.iterations) / (n * days);
  }
  arm.distinct_bins = static_cast<double>(distinct) / n;
  arm.first_run_targets = runs.front().targets;
  arm.top_share.assign(static_cast<size_t>(days), 0.0);
  for (const PredpolRun& run : runs) {
    arm.targets.push_back(run.targets);
    arm.target_intensity.push_back(run.target_intensity);
    for (size_t d = 0; d < static_cast<size_t>(days); ++d) arm.top_share[d] += run.top_share[d] / n;
  }
  arm.theta = runs.front().theta;
  arm.omega = runs.front().omega;
  return arm;
}

}  // namespace

PredpolExperiment RunPredpolExperiment(const Scenario& scenario) {
  const PredpolScenarioOptions& p = scenario.predpol;
  PredpolExperiment e;
  e.days = scenario.days;
  e.bins = p.bins;
  e.top = p.top;
  if (p.without_feedback) {
    std::vector<PredpolRun> runs = {RunOnce(scenario, false, 0)};
    e.arms.push_back(Summarise(runs, false, p.bins, scenario.days));
  }
  if (p.with_feedback) {
    std::vector<PredpolRun> runs(static_cast<size_t>(p.runs));
    tbb::parallel_for(tbb::blocked_range<size_t>(0, runs.size()),
                      [&](const tbb::blocked_range<size_t>& r) {
                        for (size_t k = r.begin(); k != r.end(); ++k) {
                          runs[k] = RunOnce(scenario, true, static_cast<uint32_t>(k));
                        }
                      });
    e.arms.push_back(Summarise(runs, true, p.bins, scenario.days));
  }
  return e;
}

}  // namespace oversight
