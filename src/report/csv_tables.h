// The audit as CSV tables (columns: docs/OUTPUTS.md): one row per group (plus "all"), per
// rule and per day. Rates are written with 6 decimals, empty when undefined (0 denominator).
#pragma once

#include <string>

#include "audit/audit_result.h"

namespace oversight {

std::string GroupsCsv(const AuditResult& audit);
std::string RulesCsv(const AuditResult& audit);
std::string DaysCsv(const AuditResult& audit);

}  // namespace oversight
