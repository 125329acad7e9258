// report.html: the page people read. One self-contained file: the findings in sentences,
// every table with its numerators and denominators and the verdicts in words, and charts
// drawn by Vega-Lite, whose libraries are inlined so the page works offline.
//
// Only aggregates go into the page (per group, cell, rule, district and day), so its size
// does not grow with the number of persons. Text from the scenario (names, ids) is
// escaped. Thread-safety: a pure function.
#pragma once

#include <string>

#include "audit/audit_result.h"
#include "audit/replicates.h"
#include "report/html_page.h"  // IWYU pragma: export (EscapeHtml)
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight {

std::string ReportHtml(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                       const Replicates* replicates = nullptr);

}  // namespace oversight
