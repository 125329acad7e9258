#include "hotspot/reporting_experiment.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "hotspot/reporting_world.h"
#include "hotspot/sepp.h"

namespace oversight {

namespace {

// One arm in one run: sums over the forecast days.
struct ArmRun {
  std::vector<int64_t> difference;  // per district
  int64_t displaced = 0;
  std::vector<double> intensity_by_rank;
  std::vector<int32_t> cell_days;
  ReportingForecast forecast;  // its scores dropped once evaluated
};

struct RunResult {
  std::array<ArmRun, kReportingArms> arms;
  std::vector<int64_t> true_hotspots;  // per district, summed over days
  std::vector<double> true_intensity_by_rank;
  std::vector<int32_t> true_cell_days;
  ReportingHistory history;  // its day-by-day vectors dropped
};

std::vector<double> Rescaled(const ReportingScenarioOptions& o, std::vector<double> scores) {
  const size_t cells = o.cells.size();
  for (size_t i = 0; i < scores.size(); ++i) {
    const double rate =
        o.districts[static_cast<size_t>(o.cells[i % cells].district)].reporting_rate;
    scores[i] = rate > 0 ? scores[i] / rate : scores[i];
  }
  return scores;
}

// Scores the arm's forecast day by day against the true top cells.
void Evaluate(const ReportingScenarioOptions& o, const ReportingHistory& h,
              const std::vector<std::vector<int32_t>>& true_top, ArmRun* arm) {
  const size_t cells = h.cells, districts = o.districts.size();
  arm->difference.assign(districts, 0);
  arm->intensity_by_rank.assign(static_cast<size_t>(o.top), 0.0);
  arm->cell_days.assign(cells, 0);
  std::vector<int64_t> today(districts);
  for (size_t f = 0; f < true_top.size(); ++f) {
    const std::span<const double> scores(&arm->forecast.scores[f * cells], cells);
    const std::span<const double> truth(&h.intensity[f * cells], cells);
    std::fill(today.begin(), today.end(), 0);
    const std::vector<int32_t> top = TopIndices(scores, o.top);
    for (size_t rank = 0; rank < top.size(); ++rank) {
      const auto c = static_cast<size_t>(top[rank]);
      ++today[static_cast<size_t>(o.cells[c].district)];
      arm->intensity_by_rank[rank] += truth[c];
      ++arm->cell_days[c];
    }
    for (const int32_t c : true_top[f])
      --today[static_cast<size_t>(o.cells[static_cast<size_t>(c)].district)];
    for (size_t d = 0; d < districts; ++d) {
      arm->difference[d] += today[d];
      arm->displaced += std::max<int64_t>(0, today[d]);
    }
  }
  arm->forecast.scores = {};
}

RunResult RunOnce(const Scenario& s, uint32_t run) {
  const ReportingScenarioOptions& o = s.reporting;
  const int32_t first = o.burn_in_days + o.train_days;
  RunResult r;
  r.history = SimulateReportingHistory(o, s.seed, run, first + s.days, first);
  const ReportingHistory& h = r.history;
  std::vector<std::vector<int32_t>> true_top(static_cast<size_t>(s.days));
  r.true_hotspots.assign(o.districts.size(), 0);
  r.true_intensity_by_rank.assign(static_cast<size_t>(o.top), 0.0);
  r.true_cell_days.assign(h.cells, 0);
  for (size_t f = 0; f < true_top.size(); ++f) {
    const std::span<const double> truth(&h.intensity[f * h.cells], h.cells);
    true_top[f] = TopIndices(truth, o.top);
    for (size_t rank = 0; rank < true_top[f].size(); ++rank) {
      const auto c = static_cast<size_t>(true_top[f][rank]);
      ++r.true_hotspots[static_cast<size_t>(o.cells[c].district)];
      r.true_intensity_by_rank[rank] += truth[c];
      ++r.true_cell_days[c];
    }
  }
  for (size_t i = 0; i < kReportingArms; i += 3) {
    const ReportingModel model = ReportingArmAt(i).model;
    r.arms[i].forecast = ForecastReporting(model, o, h.full, first, s.days);
    r.arms[i + 1].forecast = ForecastReporting(model, o, h.reported, first, s.days);
    r.arms[i + 2].forecast = r.arms[i + 1].forecast;
    r.arms[i + 2].forecast.scores = Rescaled(o, r.arms[i + 1].forecast.scores);
    for (size_t k = i; k < i + 3; ++k) Evaluate(o, h, true_top, &r.arms[k]);
  }
  r.history.full = r.history.reported = {};
  r.history.intensity = {};
  return r;
}

double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

void Summarise(const ReportingScenarioOptions& o, const std::vector<RunResult>& runs, double days,
               size_t index, ReportingArmResult* out) {
  const size_t districts = o.districts.size();
  const double n = static_cast<double>(runs.size());
  out->arm = ReportingArmAt(index);
  out->difference.assign(districts, 0.0);
  out->intensity_by_rank.assign(static_cast<size_t>(o.top), 0.0);
  out->cell_days.assign(o.cells.size(), 0.0);
  std::vector<std::vector<double>> per_run(districts);
  for (const RunResult& r : runs) {
    const ArmRun& a = r.arms[index];
    for (size_t d = 0; d < districts; ++d) {
      const double mean = static_cast<double>(a.difference[d]) / days;
      out->difference[d] += mean / n;
      per_run[d].push_back(mean);
    }
    out->displaced += static_cast<double>(a.displaced) / days / n;
    for (size_t k = 0; k < a.intensity_by_rank.size(); ++k) {
      out->intensity_by_rank[k] += a.intensity_by_rank[k] / days / n;
    }
    for (size_t c = 0; c < a.cell_days.size(); ++c) out->cell_days[c] += a.cell_days[c] / n;
    out->mu_bar += a.forecast.mu_bar / n;
    out->theta += a.forecast.theta / n;
    out->omega += a.forecast.omega / n;
    out->iterations += a.forecast.iterations / n;
    out->ma_span += a.forecast.ma_span / n;
  }
  out->difference_p05.resize(districts);
  out->difference_p95.resize(districts);
  std::vector<double> rates;
  for (size_t d = 0; d < districts; ++d) {
    out->difference_p05[d] = Percentile(per_run[d], 0.05);
    out->difference_p95[d] = Percentile(per_run[d], 0.95);
    rates.push_back(o.districts[d].reporting_rate);
  }
  out->correlation = ReportingCorrelation(rates, out->difference);
}

}  // namespace

ReportingArm ReportingArmAt(size_t index) {
  return {index < 3 ? ReportingModel::kSepp : ReportingModel::kMovingAverage,
          static_cast<ReportingData>(index % 3)};
}

std::string_view ReportingModelName(ReportingModel model) {
  return model == ReportingModel::kSepp ? "sepp" : "ma";
}

std::string_view ReportingDataName(ReportingData data) {
  switch (data) {
    case ReportingData::kFull:
      return "full";
    case ReportingData::kReported:
      return "reported";
    case ReportingData::kRescaled:
      return "rescaled";
  }
  return "";
}

double ReportingCorrelation(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

ReportingExperiment RunReportingExperiment(const Scenario& scenario) {
  const ReportingScenarioOptions& o = scenario.reporting;
  std::vector<RunResult> runs(static_cast<size_t>(o.runs));
  tbb::parallel_for(tbb::blocked_range<size_t>(0, runs.size(), 1),
                    [&](const tbb::blocked_range<size_t>& r) {
                      for (size_t k = r.begin(); k != r.end(); ++k) {
                        runs[k] = RunOnce(scenario, static_cast<uint32_t>(k));
                      }
                    });
  ReportingExperiment e;
  e.days = scenario.days;
  e.top = o.top;
  e.runs = o.runs;
  const double n = static_cast<double>(runs.size());
  const double days = scenario.days;
  e.districts.assign(o.districts.size(), ReportingDistrictResult{});
  e.true_intensity_by_rank.assign(static_cast<size_t>(o.top), 0.0);
  e.true_cell_days.assign(o.cells.size(), 0.0);
  for (const RunResult& r : runs) {
    for (size_t d = 0; d < o.districts.size(); ++d) {
      ReportingDistrictResult& x = e.districts[d];
      x.superset += static_cast<double>(r.history.superset_count[d]) / n;
      x.target += r.history.target[d] / n;
      x.full += static_cast<double>(r.history.full_count[d]) / n;
      x.reported += static_cast<double>(r.history.reported_count[d]) / n;
      x.keep += r.history.keep[d] / n;
      x.true_hotspots += static_cast<double>(r.true_hotspots[d]) / days / n;
    }
    for (size_t k = 0; k < r.true_intensity_by_rank.size(); ++k) {
      e.true_intensity_by_rank[k] += r.true_intensity_by_rank[k] / days / n;
    }
    for (size_t c = 0; c < o.cells.size(); ++c) e.true_cell_days[c] += r.true_cell_days[c] / n;
  }
  const double best =
      std::accumulate(e.true_intensity_by_rank.begin(), e.true_intensity_by_rank.end(), 0.0);
  for (size_t i = 0; i < kReportingArms; ++i) {
    Summarise(o, runs, days, i, &e.arms[i]);
    const std::vector<double>& v = e.arms[i].intensity_by_rank;
    e.arms[i].captured = best > 0 ? std::accumulate(v.begin(), v.end(), 0.0) / best : 0.0;
  }
  return e;
}

}  // namespace oversight
