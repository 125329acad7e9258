#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

using DwellRuleTest = RuleFixture;

TEST_F(DwellRuleTest, OneLongStayAlertsWhenTheDwellIsReached) {
  constexpr std::string_view kRule = R"(
[[rules]]
id = "station_dwell"
who = "anyone"
what = "location"
where = { at = "train_station" }
how_often = { dwell_minutes = 120 }
)";
  Input day;
  day.records.locations = {Located(0, station_, 600, 719),   // 119 minutes: no
                           Located(1, station_, 600, 720),   // exactly 120: alert at 720
                           Located(2, station_, 300, 500),   // alert at 420 ...
                           Located(2, station_, 900, 1100),  // ... once a day
                           Located(3, park_, 0, 1000)};      // not a station
  const std::vector<Alert> alerts = RunDay(kRule, day);
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{2, 1}));
  EXPECT_EQ(alerts[0].time, 420);
  EXPECT_EQ(alerts[1].time, 720);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "dwell");
}

TEST_F(DwellRuleTest, TotalDwellSumsStaysOverTheWindowAndReArms) {
  constexpr std::string_view kRule = R"(
[[rules]]
id = "foreigner"
who = "no_permit"
what = "location"
where = { near = ["language_school", "bar"], within_m = 100 }
how_often = { total_minutes = 600, within_days = 3 }
)";
  std::vector<Input> days(9);
  auto stay = [&](Day d, uint32_t person, PlaceId place, Minute from, Minute minutes) {
    days[static_cast<size_t>(d)].records.locations.push_back(
        Located(person, place, DayStart(d) + from, DayStart(d) + from + minutes));
  };
  stay(0, 8, language_school_, 600, 300);
  stay(1, 8, bar_, 600, 299);       // 599 minutes: one short
  stay(1, 0, bar_, 0, 1000);        // a citizen: never
  stay(2, 8, far_work_, 600, 500);  // not near either
  stay(2, 8, bar_, 1200, 100);      // reaches 600 at minute 1201
  // Day 3: the window (0, 3] holds 399 minutes, below the threshold: re-armed. 400 more
  // reach it at minute 600 + 201; a later stay the same day adds no second alert.
  stay(3, 8, bar_, 600, 400);
  stay(3, 8, bar_, 1100, 100);
  // Days 4-5: nothing. Day 6: the window (3, 6] is empty again.
  stay(6, 8, bar_, 0, 599);
  stay(7, 8, bar_, 0, 1);  // 600 in (4, 7]: alert at minute 1
  const std::vector<Alert> alerts = Run(kRule, days);
  ASSERT_EQ(alerts.size(), 3u);
  EXPECT_EQ(alerts[0].time, DayStart(2) + 1201);
  EXPECT_EQ(alerts[1].time, DayStart(3) + 801);
  EXPECT_EQ(alerts[2].time, DayStart(7) + 1);
}

}  // namespace
}  // namespace oversight
