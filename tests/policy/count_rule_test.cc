#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

// 10 persons: numbers 0-19 are residents', 20 and up out of town.
class CountRuleTest : public RuleFixture {
 protected:
  static constexpr std::string_view kNewNumbers = R"(
[[rules]]
id = "new_numbers"
who = "drug"
what = "call"
where = { numbers = "out_of_town" }
how_often = { at_least = 3, within_days = 7, new_after_days = 10 }
)";

  static CallRecord Call(Day d, uint32_t caller, uint32_t to) {
    return CallRecord{DayStart(d) + 600, PersonId(caller), caller * 2, to};
  }
  // Runs the new-numbers rule over `calls[d]` on day d; returns (day, caller) per alert.
  std::vector<std::pair<Day, uint32_t>> Calls(const std::vector<std::vector<CallRecord>>& calls) {
    std::vector<Input> days(calls.size());
    for (size_t d = 0; d < calls.size(); ++d) days[d].records.calls = calls[d];
    std::vector<std::pair<Day, uint32_t>> out;
    for (const Alert& a : Run(kNewNumbers, days)) out.emplace_back(DayOf(a.time), a.person.value);
    return out;
  }
};

TEST_F(CountRuleTest, RepeatedCallsToANewOutOfTownNumberAlertOnce) {
  std::vector<std::vector<CallRecord>> days(16);
  // Person 0 called number 25 on day 0; by day 12 the 10-day lookback has passed.
  days[0] = {Call(0, 0, 25)};
  days[12] = {Call(12, 0, 30), Call(12, 0, 30)};
  days[13] = {Call(13, 0, 30)};                   // third call to a new number: alert
  days[14] = {Call(14, 0, 30), Call(14, 0, 31)};  // still within the window: no second alert
  EXPECT_EQ(Calls(days), (std::vector<std::pair<Day, uint32_t>>{{13, 0}}));
}

TEST_F(CountRuleTest, KnownNumbersResidentsAndUnwatchedCallersDoNotCount) {
  std::vector<std::vector<CallRecord>> days(30);
  days[5] = {Call(5, 1, 40)};  // first contact, before the window
  for (size_t d = 12; d < 30; ++d) {
    const auto day = static_cast<Day>(d);
    days[d] = {Call(day, 1, 40),   // an old number, called at least every 10 days since day 5
               Call(day, 1, 5),    // a resident's number
               Call(day, 7, 50)};  // a caller nobody watches
  }
  EXPECT_TRUE(Calls(days).empty());
}

TEST_F(CountRuleTest, NothingCountsBeforeTheLookbackHasHistory) {
  std::vector<std::vector<CallRecord>> days(10);
  for (size_t d = 0; d < 10; ++d)
    days[d] = {Call(static_cast<Day>(d), 2, 60 + static_cast<uint32_t>(d))};
  EXPECT_TRUE(Calls(days).empty());  // every number looks new, but the rule is not active yet
}

TEST_F(CountRuleTest, CallsOutsideTheWindowExpire) {
  std::vector<std::vector<CallRecord>> days(25);
  days[10] = {Call(10, 0, 70), Call(10, 0, 70)};
  days[20] = {Call(20, 0, 71)};  // the day-10 calls left the 7-day window
  EXPECT_TRUE(Calls(days).empty());
}

TEST_F(CountRuleTest, CountsSightingsOverASlidingWindowOfDays) {
  constexpr std::string_view kRule = R"(
[[rules]]
id = "r"
who = "drug"
what = "sighting"
where = { at = "park" }
how_often = { at_least = 3, within_days = 2 }
)";
  std::vector<Input> days(6);
  days[0].observations = {Seen(600, park_, 0), Seen(700, park_, 0)};
  days[2].observations = {Seen(DayStart(2) + 600, park_, 0)};  // day 0 left (0, 2]: 1 in window
  days[3].observations = {Seen(DayStart(3) + 600, park_, 0), Seen(DayStart(3) + 610, park_, 0),
                          Seen(DayStart(3) + 620, bar_, 0)};   // 3 park visits in days 2-3
  days[4].observations = {Seen(DayStart(4) + 600, park_, 0)};  // within 2 days of the alert
  const std::vector<Alert> alerts = Run(kRule, days);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].time, DayStart(3) + 610);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "count");
}

}  // namespace
}  // namespace oversight
