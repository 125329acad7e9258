// Disparities: each group's rate against a reference group's, with a 95% interval for the
// ratio and a three-way verdict.
//
// For the rates where a ratio away from 1 means unequal treatment (false_alarm_share,
// innocents_flagged_share, recall, precision, flagged_share, contacts_per_innocent), the
// ratio r = rate(group) / rate(reference). Its 95% interval is exp(ln r +/- 1.96 se), with
// se^2 = 1/x1 - 1/n1 + 1/x2 - 1/n2 (the log-ratio interval for two proportions; for
// contacts_per_innocent, a count over persons, the same formula without the -1/n terms, a
// Poisson rate ratio). Verdict:
//   insufficient data  a denominator below min_cell in either group, or a numerator of 0
//                      (no ratio can be estimated);
//   within band        the interval lies inside [band_low, band_high];
//   outside band       the interval lies wholly outside it;
//   inconclusive       the interval crosses an edge of the band.
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_result.h"
#include "scenario/scenario.h"

namespace oversight {

enum class Verdict : uint8_t { kWithinBand, kOutsideBand, kInconclusive, kInsufficientData };
inline constexpr std::array<std::string_view, 4> kVerdictNames = {
    "within band", "outside band", "inconclusive", "insufficient data"};

struct Disparity {
  std::string dimension = "group";  // "group", or an intersection ("group x sex", ...)
  std::string group;
  std::string reference;
  std::string metric;
  uint64_t numerator = 0, denominator = 0;                      // the group's rate
  uint64_t reference_numerator = 0, reference_denominator = 0;  // the reference's
  double ratio = 0, low = 0, high = 0;  // meaningful unless the verdict is insufficient data
  Verdict verdict = Verdict::kInsufficientData;
};

// The reference group: options.reference_group, or the group with the most persons.
const GroupCounts& ReferenceGroup(const AuditResult& audit, const AuditOptions& options);

// Every non-reference group against the reference, metric by metric; then every
// intersection cell of a non-reference group against the reference group's cell with the
// same value (e.g. "minority x female" against "majority x female"), so that each
// comparison holds the other attribute fixed.
std::vector<Disparity> Disparities(const AuditResult& audit, const AuditOptions& options);

}  // namespace oversight
