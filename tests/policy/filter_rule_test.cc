#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

using FilterRuleTest = RuleFixture;

constexpr std::string_view kNearSchool = R"(
[[rules]]
id = "near_school"
who = "drug"
what = "sighting"
where = { near = "school", within_m = 150 }
when = { hours = [7, 18] }
)";

TEST_F(FilterRuleTest, NearPlaceFiresForListedPersonsWithinRadiusOncePerDay) {
  const std::vector<Alert> alerts =
      RunDay(kNearSchool, {{
                              Seen(600, near_work_, 0),  // listed, 100 m away: alert
                              Seen(700, near_work_, 0),  // same person again: no second alert
                              Seen(610, far_work_, 1),   // listed, 1 km away: no
                              Seen(620, near_work_, 4),  // not listed: no
                              Seen(630, school_, 2),     // listed, at the school itself: alert
                          }});
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(alerts[0].time, 600);
  EXPECT_EQ(alerts[1].time, 630);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "filter");
}

TEST_F(FilterRuleTest, NearPlaceRespectsItsHoursAndDistanceEdges) {
  const std::vector<Alert> alerts =
      RunDay(kNearSchool, {{
                              Seen(6 * 60 + 59, school_, 0),  // before 07:00
                              Seen(18 * 60, school_, 1),      // 18:00 is outside [7, 18)
                              Seen(17 * 60 + 59, school_, 2),
                          }});
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{2}));
  constexpr std::string_view kAt100 = R"(
[[rules]]
id = "r"
who = "drug"
what = "sighting"
where = { near = "school", within_m = 100 }
)";
  EXPECT_EQ(RunDay(kAt100, {{Seen(600, near_work_, 0)}}).size(), 1u);  // exactly 100 m: near
  constexpr std::string_view kAt99 = R"(
[[rules]]
id = "r"
who = "drug"
what = "sighting"
where = { near = "school", within_m = 99.9 }
)";
  EXPECT_TRUE(RunDay(kAt99, {{Seen(600, near_work_, 0)}}).empty());
}

TEST_F(FilterRuleTest, HoursMayWrapPastMidnight) {
  constexpr std::string_view kNight = R"(
[[rules]]
id = "r"
who = "anyone"
what = "sighting"
when = { hours = [22, 6] }
)";
  const std::vector<Alert> alerts =
      RunDay(kNight, {{Seen(5 * 60 + 59, park_, 0), Seen(6 * 60, park_, 1),
                       Seen(21 * 60 + 59, park_, 2), Seen(22 * 60, park_, 3)}});
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{0, 3}));
}

TEST_F(FilterRuleTest, DayFilterFollowsTheCalendar) {
  constexpr std::string_view kWorkdays = R"(
[[rules]]
id = "r"
who = "anyone"
what = "sighting"
when = { days = "workdays" }
)";
  std::vector<Input> days(7);
  for (Day d = 0; d < 7; ++d)
    days[static_cast<size_t>(d)].observations = {Seen(DayStart(d) + 600, park_, 0)};
  const std::vector<Alert> alerts = Run(kWorkdays, days);  // day 0 is a Monday
  ASSERT_EQ(alerts.size(), 5u);
  EXPECT_EQ(DayOf(alerts.back().time), 4);
}

TEST_F(FilterRuleTest, TicketRuleFiresOnListedBuyersToTheCapitalOnly) {
  constexpr std::string_view kTicket = R"(
[[rules]]
id = "ticket"
who = "petitioners"
what = "ticket"
where = { to = "capital" }
category = "political"
)";
  const std::vector<Alert> alerts =
      RunDay(kTicket, {{Ticket(400, 4, true),
                        Ticket(405, 4, false),  // the same person's second ticket the same day
                        Ticket(406, 1, true),   // not a petitioner
                        Ticket(410, 5, true),   // a petitioner, but red-listed
                        Seen(420, station_, 4)}});
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(4));
  EXPECT_EQ(alerts[0].category, Category::kPolitical);
  EXPECT_EQ(alerts[0].priority, 3);
  ASSERT_EQ(engine_->suppressed().size(), 1u);
  EXPECT_EQ(engine_->suppressed()[0].person, PersonId(5));
}

TEST_F(FilterRuleTest, PhoneDarkFiresForListedPersonsOnly) {
  constexpr std::string_view kDark = R"(
[[rules]]
id = "dark"
who = "drug"
what = "phone_dark"
)";
  Input day;
  day.records.dark = {DarkRecord{300, PersonId(1)}, DarkRecord{400, PersonId(4)}};
  const std::vector<Alert> alerts = RunDay(kDark, day);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(1));
  EXPECT_EQ(alerts[0].time, 300);
}

}  // namespace
}  // namespace oversight
