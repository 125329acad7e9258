// Options of a victim-reporting scenario (`[scenario] model = "reporting"`): crime
// simulated over a city's grid cells as Akpinar, De-Arteaga and Chouldechova (FAccT 2021)
// build it, thinned to each district's victimisation and reporting rates, and hotspot
// forecasts trained on all of it and on the reported part, judged against the true
// intensity (hotspot/reporting_experiment.h).
//
// The inputs are district-level survey rates and which district each cell lies in; the
// loader reads them with the scenario.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oversight {

struct ReportingDistrict {
  std::string name;
  double victimization_rate = 0;  // share of residents victim of a crime per semester
  double reporting_rate = 0;      // share of crimes the victims report
  double population = 0;
};

// A grid cell: (x - 1, x] x (y - 1, y] in the city's km frame, in a district.
struct ReportingCell {
  int32_t x = 0;
  int32_t y = 0;
  int32_t district = 0;  // index into the districts
};

struct ReportingScenarioOptions {
  std::string districts_path, cells_path;  // as resolved
  std::vector<ReportingDistrict> districts;
  std::vector<ReportingCell> cells;
  // The true crime: a background of Gaussian bumps (sd bump_sd km) at the centres below,
  // background_rate events a day in all (points off the city's cells dropped); each event
  // has Poisson(theta) aftershocks, offset N(0, aftershock_sd^2) km per axis, each
  // ceil(Exp(omega)) days later, recursively. Then victimisation-thinned so that a district
  // keeps population / population_scale x victimization per semester, then each crime is
  // reported at the district's rate.
  double population_scale = 40;
  double background_rate = 100;  // events a day, all bumps together (mu bar)
  double bump_sd = 4.5;          // km
  std::vector<std::pair<double, double>> bumps = {
      {-6, 0}, {6, 0},    {-6, 10}, {6, 10},  {-6, -10}, {6, -10},  {-6, 20},
      {6, 20}, {-6, -20}, {6, -20}, {-6, 30}, {6, 30},   {-6, -30}, {6, -30}};
  double theta = 15 * 2 * 3.14159265358979 * 0.1 * 0.1;  // aftershocks per event (expected)
  double aftershock_sd = 0.1;                            // km
  double omega = 0.2;  // per day: an aftershock follows after ceil(Exp(omega)) days
  // The forecasts: trained on the train_days after the first burn_in_days, then ranking the
  // cells each of the scenario's days; the SEPP refitted every refit_days.
  int32_t burn_in_days = 500;
  int32_t train_days = 1500;
  int32_t refit_days = 1000;
  double model_background_sd = 15;  // km: the SEPP's one background Gaussian
  int32_t em_iterations = 100;      // at most, per SEPP fit
  int32_t ma_max_days = 50;         // moving average: spans of 1 .. this many days tried
  int32_t top = 50;                 // hotspot cells each day
  int32_t runs = 10;                // independent simulated histories
};

}  // namespace oversight
