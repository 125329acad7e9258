// One simulated history of a victim-reporting scenario, as Akpinar, De-Arteaga and
// Chouldechova build it (FAccT 2021; their code, github.com/nakpinar/diff-crime-reporting):
// a "superset" self-exciting process in the city's km frame (Gaussian bumps of background
// plus recursive aftershocks, scenario/reporting_options.h), kept per district with the
// probability that makes the district's total match its survey victimisation (the "full"
// data), then kept at the district's reporting rate (the "reported" data). Events are
// counted per cell and day; the true intensity of the full data is known in closed form
// (the bumps' mass in the cell plus the expected aftershocks of earlier events landing in
// it), and is what the forecasts are judged against.
//
// A history draws from one stream (Stream::kReporting, entity 0, day = run), processing
// events in a fixed order: it depends on the seed and run only. Thread-safety: pure
// functions.
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/reporting_options.h"

namespace oversight {

struct ReportingHistory {
  size_t cells = 0;
  int32_t span = 0;  // days
  // Per day and cell (`[day * cells + cell]`): events kept by victimisation ("full"), and
  // of those, the reported.
  std::vector<int32_t> full, reported;
  // Per district, whole span: superset events, the victimisation target, full, reported.
  std::vector<int64_t> superset_count, full_count, reported_count;
  std::vector<double> target;
  std::vector<double> keep;  // per district: the victimisation thinning probability
  // The true intensity of the full data on each evaluated day, `[(day - first) * cells +
  // cell]`, for days [first, span).
  int32_t first = 0;
  std::vector<double> intensity;
  // Per cell: the expected superset background events a day (the bumps' mass in the cell).
  std::vector<double> background;
};

// Simulates `span` days and records the true intensity of days [first, span).
// REQUIRES: the loader's checks (cells in known districts, rates in [0, 1]), 0 <= first <=
// span.
ReportingHistory SimulateReportingHistory(const ReportingScenarioOptions& options, uint64_t seed,
                                          uint32_t run, int32_t span, int32_t first);

// The mass of N(centre, sd^2) in the interval (high - 1, high].
double NormalMassInUnit(double centre, double sd, int32_t high);

}  // namespace oversight
