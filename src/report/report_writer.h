// Writes every output file of a run to a sink: report.json, groups.csv, rules.csv,
// days.csv, and summary.txt (the text printed on stdout).
#pragma once

#include <absl/status/status.h>

#include "audit/audit_result.h"
#include "report/output_sink.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

absl::Status WriteReport(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                         OutputSink* sink);

}  // namespace oversight
