// The hotspot forecasts of a victim-reporting scenario (Akpinar, De-Arteaga and
// Chouldechova, FAccT 2021), each ranking cells by a score per day from daily counts per
// cell (`counts[day * cells + cell]`, all crime or the reported part):
//
// - SEPP: the self-exciting model of hotspot/sepp.h with ONE broad background (a Gaussian
//   of sd model_background_sd km centred on the frame's origin, its mass over the city's
//   cells) and triggering within the cell (the aftershocks' spread, a tenth of a cell,
//   stays in it), fitted by EM (mu bar = 50, theta = 0.5, omega = 1 to start; at most
//   em_iterations; tolerance 1e-5) on the train_days before the first forecast day and
//   refitted every refit_days. A day's score: mu_c + theta omega sum of exp(-omega lag).
// - Moving average: per cell, an exponential moving average of the daily counts with
//   alpha = 2 / (n + 1) for the span n in 1 .. ma_max_days that minimises the squared error
//   of the next day's count over the training days.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "scenario/reporting_options.h"

namespace oversight {

enum class ReportingModel : uint8_t { kSepp, kMovingAverage };

struct ReportingForecast {
  std::vector<double> scores;  // `[(day - first) * cells + cell]`, for `days` days
  // SEPP: the last fit's parameters and the summed EM iterations; MA: the chosen span.
  double mu_bar = 0, theta = 0, omega = 0;
  int32_t iterations = 0;
  int32_t ma_span = 0;
};

// Scores each of `days` days from `first`, trained on the counts before. REQUIRES: first >=
// train_days; the counts cover [0, first + days).
ReportingForecast ForecastReporting(ReportingModel model, const ReportingScenarioOptions& options,
                                    std::span<const int32_t> counts, int32_t first, int32_t days);

// The SEPP's background proportions per cell: the mass of N(0, sd^2 I) in each, over their
// sum.
std::vector<double> BroadBackground(const std::vector<ReportingCell>& cells, double sd);

// The moving-average span (1 .. max_days) with the least squared one-day-ahead error over
// days [from, to) of `counts` (`cells` per day; the average starts at 0 on day `from` and
// is scored from day from + max_days on, or from `from` if the window is shorter).
int32_t ChooseMovingAverageSpan(std::span<const int32_t> counts, size_t cells, int32_t from,
                                int32_t to, int32_t max_days);

}  // namespace oversight
