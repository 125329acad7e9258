#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

class WeightedScoreTest : public RuleFixture {
 protected:
  static constexpr std::string_view kScore = R"(
[[scores]]
id = "risk"
who = "petitioners"
method = "weighted"
weights = { past_trips = 2.0, phones_dark = 1.0, personality = 0.5, calls_to_list = 1.0 }
ties_list = "drug"
window_days = 2
raise_level_for = ["low_status", "great_tragedy"]
levels = [3.0, 4.5]
alert_level = 2
category = "political"
)";

  // Runs the score over `days`; returns the alerts and collects the level changes.
  std::vector<Alert> Score(std::vector<Input> days) {
    engine_ = std::make_unique<RuleEngine>(Policy(kScore), RecordsView(city_, pop_), calendar_, 1);
    std::vector<Alert> alerts;
    for (size_t d = 0; d < days.size(); ++d) {
      const auto& today =
          engine_->Evaluate(static_cast<Day>(d), days[d].observations, DayRecords(days[d].records));
      alerts.insert(alerts.end(), today.begin(), today.end());
      for (const ScoreChange& c : engine_->score_changes()) {
        changes_.push_back({static_cast<Day>(d), c.person.value, c.from, c.to});
      }
    }
    return alerts;
  }
  static CallRecord Call(Day d, uint32_t caller, uint32_t callee) {
    return CallRecord{DayStart(d) + 600, PersonId(caller), caller * 2, callee * 2};
  }

  struct Change {
    Day day;
    uint32_t person;
    int from, to;
    friend bool operator==(const Change&, const Change&) = default;
  };
  std::vector<Change> changes_;
};

TEST_F(WeightedScoreTest, LevelsFollowTheWeightedFeaturesAndAlertOnTheWayUp) {
  // Recency weights decay by exp(-1/2) = 0.607 a night (window_days = 2).
  pop_.recorded_personality[4] = 4;  // 0.5 x 4 = 2.0: level 0
  std::vector<Input> days(4);
  days[0].records.dark = {DarkRecord{300, PersonId(4)}};        // 2 + 1 = 3.0: level 1
  days[1].observations = {Ticket(DayStart(1) + 500, 4, true)};  // 2 + 0.607 + 2 = 4.61: 2, alert
  days[2].records.calls = {Call(2, 4, 7)};  // 7 is not listed; 2 + 0.368 + 2 = 4.37: level 1
  days[3].records.calls = {Call(3, 4, 1), Call(3, 4, 1)};  // 2 calls to a drug user: 6.22, alert
  const std::vector<Alert> alerts = Score(days);
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].time, DayStart(2) - 1);
  EXPECT_EQ(alerts[0].category, Category::kPolitical);
  EXPECT_EQ(alerts[1].time, DayStart(4) - 1);
  EXPECT_EQ(changes_,
            (std::vector<Change>{{0, 4, 0, 1}, {1, 4, 1, 2}, {2, 4, 2, 1}, {3, 4, 1, 2}}));
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "weighted_score");
}

TEST_F(WeightedScoreTest, LowStatusAndAGreatTragedyRaiseTheLevel) {
  pop_.status[4] = Status::kLow;
  pop_.recorded_traits[4] =
      static_cast<TraitBits>(pop_.recorded_traits[4] | Bit(Trait::kGreatTragedy));
  const std::vector<Alert> alerts = Score(std::vector<Input>(1));  // no evidence at all
  ASSERT_EQ(alerts.size(), 1u);  // score 0, but two raises: level 2
  EXPECT_EQ(alerts[0].person, PersonId(4));
  EXPECT_EQ(changes_, (std::vector<Change>{{0, 4, 0, 2}}));
}

}  // namespace
}  // namespace oversight
