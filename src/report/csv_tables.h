// The audit as CSV tables (columns: docs/OUTPUTS.md): one row per group (plus "all"), per
// rule and per day. Rates are written with 6 decimals, empty when undefined (0 denominator).
#pragma once

#include <string>

#include "audit/audit_result.h"
#include "audit/disparity.h"
#include "audit/replicates.h"

namespace oversight {

std::string GroupsCsv(const AuditResult& audit);
std::string RulesCsv(const AuditResult& audit);
std::string DaysCsv(const AuditResult& audit);
// One row per intersection cell (group x sex, group x status): the groups.csv columns after
// a `dimension` column, then `judgement` ("insufficient data" below min_cell persons or
// innocent persons).
std::string IntersectionsCsv(const AuditResult& audit, int32_t min_cell);
// One row per (group, metric) against the reference group (audit/disparity.h).
std::string DisparitiesCsv(const std::vector<Disparity>& disparities);
// One row per metric: n, mean, sd, the 95% interval, then its value in each replicate.
std::string ReplicatesCsv(const Replicates& replicates);

}  // namespace oversight
