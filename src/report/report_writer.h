// Writes every output file of a run to a sink: report.json, report.html (the page to read),
// groups.csv, rules.csv, days.csv, intersections.csv, disparities.csv, and summary.txt (the
// text printed on stdout).
#pragma once

#include <absl/status/status.h>

#include "audit/audit_result.h"
#include "audit/replicates.h"
#include "report/output_sink.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

// With `replicates` (more than one seed), also replicates.csv and the replicate sections of
// report.json and summary.txt; the other files describe the first replicate.
absl::Status WriteReport(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                         OutputSink* sink, const Replicates* replicates = nullptr);

}  // namespace oversight
