// The plain-text summary printed at the end of a run: the headline findings in sentences,
// with the counts behind every percentage.
#pragma once

#include <string>

#include "audit/audit_result.h"
#include "audit/replicates.h"
#include "report/human_numbers.h"  // IWYU pragma: export (WithThousands)
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

// With `replicates`, ends with the headline metrics' means and 95% intervals over the seeds.
std::string Summary(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                    const Replicates* replicates = nullptr);

}  // namespace oversight
