#include "hotspot/reporting_forecast.h"

#include <cmath>
#include <numeric>

#include "hotspot/reporting_world.h"
#include "hotspot/sepp.h"

namespace oversight {

namespace {

// Sum over days [from, to) of counts x exp(-omega (to - day)), per cell.
std::vector<double> Excitation(std::span<const int32_t> counts, size_t cells, int32_t from,
                               int32_t to, double omega) {
  std::vector<double> out(cells, 0.0);
  const double e = std::exp(-omega);
  for (int32_t t = from; t < to; ++t) {
    const int32_t* row = &counts[static_cast<size_t>(t) * cells];
    for (size_t c = 0; c < cells; ++c) out[c] = e * (out[c] + row[c]);
  }
  return out;
}

ReportingForecast Sepp(const ReportingScenarioOptions& o, std::span<const int32_t> counts,
                       int32_t first, int32_t days) {
  const size_t cells = o.cells.size();
  ReportingForecast out;
  out.scores.assign(static_cast<size_t>(days) * cells, 0.0);
  SeppOptions options;
  options.max_iterations = o.em_iterations;
  options.tolerance = 1e-5;
  options.background_shape = BroadBackground(o.cells, o.model_background_sd);
  std::vector<BinHistory> histories;
  SeppFit fit;
  std::vector<double> excitation;
  for (int32_t f = 0; f < days; ++f) {
    const int32_t today = first + f;
    if (f % o.refit_days == 0) {
      HistoriesFromDaily(counts, cells, today - o.train_days, o.train_days, &histories);
      SeppFit start;
      start.mu = options.background_shape;
      for (double& mu : start.mu) mu *= 50;
      start.theta = 0.5;
      start.omega = 1;
      fit = FitSepp(histories, o.train_days, options, &start);
      out.iterations += fit.iterations;
      excitation = Excitation(counts, cells, today - o.train_days, today, fit.omega);
    }
    double* row = &out.scores[static_cast<size_t>(f) * cells];
    const double decay = std::exp(-fit.omega);
    const int32_t* today_counts = &counts[static_cast<size_t>(today) * cells];
    for (size_t c = 0; c < cells; ++c) {
      row[c] = fit.mu[c] + fit.theta * fit.omega * excitation[c];
      excitation[c] = decay * (excitation[c] + today_counts[c]);
    }
  }
  out.mu_bar = std::accumulate(fit.mu.begin(), fit.mu.end(), 0.0);
  out.theta = fit.theta;
  out.omega = fit.omega;
  return out;
}

ReportingForecast MovingAverage(const ReportingScenarioOptions& o, std::span<const int32_t> counts,
                                int32_t first, int32_t days) {
  const size_t cells = o.cells.size();
  ReportingForecast out;
  const int32_t from = first - o.train_days;
  out.ma_span = ChooseMovingAverageSpan(counts, cells, from, first, o.ma_max_days);
  const double alpha = 2.0 / (out.ma_span + 1.0);
  std::vector<double> average(cells, 0.0);
  out.scores.assign(static_cast<size_t>(days) * cells, 0.0);
  for (int32_t t = from; t < first + days; ++t) {
    if (t >= first) {
      std::copy(
          average.begin(), average.end(),
          out.scores.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(t - first) * cells));
    }
    const int32_t* row = &counts[static_cast<size_t>(t) * cells];
    for (size_t c = 0; c < cells; ++c) average[c] += alpha * (row[c] - average[c]);
  }
  return out;
}

}  // namespace

std::vector<double> BroadBackground(const std::vector<ReportingCell>& cells, double sd) {
  std::vector<double> out(cells.size());
  for (size_t c = 0; c < cells.size(); ++c) {
    out[c] = NormalMassInUnit(0, sd, cells[c].x) * NormalMassInUnit(0, sd, cells[c].y);
  }
  const double total = std::accumulate(out.begin(), out.end(), 0.0);
  if (total > 0) {
    for (double& v : out) v /= total;
  }
  return out;
}

int32_t ChooseMovingAverageSpan(std::span<const int32_t> counts, size_t cells, int32_t from,
                                int32_t to, int32_t max_days) {
  const int32_t scored = to - from > max_days ? from + max_days : from;
  int32_t best = 1;
  double best_error = INFINITY;
  std::vector<double> average(cells);
  for (int32_t n = 1; n <= max_days; ++n) {
    const double alpha = 2.0 / (n + 1.0);
    std::fill(average.begin(), average.end(), 0.0);
    double error = 0;
    for (int32_t t = from; t < to; ++t) {
      const int32_t* row = &counts[static_cast<size_t>(t) * cells];
      for (size_t c = 0; c < cells; ++c) {
        const double miss = row[c] - average[c];
        if (t >= scored) error += miss * miss;
        average[c] += alpha * miss;
      }
    }
    if (error < best_error) {
      best_error = error;
      best = n;
    }
  }
  return best;
}

ReportingForecast ForecastReporting(ReportingModel model, const ReportingScenarioOptions& options,
                                    std::span<const int32_t> counts, int32_t first, int32_t days) {
  return model == ReportingModel::kSepp ? Sepp(options, counts, first, days)
                                        : MovingAverage(options, counts, first, days);
}

}  // namespace oversight
