// The CSV and JSON outputs of a victim-reporting scenario (report/reporting_report.h writes
// them with the page and the summary). Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "hotspot/reporting_experiment.h"
#include "scenario/scenario.h"

namespace oversight {

// The arm's column name: "sepp_full", "ma_rescaled", ...
std::string ReportingArmKey(const ReportingArm& arm);

std::string ReportingDistrictsCsv(const Scenario& s, const ReportingExperiment& e);
std::string ReportingArmsCsv(const Scenario& s, const ReportingExperiment& e);
std::string ReportingRanksCsv(const ReportingExperiment& e);
std::string ReportingCellsCsv(const Scenario& s, const ReportingExperiment& e);
std::string ReportingJson(const Scenario& s, const ReportingExperiment& e,
                          std::string_view version);

}  // namespace oversight
