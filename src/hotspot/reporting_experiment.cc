#include "hotspot/reporting_experiment.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "core/count_draws.h"
#include "core/rng.h"
#include "hotspot/sepp.h"

namespace oversight {

namespace {

constexpr double kDaysPerSemester = 182.5;

// Daily counts per cell over the whole simulated span, row-major by day.
struct CellCounts {
  size_t cells = 0;
  std::vector<int32_t> all, reported;

  int32_t At(const std::vector<int32_t>& v, int32_t day, size_t cell) const {
    return v[static_cast<size_t>(day) * cells + cell];
  }
};

CellCounts Simulate(const Scenario& s, uint32_t run, int32_t span) {
  const ReportingScenarioOptions& o = s.reporting;
  CellCounts out;
  out.cells = o.cells.size();
  out.all.assign(static_cast<size_t>(span) * out.cells, 0);
  out.reported.assign(out.all.size(), 0);
  std::vector<int32_t> cells_in(o.districts.size(), 0);
  for (const ReportingCell& c : o.cells) ++cells_in[static_cast<size_t>(c.district)];
  std::vector<int32_t> scheduled(static_cast<size_t>(span));
  for (size_t c = 0; c < out.cells; ++c) {
    const ReportingDistrict& d = o.districts[static_cast<size_t>(o.cells[c].district)];
    const double per_day =
        d.population / o.population_scale * d.victimization_rate / kDaysPerSemester;
    const double background =
        (1.0 - o.theta) * per_day / cells_in[static_cast<size_t>(o.cells[c].district)];
    Rng rng(s.seed, Stream::kReporting, static_cast<uint32_t>(c), static_cast<int32_t>(run));
    std::fill(scheduled.begin(), scheduled.end(), 0);
    for (int32_t t = 0; t < span; ++t) {
      const auto n = static_cast<int32_t>(PoissonCount(rng.Uniform(), background)) +
                     scheduled[static_cast<size_t>(t)];
      for (int32_t i = 0; i < n; ++i) {
        const int64_t offspring = PoissonCount(rng.Uniform(), o.theta);
        for (int64_t k = 0; k < offspring; ++k) {
          const double wait = -std::log(1.0 - rng.Uniform()) / o.omega;
          const int64_t at = t + std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait)));
          if (at < span) ++scheduled[static_cast<size_t>(at)];
        }
      }
      const size_t i = static_cast<size_t>(t) * out.cells + c;
      out.all[i] = n;
      out.reported[i] = static_cast<int32_t>(BinomialCount(rng.Uniform(), n, d.reporting_rate));
    }
  }
  return out;
}

struct ArmRun {
  std::vector<int64_t> cell_days;  // per cell: days among the hotspots
  int64_t captured = 0;            // true crime in the day's hotspots
  double theta = 0;                // mean over fits
};

// Forecasts each of the `days` days after `first` from `counts` (all or reported crime).
ArmRun Forecast(const ReportingScenarioOptions& o, const CellCounts& sim,
                const std::vector<int32_t>& counts, int32_t first, int32_t days) {
  ArmRun out;
  out.cell_days.assign(sim.cells, 0);
  std::vector<BinHistory> histories(sim.cells);
  SeppFit fit;
  int32_t fits = 0;
  for (int32_t f = 0; f < days; ++f) {
    const int32_t today = first + f;
    HistoriesFromDaily(counts, sim.cells, today - o.train_days, o.train_days, &histories);
    if (f % o.refit_days == 0) {
      fit = FitSepp(histories, o.train_days, SeppOptions{});
      out.theta += fit.theta;
      ++fits;
    }
    for (const int32_t c : TopIndices(SeppIntensity(histories, fit, o.train_days), o.top)) {
      ++out.cell_days[static_cast<size_t>(c)];
      out.captured += sim.At(sim.all, today, static_cast<size_t>(c));
    }
  }
  out.theta /= std::max(fits, 1);
  return out;
}

struct RunResult {
  ArmRun all, reported;
  std::vector<int64_t> true_crimes, reported_crimes;  // per district, forecast days
  int64_t total_true = 0;
};

