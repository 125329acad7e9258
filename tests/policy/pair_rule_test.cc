#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

// Persons 6 and 7 are married on the register (household 6).
class PairRuleTest : public RuleFixture {
 protected:
  static constexpr std::string_view kRule = R"(
[[rules]]
id = "sham_marriage"
who = "anyone"
what = "location"
when = { hours = [20, 7] }
with = { spouse = true }
how_often = { together_below = 0.25, within_days = 2 }
)";

  // Both spouses located at night over days 0-1: `together` of the 11 night hours of each
  // day at home, the rest apart.
  std::vector<Input> Nights(Minute together) {
    std::vector<Input> days(2);
    const PlaceId home = homes_[6];
    for (Day d = 0; d < 2; ++d) {
      const Minute start = DayStart(d);
      auto& loc = days[static_cast<size_t>(d)].records.locations;
      // Person 6: at home all night (00:00-07:00 and 20:00-24:00).
      loc.push_back(Located(6, home, start, start + 420));
      loc.push_back(Located(6, home, start + 1200, start + 1440));
      // Person 7: at home for `together` minutes from 20:00, elsewhere the rest of the night.
      loc.push_back(Located(7, hotel_a_, start, start + 420));
      loc.push_back(Located(7, home, start + 1200, start + 1200 + together));
      loc.push_back(Located(7, hotel_a_, start + 1200 + together, start + 1440));
    }
    return days;
  }
};

TEST_F(PairRuleTest, ACoupleRarelyTogetherAtNightIsAlertedWhenThePeriodCloses) {
  const std::vector<Alert> alerts = Run(kRule, Nights(60));  // 60 of 660 night minutes a day
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{6, 7}));
  EXPECT_EQ(alerts[0].time, DayStart(2) - 1);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "pair");
}

// A couple may straddle two blocks of persons (the records come per block): the first
// spouse's stays end one block, the second's start the next.
TEST_F(PairRuleTest, ACoupleAcrossTwoBlocksIsJudgedTheSame) {
  std::vector<Input> days = Nights(60);
  for (Input& day : days) {
    std::vector<LocationRecord>& all = day.records.locations;
    const auto second = std::find_if(all.begin(), all.end(),
                                     [](const LocationRecord& l) { return l.person.value == 7; });
    day.next_block.locations.assign(second, all.end());
    all.erase(second, all.end());
    ASSERT_FALSE(all.empty());
  }
  EXPECT_EQ(Persons(Run(kRule, days)), (std::vector<uint32_t>{6, 7}));
  // Together enough: no alert, so the time together was counted across the blocks.
  days = Nights(240);
  for (Input& day : days) {
    std::vector<LocationRecord>& all = day.records.locations;
    day.next_block.locations.assign(all.begin() + 2, all.end());
    all.resize(2);
  }
  EXPECT_TRUE(Run(kRule, days).empty());
}

TEST_F(PairRuleTest, TheThresholdIsStrict) {
  EXPECT_TRUE(Run(kRule, Nights(165)).empty());  // exactly 25% of 660: not below
  EXPECT_EQ(Run(kRule, Nights(164)).size(), 2u);
}

TEST_F(PairRuleTest, DaytimeApartAndUnlocatedSpousesDoNotCount) {
  std::vector<Input> days = Nights(240);  // together 240 of 660 night minutes
  // Apart all day long: outside the hours, so it changes nothing.
  days[0].records.locations.push_back(Located(6, far_work_, 420, 1200));
  std::sort(days[0].records.locations.begin(), days[0].records.locations.end(),
            [](const LocationRecord& a, const LocationRecord& b) {
              return a.person != b.person ? a.person < b.person : a.enter < b.enter;
            });
  EXPECT_TRUE(Run(kRule, days).empty());
  // Only one spouse located: not judged.
  std::vector<Input> alone(2);
  alone[0].records.locations = {Located(6, homes_[6], 0, 420)};
  EXPECT_TRUE(Run(kRule, alone).empty());
}

}  // namespace
}  // namespace oversight
