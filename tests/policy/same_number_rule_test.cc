// The same-number operator: at least n calls from one caller to ONE number within w days,
// alerted once per (caller, number) until the count falls below n. Rules are scenario text,
// so every case goes through the loader's compile step and the engine.
#include <gmock/gmock.h>

#include <sstream>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "rule_fixture.h"
#include "scenario/operator_registry.h"

namespace oversight {
namespace {

class SameNumberRuleTest : public RuleFixture {
 protected:
  static constexpr std::string_view kSameNumber = R"(
[[rules]]
id = "same_number"
who = "drug"
what = "call"
how_often = { at_least = 5, within_days = 7, same_number = true }
)";

  static CallRecord Call(Day d, uint32_t caller, uint32_t to, Minute minute = 600) {
    return CallRecord{DayStart(d) + minute, PersonId(caller), caller * 2, to};
  }
  static std::vector<Input> Days(const std::vector<std::vector<CallRecord>>& calls) {
    std::vector<Input> days(calls.size());
    for (size_t d = 0; d < calls.size(); ++d) days[d].records.calls = calls[d];
    return days;
  }
  // Runs `rules` over `calls[d]` on day d; returns (minute, caller) per alert.
  std::vector<std::pair<Minute, uint32_t>> Calls(const std::vector<std::vector<CallRecord>>& calls,
                                                 std::string_view rules = kSameNumber) {
    std::vector<std::pair<Minute, uint32_t>> out;
    for (const Alert& a : Run(rules, Days(calls))) out.emplace_back(a.time, a.person.value);
    return out;
  }
  // The diagnostics of the fixture's lists plus `rule`.
  static std::string Problems(std::string_view rule) {
    Diagnostics diagnostics("rules.toml");
    ParseScenario(std::string(kLists) + std::string(rule), &diagnostics);
    return diagnostics.ToString();
  }
};

using Alerts = std::vector<std::pair<Minute, uint32_t>>;

TEST_F(SameNumberRuleTest, FiveCallsToOneNumberInAWeekAlertOnce) {
  std::vector<std::vector<CallRecord>> days(7);
  for (Day d : {0, 1, 2, 4}) days[static_cast<size_t>(d)] = {Call(d, 0, 30)};
  days[6] = {Call(6, 0, 30), Call(6, 0, 30, 700)};  // the fifth call alerts, the sixth not
  days[3] = {Call(3, 1, 31, 600), Call(3, 1, 31, 601), Call(3, 1, 31, 602),
             Call(3, 1, 31, 603), Call(3, 1, 31, 604), Call(3, 1, 31, 605)};  // fifth: 604
  days[5] = {Call(5, 1, 31)};  // seven calls in the window: still quiet
  EXPECT_EQ(Calls(days), (Alerts{{DayStart(3) + 604, 1}, {DayStart(6) + 600, 0}}));
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "same_number");
}

TEST_F(SameNumberRuleTest, CallsSpreadOverTwoNumbersDoNotAlert) {
  std::vector<std::vector<CallRecord>> days(7);
  for (Day d = 0; d < 7; ++d)
    days[static_cast<size_t>(d)] = {Call(d, 0, d % 2 == 0 ? 30u : 31u)};  // 4 + 3 calls
  EXPECT_TRUE(Calls(days).empty());
  // The same seven calls alert a plain count of five.
  EXPECT_EQ(Calls(days, R"(
[[rules]]
id = "count"
who = "drug"
what = "call"
how_often = { at_least = 5, within_days = 7 }
)")
                .size(),
            1u);
}

TEST_F(SameNumberRuleTest, TheWindowSlidesAndTheTripwireRearmsBelowTheCount) {
  std::vector<std::vector<CallRecord>> days(22);
  for (Day d : {0, 2, 4, 6}) days[static_cast<size_t>(d)] = {Call(d, 2, 40)};
  days[7] = {Call(7, 2, 40)};  // day 0 left the window: 2, 4, 6, 7 (four)
  days[8] = {Call(8, 2, 40)};  // 2, 4, 6, 7, 8: alert
  // Fifteen days later the count has fallen to 0: five more calls alert again.
  days[20] = {Call(20, 2, 40, 600), Call(20, 2, 40, 601), Call(20, 2, 40, 602),
              Call(20, 2, 40, 603)};
  days[21] = {Call(21, 2, 40)};
  EXPECT_EQ(Calls(days), (Alerts{{DayStart(8) + 600, 2}, {DayStart(21) + 600, 2}}));
}

