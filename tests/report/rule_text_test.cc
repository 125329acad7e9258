#include "report/rule_text.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace oversight {
namespace {

const RuleOptions& Rule(const Scenario& s, const std::string& id) {
  for (const RuleOptions& rule : s.policy.rules) {
    if (rule.id == id) return rule;
  }
  ADD_FAILURE() << "no rule " << id;
  return s.policy.rules.front();
}

TEST(RuleTextTest, SaysWhatEachOperatorAsks) {
  const Scenario s = DefaultScenario();
  const auto& lists = s.policy.lists;
  EXPECT_EQ(DescribeRule(Rule(s, "ticket_to_capital"), lists),
            "petitioners: a train ticket to the capital");
  EXPECT_EQ(DescribeRule(Rule(s, "near_school"), lists),
            "key_persons: a camera sighting within 150 m of a school, 07:00–18:00");
  EXPECT_EQ(DescribeRule(Rule(s, "protesters_in_park"), lists),
            "protest_veterans: a camera sighting at a park, with at least 3 others of "
            "protest_veterans arriving within 60 minutes at the same place");
  EXPECT_EQ(DescribeRule(Rule(s, "anti_reconnaissance"), lists),
            "petitioners: the phone going dark, then a train ticket to somewhere other than the "
            "capital within 48 hours");
  EXPECT_EQ(DescribeRule(Rule(s, "station_dwell"), lists),
            "anyone: phone locations at a train_station, one stay of 2 hours or more");
  EXPECT_EQ(DescribeRule(Rule(s, "learned_risk"), lists),
            "anyone: a logistic regression refitted every 7 days on whom the other rules "
            "flagged, alerting at probability 0.5");
}

}  // namespace
}  // namespace oversight
