#include "audit/replicates.h"

#include <gtest/gtest.h>

#include <cmath>

namespace oversight {
namespace {

AuditResult Made(uint64_t alerts, uint64_t false_alarms, uint64_t minority_alerts) {
  AuditResult a;
  a.groups.resize(2);
  a.groups[0].name = "majority";
  a.groups[0].persons = 90;
  a.groups[1].name = "minority";
  a.groups[1].persons = 10;
  a.groups[1].alerts = minority_alerts;
  a.groups[0].alerts = alerts - minority_alerts;
  a.total.name = "all";
  a.total.persons = 100;
  a.total.alerts = alerts;
  a.total.false_alarms = false_alarms;
  a.rules.resize(1);
  a.rules[0].id = "r";
  a.rules[0].alerts = alerts;
  a.rules[0].false_alarms = false_alarms;
  return a;
}

TEST(ReplicatesTest, EveryMetricGetsItsValuesAndInterval) {
  const Replicates r = Summarize({7, 8, 9}, {Made(10, 9, 2), Made(20, 18, 4), Made(30, 30, 9)});
  EXPECT_EQ(r.seeds, (std::vector<uint64_t>{7, 8, 9}));
  const ReplicateMetric* alerts = r.Find("all.alerts");
  ASSERT_NE(alerts, nullptr);
  EXPECT_EQ(alerts->interval.n, 3u);
  EXPECT_DOUBLE_EQ(alerts->interval.mean, 20.0);
  // sd 10, t(0.975, 2) = 4.303: 20 +/- 24.84.
  EXPECT_NEAR(alerts->interval.low, 20.0 - 4.303 * 10 / std::sqrt(3.0), 1e-9);
  const ReplicateMetric* share = r.Find("group.minority.alert_share");
  ASSERT_NE(share, nullptr);
  EXPECT_DOUBLE_EQ(*share->values[0], 0.2);
  EXPECT_DOUBLE_EQ(*share->values[2], 0.3);
  const ReplicateMetric* precision = r.Find("rule.r.precision");
  ASSERT_NE(precision, nullptr);
  EXPECT_DOUBLE_EQ(*precision->values[1], 0.1);
  EXPECT_DOUBLE_EQ(*precision->values[2], 0.0);
  EXPECT_EQ(r.Find("all.lawful_lost_share"), nullptr);  // no twin, no twin metrics
}

TEST(ReplicatesTest, UndefinedRatesAreLeftOutOfTheInterval) {
  const Replicates r = Summarize({1, 2, 3}, {Made(0, 0, 0), Made(10, 5, 1), Made(10, 7, 1)});
  const ReplicateMetric* fa = r.Find("all.false_alarm_share");
  ASSERT_NE(fa, nullptr);
  EXPECT_FALSE(fa->values[0].has_value());  // no alerts: undefined
  EXPECT_EQ(fa->interval.n, 2u);
  EXPECT_DOUBLE_EQ(fa->interval.mean, 0.6);
}

}  // namespace
}  // namespace oversight
