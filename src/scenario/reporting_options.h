// Options of a victim-reporting scenario (`[scenario] model = "reporting"`): crime
// simulated over a city's grid cells by district, reported to the police at each
// district's rate, and PredPol's forecast (hotspot/sepp.h) fitted on the reported crime
// against the same forecast fitted on all of it (Akpinar, De-Arteaga and Chouldechova,
// FAccT 2021; hotspot/reporting_experiment.h).
//
// The inputs are district-level survey rates and which district each cell lies in; the
// loader reads them with the scenario.
#pragma once

#include <cstdint>
#include <string>
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
  double population_scale = 40;  // crimes per semester = population / scale x victimization
  double theta = 0.5;            // incidents each incident triggers (expected)
  double omega = 0.2;            // per day: a triggered incident follows after Exp(omega) days
  int32_t burn_in_days = 365;    // simulated before the first training day, then dropped
  int32_t train_days = 365;      // each fit uses this many days before the forecast day
  int32_t refit_days = 7;        // the model is refitted every this many forecast days
  int32_t top = 50;              // hotspot cells each day
  int32_t runs = 10;             // independent simulated histories
};

}  // namespace oversight
