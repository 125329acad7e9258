#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

using LearnedScoreTest = RuleFixture;

// The learned score is trained on who the other rules flagged, not on the truth: it learns
// to find people who look like them.
TEST_F(LearnedScoreTest, LearnsWhoTheSystemFlagsNotWhoIsHarmful) {
  constexpr std::string_view kRules = R"(
[[rules]]
id = "park"
who = "drug"
what = "sighting"
where = { at = "park" }

[[scores]]
id = "learned"
who = "anyone"
method = "learned"
retrain_every_days = 7
threshold = 0.5
)";
  // Persons 0 and 1 (drug use on file) are seen at the park every day and flagged; person 6
  // is truly harmful but never seen.
  pop_.intents[6] = Bit(Intent::kDrugDealer);
  std::vector<Input> days(9);
  for (Day d = 0; d < 9; ++d) {
    days[static_cast<size_t>(d)].observations = {Seen(DayStart(d) + 600, park_, 0),
                                                 Seen(DayStart(d) + 610, park_, 1)};
  }
  const std::vector<Alert> alerts = Run(kRules, days);
  std::vector<uint32_t> learned;
  for (const Alert& a : alerts) {
    if (a.rule == RuleId(1)) {
      EXPECT_EQ(DayOf(a.time), 7);  // the first fit is on day 7; then only crossings alert
      learned.push_back(a.person.value);
    }
  }
  EXPECT_EQ(learned, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(engine_->options().rules[1].OperatorName(), "learned_score");
}

TEST_F(LearnedScoreTest, NothingToLearnFromMeansNoScore) {
  constexpr std::string_view kRules = R"(
[[scores]]
id = "learned"
who = "anyone"
method = "learned"
retrain_every_days = 2
)";
  EXPECT_TRUE(Run(kRules, std::vector<Input>(6)).empty());  // no alerts: no positive labels
}

}  // namespace
}  // namespace oversight
