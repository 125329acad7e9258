#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

class SequenceRuleTest : public RuleFixture {
 protected:
  static constexpr std::string_view kRule = R"(
[[rules]]
id = "anti_reconnaissance"
who = "petitioners"
what = "phone_dark"
then = { what = "ticket", to = "elsewhere", within_hours = 48 }
)";
};

TEST_F(SequenceRuleTest, DarkPhoneThenADecoyTicketWithinTheWindow) {
  std::vector<Input> days(3);
  days[0].records.dark = {DarkRecord{600, PersonId(4)}};
  days[2].observations = {Ticket(DayStart(2) + 600, 4, false)};  // exactly 48 h later
  const std::vector<Alert> alerts = Run(kRule, days);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(4));
  EXPECT_EQ(alerts[0].time, DayStart(2) + 600);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "sequence");
}

TEST_F(SequenceRuleTest, NearMissesDoNotAlert) {
  std::vector<Input> days(3);
  days[0].observations = {Ticket(500, 4, false)};  // the ticket before the phone went dark
  days[0].records.dark = {DarkRecord{600, PersonId(4)}, DarkRecord{600, PersonId(1)}};
  days[1].observations = {Ticket(DayStart(1) + 100, 4, true),    // to the capital: not a decoy
                          Ticket(DayStart(1) + 100, 1, false)};  // not a petitioner
  days[2].observations = {Ticket(DayStart(2) + 601, 4, false)};  // 48 h and a minute
  EXPECT_TRUE(Run(kRule, days).empty());
}

TEST_F(SequenceRuleTest, EachFirstStepIsUsedOnce) {
  std::vector<Input> days(1);
  days[0].records.dark = {DarkRecord{600, PersonId(4)}};
  days[0].observations = {Ticket(700, 4, false), Ticket(800, 4, false)};
  EXPECT_EQ(Run(kRule, days).size(), 1u);
}

}  // namespace
}  // namespace oversight
