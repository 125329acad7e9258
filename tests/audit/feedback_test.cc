#include "audit/feedback.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

// 10 days; the minority (100 persons) against the majority (400): alerts per person equal on
// days 0-6, then the minority's double.
AuditResult TenDays() {
  AuditResult a;
  a.groups.resize(2);
  a.groups[0].name = "majority";
  a.groups[0].persons = 400;
  a.groups[0].harmful_persons = 8;
  a.groups[1].name = "minority";
  a.groups[1].persons = 100;
  a.groups[1].harmful_persons = 2;
  for (int d = 0; d < 10; ++d) {
    DayCounts day;
    day.day = d;
    day.group_alerts = {40, static_cast<uint64_t>(d < 7 ? 10 : 20)};
    day.group_listed = {40, static_cast<uint64_t>(10 + d)};
    a.days.push_back(day);
  }
  return a;
}

TEST(FeedbackTest, AlertDisparityOverTimeAgainstTheTruth) {
  const std::vector<FeedbackTrend> trends = Feedback(TenDays(), AuditOptions{});
  ASSERT_EQ(trends.size(), 1u);
  const FeedbackTrend& f = trends[0];
  EXPECT_EQ(f.group, "minority");
  EXPECT_EQ(f.reference, "majority");
  EXPECT_DOUBLE_EQ(*f.first_week, 1.0);
  // Days 3-9: minority 4 x 10 + 3 x 20 = 100 alerts per 100 persons; majority 280 per 400.
  EXPECT_DOUBLE_EQ(*f.last_week, 1.0 / 0.7);
  EXPECT_DOUBLE_EQ(*f.by_day[9], 2.0);
  EXPECT_DOUBLE_EQ(*f.listed_first_day, 1.0);
  EXPECT_DOUBLE_EQ(*f.listed_last_day, 1.9);
  EXPECT_DOUBLE_EQ(*f.truth, 1.0);  // 2% harmful in both
}

TEST(FeedbackTest, NoAlertsInTheReferenceMeansNoRatio) {
  AuditResult a = TenDays();
  for (DayCounts& d : a.days) d.group_alerts[0] = 0;
  const std::vector<FeedbackTrend> trends = Feedback(a, AuditOptions{});
  EXPECT_FALSE(trends[0].first_week.has_value());
  EXPECT_FALSE(trends[0].by_day[0].has_value());
}

}  // namespace
}  // namespace oversight
