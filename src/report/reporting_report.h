// The outputs of a victim-reporting scenario (`[scenario] model = "reporting"`):
// report.html, report.json, reporting_districts.csv, reporting_cells.csv and summary.txt,
// through an OutputSink (report.json last).
#pragma once

#include <absl/status/status.h>

#include <string>

#include "hotspot/reporting_experiment.h"
#include "report/output_sink.h"
#include "scenario/scenario.h"

namespace oversight {

// What the report says of the two fits, computed once from the experiment.
struct ReportingFacts {
  std::vector<double> true_share;        // per district: share of the true crime
  std::vector<double> hotspot_true;      // per district: share of hotspot cell-days, all crime
  std::vector<double> hotspot_reported;  // ... reported crime
  double moved = 0;        // half the summed absolute differences: cell-days that change district
  double correlation = 0;  // Pearson, reporting rate against the change in hotspot share
  size_t most_lost = 0, most_gained = 0;  // districts
};

ReportingFacts FactsOf(const Scenario& scenario, const ReportingExperiment& experiment);

std::string ReportingSummary(const Scenario& scenario, const ReportingExperiment& experiment);

absl::Status WriteReportingReport(const Scenario& scenario, const ReportingExperiment& experiment,
                                  std::string_view version, OutputSink* sink);

}  // namespace oversight
