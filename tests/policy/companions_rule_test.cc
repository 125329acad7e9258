#include <fmt/format.h>

#include <string>

#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

class CompanionsRuleTest : public RuleFixture {
 protected:
  // The default city's compound rule, with its counts and window as given.
  static std::string Rule(int at_least, int distinct_companions, int within_days) {
    return fmt::format(R"(
[[rules]]
id = "compound_companions"
who = "men"
what = "sighting"
where = {{ at = "residential_compound", away_from_home = true }}
with = {{ who = "anyone", within_minutes = 2 }}
how_often = {{ at_least = {}, distinct_companions = {}, within_days = {} }}
)",
                       at_least, distinct_companions, within_days);
  }
  const std::string kRule = Rule(3, 3, 30);
};

TEST_F(CompanionsRuleTest, RepeatedEntriesWithVaryingCompanionsAlert) {
  std::vector<Input> days(4);
  // Person 0 enters the other compound each day with a different companion.
  days[0].observations = {Seen(600, other_compound_, 0), Seen(601, other_compound_, 1)};
  days[1].observations = {Seen(DayStart(1) + 600, other_compound_, 0),
                          Seen(DayStart(1) + 598, other_compound_, 3)};  // 2 min before
  days[2].observations = {Seen(DayStart(2) + 600, other_compound_, 0),
                          Seen(DayStart(2) + 603, other_compound_, 5),   // 3 min: too late
                          Seen(DayStart(2) + 602, other_compound_, 1)};  // the same companion
  days[3].observations = {Seen(DayStart(3) + 600, other_compound_, 0),
                          Seen(DayStart(3) + 600, other_compound_, 7)};
  const std::vector<Alert> alerts = Run(kRule, days);
  ASSERT_EQ(alerts.size(), 1u);  // 3 entries by day 2 but only 2 companions; 3 on day 3
  EXPECT_EQ(alerts[0].person, PersonId(0));
  EXPECT_EQ(alerts[0].time, DayStart(3) + 600);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "companions");
}

TEST_F(CompanionsRuleTest, TheOwnCompoundAndWomenDoNotCount) {
  std::vector<Input> days(4);
  for (Day d = 0; d < 4; ++d) {
    days[static_cast<size_t>(d)].observations = {
        Seen(DayStart(d) + 600, compound_, 0),        // his own compound
        Seen(DayStart(d) + 700, other_compound_, 1),  // a woman
        Seen(DayStart(d) + 601, compound_, static_cast<uint32_t>(2 + d)),
        Seen(DayStart(d) + 701, other_compound_, static_cast<uint32_t>(3 + d))};
  }
  EXPECT_TRUE(Run(kRule, days).empty());
}

// The rule keeps only the latest `at_least` entries and the `distinct_companions` most
// recent companions of a key; a crowd at one entry and companions that leave the window
// must still count as a full history would.
TEST_F(CompanionsRuleTest, ACrowdAtOneEntryThenTheWindowMovesOn) {
  const std::string kShort = Rule(2, 2, 3);
  std::vector<Input> days(6);
  // Day 0: three companions at once (one entry: not yet enough entries).
  days[0].observations = {Seen(600, other_compound_, 0), Seen(600, other_compound_, 1),
                          Seen(601, other_compound_, 3), Seen(601, other_compound_, 5)};
  // Day 3: day 0 has left the window: one entry, one companion.
  days[3].observations = {Seen(DayStart(3) + 600, other_compound_, 0),
                          Seen(DayStart(3) + 600, other_compound_, 7)};
  // Day 4: two entries in the window, still one companion.
  days[4].observations = {Seen(DayStart(4) + 600, other_compound_, 0)};
  // Day 5: three entries, two companions: now.
  days[5].observations = {Seen(DayStart(5) + 600, other_compound_, 0),
                          Seen(DayStart(5) + 601, other_compound_, 9)};
  const std::vector<Alert> alerts = Run(kShort, days);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].time, DayStart(5) + 600);
}

}  // namespace
}  // namespace oversight
