// The outputs of an attention-allocation scenario (`[scenario] model = "attention"`):
// report.html, report.json, attention_steps.csv (per agent, step and site: the mean rate,
// incidents, discovered and missed over the runs), attention_sites.csv (per agent and site,
// the totals) and summary.txt, through an OutputSink (report.json last).
// Thread-safety: pure functions.
#pragma once

#include <absl/status/status.h>

#include <string>
#include <string_view>

#include "hotspot/attention_run.h"
#include "report/output_sink.h"
#include "scenario/scenario.h"

namespace oversight {

std::string AttentionSummary(const Scenario& scenario, const AttentionExperiment& experiment);

absl::Status WriteAttentionReport(const Scenario& scenario, const AttentionExperiment& experiment,
                                  std::string_view version, OutputSink* sink);

}  // namespace oversight