TEST_F(SameNumberRuleTest, OnlyWatchedCallersOffTheRedListAlert) {
  std::vector<std::vector<CallRecord>> days(1);
  for (Minute m = 0; m < 5; ++m) days[0].push_back(Call(0, 5, 50, 600 + m));  // red-listed
  for (Minute m = 0; m < 5; ++m) days[0].push_back(Call(0, 7, 51, 600 + m));  // not on "drug"
  EXPECT_TRUE(Calls(days).empty());
  EXPECT_EQ(Calls(days, R"(
[[rules]]
id = "anyone"
who = "anyone"
what = "call"
how_often = { at_least = 5, within_days = 7, same_number = true }
)"),
            (Alerts{{604, 7}}));
  EXPECT_EQ(engine_->suppressed().size(), 1u);
  EXPECT_EQ(engine_->suppressed()[0].person, PersonId(5));
}

TEST_F(SameNumberRuleTest, ACheckpointCarriesTheCountsAndTheDisarmedPairs) {
  std::vector<std::vector<CallRecord>> calls(10);
  for (Day d = 0; d < 4; ++d)
    calls[static_cast<size_t>(d)] = {Call(d, 0, 30)};  // four before the checkpoint
  calls[4] = {Call(4, 0, 30)};                         // the fifth after it: alert
  for (Minute m = 0; m < 5; ++m) calls[1].push_back(Call(1, 3, 60, 700 + m));  // alert day 1
  calls[6] = {Call(6, 3, 60)};  // day-1 calls still in the window: quiet
  const std::vector<Input> days = Days(calls);
  const Alerts whole = Calls(calls);
  ASSERT_EQ(whole, (Alerts{{DayStart(1) + 704, 3}, {DayStart(4) + 600, 0}}));

  const PolicyOptions policy = Policy(kSameNumber);
  auto run = [&](RuleEngine& engine, size_t from, size_t to, Alerts* out) {
    for (size_t d = from; d < to; ++d) {
      const DayRecords records(days[d].records);
      for (const Alert& a : engine.Evaluate(static_cast<Day>(d), {}, records)) {
        out->emplace_back(a.time, a.person.value);
      }
    }
  };
  Alerts resumed;
  std::stringstream checkpoint;
  {
    RuleEngine first(policy, RecordsView(city_, pop_), calendar_, 1);
    run(first, 0, 4, &resumed);
    SnapshotWriter out(checkpoint);
    first.Save(out);
  }
  RuleEngine second(policy, RecordsView(city_, pop_), calendar_, 1);
  SnapshotReader in(checkpoint);
  second.Load(in);
  EXPECT_EQ(second.StateKeys(RuleId(0)), 2u);  // (0, 30) and (3, 60)
  EXPECT_GT(second.StateBytes(RuleId(0)), 0u);
  run(second, 4, days.size(), &resumed);
  EXPECT_EQ(resumed, whole);
}

TEST_F(SameNumberRuleTest, DescribesAndExportsItsParameters) {
  const PolicyOptions policy = Policy(kSameNumber);
  ASSERT_EQ(policy.rules.size(), 1u);
  const RuleOptions& rule = policy.rules[0];
  EXPECT_EQ(rule.op->describe(rule, policy.lists),
            ", at least 5 calls to the same number within 7 days");
  TraceRuleSlots slots;
  rule.op->export_slots(rule, &slots);
  EXPECT_EQ(slots.at_least, 5);
  EXPECT_EQ(slots.within_days, 7);
}

TEST_F(SameNumberRuleTest, RejectsWhatItCannotCountWithPositions) {
  EXPECT_THAT(Problems(R"(
[[rules]]
id = "seen"
who = "drug"
what = "sighting"
how_often = { at_least = 5, within_days = 7, same_number = true }
)"),
              ::testing::AllOf(::testing::HasSubstr("rules.toml:"),
                               ::testing::HasSubstr("rule 'seen' cannot be compiled: "
                                                    "how_often.same_number (calls to one number) "
                                                    "needs what = \"call\", not \"sighting\"")));
  EXPECT_THAT(Problems(R"(
[[rules]]
id = "one"
who = "drug"
what = "call"
how_often = { at_least = 1, within_days = 7, same_number = true }
)"),
              ::testing::HasSubstr("how_often.at_least (1) must be at least 2 with same_number"));
  EXPECT_THAT(Problems(R"(
[[rules]]
id = "none"
who = "drug"
what = "call"
how_often = { within_days = 7, same_number = true }
)"),
              ::testing::HasSubstr("how_often.same_number needs how_often.at_least"));
  EXPECT_THAT(Problems(R"(
[[rules]]
id = "off"
who = "drug"
what = "call"
how_often = { at_least = 5, same_number = false }
)"),
              ::testing::HasSubstr("same_number = false counts calls to any number"));
}

}  // namespace
}  // namespace oversight