RunResult RunOnce(const Scenario& s, uint32_t run) {
  const ReportingScenarioOptions& o = s.reporting;
  const int32_t first = o.burn_in_days + o.train_days;
  const CellCounts sim = Simulate(s, run, first + s.days);
  RunResult r;
  r.all = Forecast(o, sim, sim.all, first, s.days);
  r.reported = Forecast(o, sim, sim.reported, first, s.days);
  r.true_crimes.assign(o.districts.size(), 0);
  r.reported_crimes.assign(o.districts.size(), 0);
  for (int32_t t = first; t < first + s.days; ++t) {
    for (size_t c = 0; c < sim.cells; ++c) {
      const auto d = static_cast<size_t>(o.cells[c].district);
      r.true_crimes[d] += sim.At(sim.all, t, c);
      r.reported_crimes[d] += sim.At(sim.reported, t, c);
      r.total_true += sim.At(sim.all, t, c);
    }
  }
  return r;
}

// The district's hotspot cell-days in `arm`.
std::vector<int64_t> ByDistrict(const ReportingScenarioOptions& o, const ArmRun& arm) {
  std::vector<int64_t> out(o.districts.size(), 0);
  for (size_t c = 0; c < o.cells.size(); ++c) {
    out[static_cast<size_t>(o.cells[c].district)] += arm.cell_days[c];
  }
  return out;
}

}  // namespace

ReportingExperiment RunReportingExperiment(const Scenario& scenario) {
  const ReportingScenarioOptions& o = scenario.reporting;
  std::vector<RunResult> runs(static_cast<size_t>(o.runs));
  tbb::parallel_for(tbb::blocked_range<size_t>(0, runs.size()),
                    [&](const tbb::blocked_range<size_t>& r) {
                      for (size_t k = r.begin(); k != r.end(); ++k) {
                        runs[k] = RunOnce(scenario, static_cast<uint32_t>(k));
                      }
                    });
  ReportingExperiment e;
  e.days = scenario.days;
  e.top = o.top;
  e.runs = o.runs;
  e.districts.assign(o.districts.size(), ReportingDistrictResult{});
  e.cell_days_true.assign(o.cells.size(), 0.0);
  e.cell_days_reported.assign(o.cells.size(), 0.0);
  const double n = static_cast<double>(runs.size());
  const double cell_days = static_cast<double>(scenario.days) * o.top;
  std::vector<std::vector<double>> changes(o.districts.size());
  for (const RunResult& r : runs) {
    const std::vector<int64_t> all = ByDistrict(o, r.all);
    const std::vector<int64_t> reported = ByDistrict(o, r.reported);
    for (size_t d = 0; d < o.districts.size(); ++d) {
      ReportingDistrictResult& x = e.districts[d];
      x.true_crimes += static_cast<double>(r.true_crimes[d]) / n;
      x.reported_crimes += static_cast<double>(r.reported_crimes[d]) / n;
      x.hotspots_true += static_cast<double>(all[d]) / n;
      x.hotspots_reported += static_cast<double>(reported[d]) / n;
      changes[d].push_back(static_cast<double>(reported[d] - all[d]) / cell_days);
    }
    for (size_t c = 0; c < o.cells.size(); ++c) {
      e.cell_days_true[c] += static_cast<double>(r.all.cell_days[c]) / n;
      e.cell_days_reported[c] += static_cast<double>(r.reported.cell_days[c]) / n;
    }
    if (r.total_true > 0) {
      e.captured_true +=
          static_cast<double>(r.all.captured) / static_cast<double>(r.total_true) / n;
      e.captured_reported +=
          static_cast<double>(r.reported.captured) / static_cast<double>(r.total_true) / n;
    }
    e.theta_true += r.all.theta / n;
    e.theta_reported += r.reported.theta / n;
  }
  for (size_t d = 0; d < o.districts.size(); ++d) {
    std::vector<double>& v = changes[d];
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
      return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
    };
    e.districts[d].change_p05 = at(0.05);
    e.districts[d].change_p95 = at(0.95);
  }
  return e;
}

}  // namespace oversight
