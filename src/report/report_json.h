// report.json: the whole audit, machine-readable (schema: docs/OUTPUTS.md).
#pragma once

#include <string>

#include "audit/audit_result.h"
#include "audit/replicates.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

// Bumped whenever a key is renamed or removed or its meaning changes.
inline constexpr int kReportSchemaVersion = 3;

// `replicates`, when given, adds the "replicates" section (every metric's mean and 95%
// interval over the seeds); the rest describes the first replicate (the scenario's seed).
std::string ReportJson(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                       const Replicates* replicates = nullptr);

}  // namespace oversight
