// A victim-reporting scenario's experiment (Akpinar, De-Arteaga and Chouldechova, "The
// effect of differential victim crime reporting on predictive policing systems", FAccT
// 2021): simulate crime over the city's cells, let victims report it at their district's
// rate, and fit PredPol's model (sepp.h) twice, on all the crime and on the reported crime;
// each forecast day, compare where the two send officers (the `top` cells).
//
// The simulated crime: each cell has a background rate, (1 - theta) x its district's crimes
// per day (population / population_scale x victimization per semester of 182.5 days),
// shared evenly by the district's cells; each incident triggers Poisson(theta) more in its
// cell, each ceil(Exp(omega)) days later. A run draws from its own stream (Stream::
// kReporting, entity = cell, day = run); runs are made in parallel (TBB) and summarised in
// run order: the result does not depend on the thread count. Thread-safety: a pure
// function.
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/scenario.h"

namespace oversight {

struct ReportingDistrictResult {
  // Means over the runs, over the forecast days.
  double true_crimes = 0;
  double reported_crimes = 0;
  double hotspots_true = 0;      // hotspot cell-days of the forecast fitted on all crime
  double hotspots_reported = 0;  // ... fitted on the reported crime
  // Over the runs: 5th and 95th percentiles of the district's share of the hotspot
  // cell-days, fitted on reported crime minus fitted on all crime.
  double change_p05 = 0, change_p95 = 0;
};

struct ReportingExperiment {
  int32_t days = 0;  // forecast days
  int32_t top = 0;
  int32_t runs = 0;
  std::vector<ReportingDistrictResult> districts;
  // Per cell, means over runs: days among the hotspots, for each fit.
  std::vector<double> cell_days_true, cell_days_reported;
  // Means over runs: the share of the forecast days' true crime that fell in the day's
  // hotspots, for each fit.
  double captured_true = 0, captured_reported = 0;
  double theta_true = 0, theta_reported = 0;  // mean over runs of the fits' theta
};

ReportingExperiment RunReportingExperiment(const Scenario& scenario);

}  // namespace oversight
