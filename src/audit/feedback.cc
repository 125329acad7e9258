#include "audit/feedback.h"

#include <algorithm>

#include "audit/disparity.h"

namespace oversight {

namespace {

// A day's count for group g, 0 where the day carries no per-group counts.
uint64_t At(const std::vector<uint64_t>& counts, size_t g) {
  return g < counts.size() ? counts[g] : 0;
}

std::optional<double> Ratio(double a, double a_persons, double b, double b_persons) {
  if (a_persons <= 0 || b_persons <= 0 || b <= 0) return std::nullopt;
  return (a / a_persons) / (b / b_persons);
}

}  // namespace

std::vector<FeedbackTrend> Feedback(const AuditResult& audit, const AuditOptions& options) {
  std::vector<FeedbackTrend> out;
  if (audit.groups.size() < 2 || audit.days.empty()) return out;
  const GroupCounts& reference = ReferenceGroup(audit, options);
  const size_t ref = static_cast<size_t>(&reference - audit.groups.data());
  const size_t days = audit.days.size();
  const size_t week = std::min<size_t>(7, days);
  for (size_t g = 0; g < audit.groups.size(); ++g) {
    if (g == ref) continue;
    const GroupCounts& group = audit.groups[g];
    const auto persons = static_cast<double>(group.persons);
    const auto ref_persons = static_cast<double>(reference.persons);
    FeedbackTrend trend{.group = group.name, .reference = reference.name};
    // The disparity of days [from, to) in the per-group daily count `counts` (alerts,
    // persons listed, patrol exposure).
    using Counts = std::vector<uint64_t> DayCounts::*;
    auto span = [&](Counts counts, size_t from, size_t to) {
      double a = 0, b = 0;
      for (size_t d = from; d < to; ++d) {
        a += static_cast<double>(At(audit.days[d].*counts, g));
        b += static_cast<double>(At(audit.days[d].*counts, ref));
      }
      return Ratio(a, persons, b, ref_persons);
    };
    trend.first_week = span(&DayCounts::group_alerts, 0, week);
    trend.last_week = span(&DayCounts::group_alerts, days - week, days);
    for (size_t d = 0; d < days; ++d)
      trend.by_day.push_back(span(&DayCounts::group_alerts, d, d + 1));
    trend.patrols_first_week = span(&DayCounts::group_patrols, 0, week);
    trend.patrols_last_week = span(&DayCounts::group_patrols, days - week, days);
    trend.listed_first_day = span(&DayCounts::group_listed, 0, 1);
    trend.listed_last_day = span(&DayCounts::group_listed, days - 1, days);
    trend.truth = Ratio(static_cast<double>(group.harmful_persons), persons,
                        static_cast<double>(reference.harmful_persons), ref_persons);
    out.push_back(std::move(trend));
  }
  return out;
}

}  // namespace oversight
