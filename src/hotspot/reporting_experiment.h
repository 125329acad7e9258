// A victim-reporting scenario's experiment (Akpinar, De-Arteaga and Chouldechova, "The
// effect of differential victim crime reporting on predictive policing systems", FAccT
// 2021): simulate the true crime and its reporting (reporting_world.h), train the SEPP and
// the moving average (reporting_forecast.h) on all the crime ("full"), on the reported
// crime, and on the reported crime with the score divided by the district's reporting rate
// ("rescaled"); each forecast day, compare each forecast's top cells with the top cells by
// TRUE intensity.
//
// Runs are made in parallel (TBB) and summarised in run order: the result does not depend
// on the thread count. Thread-safety: a pure function.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "hotspot/reporting_forecast.h"
#include "scenario/scenario.h"

namespace oversight {

enum class ReportingData : uint8_t { kFull, kReported, kRescaled };

inline constexpr size_t kReportingArms = 6;  // {SEPP, MA} x {full, reported, rescaled}

struct ReportingArm {
  ReportingModel model = ReportingModel::kSepp;
  ReportingData data = ReportingData::kFull;
};
// Arm i: model i / 3, data i % 3.
ReportingArm ReportingArmAt(size_t index);
std::string_view ReportingModelName(ReportingModel model);  // "sepp", "ma"
std::string_view ReportingDataName(ReportingData data);     // "full", "reported", "rescaled"

struct ReportingArmResult {
  ReportingArm arm;
  // Per district, means over runs and forecast days: the forecast's hotspots there minus
  // the true top cells there; and the 5th and 95th percentiles over runs of the run's mean.
  std::vector<double> difference, difference_p05, difference_p95;
  double displaced = 0;    // mean per day: the sum of the positive differences
  double correlation = 0;  // Pearson, district reporting rate against the mean difference
  // Per rank 1..top, mean over runs and days: the true intensity of the cell the forecast
  // ranks there.
  std::vector<double> intensity_by_rank;
  double captured = 0;            // its sum over the true top cells' (0..1)
  std::vector<double> cell_days;  // per cell, mean over runs: days among the hotspots
  double mu_bar = 0, theta = 0, omega = 0, iterations = 0, ma_span = 0;  // means over runs
};

struct ReportingDistrictResult {
  // Means over runs, whole simulated span.
  double superset = 0, target = 0, full = 0, reported = 0, keep = 0;
  double true_hotspots = 0;  // mean per forecast day: true top cells in the district
};

struct ReportingExperiment {
  int32_t days = 0;  // forecast days
  int32_t top = 0;
  int32_t runs = 0;
  std::vector<ReportingDistrictResult> districts;
  std::array<ReportingArmResult, kReportingArms> arms;
  std::vector<double> true_intensity_by_rank;  // per rank, mean over runs and days
  std::vector<double> true_cell_days;          // per cell: days among the true top cells
};

ReportingExperiment RunReportingExperiment(const Scenario& scenario);

// Pearson's correlation; 0 when either side is constant.
double ReportingCorrelation(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace oversight
