// The outputs of a victim-reporting scenario (`[scenario] model = "reporting"`):
// report.html, report.json, reporting_districts.csv, reporting_arms.csv,
// reporting_ranks.csv, reporting_cells.csv and summary.txt, through an OutputSink
// (report.json last). docs/OUTPUTS.md describes the columns.
#pragma once

#include <absl/status/status.h>

#include <string>

#include "hotspot/reporting_experiment.h"
#include "report/output_sink.h"
#include "scenario/scenario.h"

namespace oversight {

// "SEPP on reported crime", "moving average, rescaled (1/r)", ...
std::string ReportingArmLabel(const ReportingArm& arm);

std::string ReportingSummary(const Scenario& scenario, const ReportingExperiment& experiment);

absl::Status WriteReportingReport(const Scenario& scenario, const ReportingExperiment& experiment,
                                  std::string_view version, OutputSink* sink);

}  // namespace oversight
