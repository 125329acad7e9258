// report.json: the whole audit, machine-readable (schema: docs/OUTPUTS.md).
#pragma once

#include <string>

#include "audit/audit_result.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

// Bumped whenever a key is renamed or removed or its meaning changes.
inline constexpr int kReportSchemaVersion = 1;

std::string ReportJson(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit);

}  // namespace oversight
