// The outputs of an urn scenario (`[scenario] model = "urn"`): report.html, report.json,
// urn_days.csv, urn_runs.csv (each run's final share) and summary.txt, through an OutputSink
// (report.json last).
#pragma once

#include <absl/status/status.h>

#include <string>

#include "hotspot/urn_experiment.h"
#include "report/output_sink.h"
#include "scenario/scenario.h"

namespace oversight {

std::string UrnSummary(const Scenario& scenario, const UrnExperiment& experiment);

absl::Status WriteUrnReport(const Scenario& scenario, const UrnExperiment& experiment,
                            std::string_view version, OutputSink* sink);

}  // namespace oversight
