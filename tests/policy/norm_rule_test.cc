#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

using NormRuleTest = RuleFixture;

TEST_F(NormRuleTest, FlagsUseFarAboveTheMedianPerRegisteredResident) {
  auto rule = [](std::string_view who) {
    return fmt::format(R"(
[[rules]]
id = "water"
who = "{}"
what = "meter"
how_often = {{ times_norm = 3.0 }}
)",
                       who);
  };
  Input day;
  // Per registered resident: 100, 110, 120, 130 and 900 litres; the median is 120.
  day.records.meters = {
      MeterRecord{HouseholdId(0), 2, 200, 5}, MeterRecord{HouseholdId(1), 1, 110, 5},
      MeterRecord{HouseholdId(2), 1, 120, 5}, MeterRecord{HouseholdId(3), 1, 130, 5},
      MeterRecord{HouseholdId(4), 1, 900, 5}};
  std::vector<Alert> alerts = RunDay(rule("anyone"), day);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(4));  // the account holder
  EXPECT_EQ(alerts[0].time, DayStart(1) - 1);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "norm");
  // At 360 litres (exactly 3x the median) nothing fires: the rule needs more.
  day.records.meters[4].water_l = 360;
  EXPECT_TRUE(RunDay(rule("anyone"), day).empty());
  // With a list, only listed account holders are flagged.
  day.records.meters[4].water_l = 900;
  EXPECT_TRUE(RunDay(rule("drug"), day).empty());
}

}  // namespace
}  // namespace oversight
