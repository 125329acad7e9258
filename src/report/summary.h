// The plain-text summary printed at the end of a run: the headline findings in sentences,
// with the counts behind every percentage.
#pragma once

#include <string>

#include "audit/audit_result.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

std::string Summary(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit);

// 1234567 -> "1,234,567".
std::string WithThousands(uint64_t n);

}  // namespace oversight
