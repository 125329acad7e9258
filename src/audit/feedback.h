// Feedback amplification: how the gap between groups in alerts moves over the run, against
// the gap in the truth.
//
// For a group against the reference group, the alert disparity of a span of days is
// (group alerts per person) / (reference alerts per person) over those days; the true
// disparity is (share of the group with a harmful intent) / (the reference's). The patrol
// disparity is the same ratio for patrol exposure (DayCounts::group_patrols) per person. A system
// that feeds on its own records shows an alert disparity that grows while the true one stays put.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/audit_result.h"
#include "scenario/scenario.h"

namespace oversight {

struct FeedbackTrend {
  std::string group;
  std::string reference;
  std::optional<double> first_week{};           // alert disparity over days 0-6 (or the whole run)
  std::optional<double> last_week{};            // over the last 7 days
  std::optional<double> listed_first_day{};     // watchlist disparity at the end of day 0
  std::optional<double> listed_last_day{};      // ... at the end of the last day
  std::optional<double> patrols_first_week{};   // patrol exposure disparity over days 0-6
  std::optional<double> patrols_last_week{};    // ... over the last 7 days (none: no patrols)
  std::optional<double> truth{};                // disparity in harmful intent
  std::vector<std::optional<double>> by_day{};  // alert disparity, day by day
};

std::vector<FeedbackTrend> Feedback(const AuditResult& audit, const AuditOptions& options);

}  // namespace oversight
