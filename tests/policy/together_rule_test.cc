#include "policy/compiled_rule.h"
#include "rule_fixture.h"

namespace oversight {
namespace {

using TogetherRuleTest = RuleFixture;

TEST_F(TogetherRuleTest, NeedsEnoughDistinctListedPersonsInTheWindow) {
  constexpr std::string_view kRule = R"(
[[rules]]
id = "r"
who = "drug"
what = "sighting"
where = { at = "hotel" }
with = { who = "drug", at_least = 2, within_minutes = 60 }
)";
  const std::vector<Alert> alerts = RunDay(
      kRule,
      {{
          Seen(100, hotel_a_, 0), Seen(101, hotel_a_, 0),  // the same person twice counts once
          Seen(120, hotel_b_, 1),                          // another hotel
          Seen(130, hotel_a_, 4),                          // not listed
          Seen(150, hotel_a_, 1),  // 0 and 1 in (90, 150]: one other each, k - 1
          Seen(162, hotel_a_, 2),  // person 0's arrivals are out of (102, 162]: 1 and 2
          Seen(165, hotel_a_, 3),  // 1, 2, 3 in (105, 165]: two others each
          Seen(170, hotel_a_, 0),  // joins while it holds
      }});
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{1, 2, 3, 0}));
  EXPECT_EQ(alerts[0].time, 165);
  EXPECT_EQ(alerts[3].time, 170);
  EXPECT_EQ(engine_->options().rules[0].OperatorName(), "together");
}

TEST_F(TogetherRuleTest, NearbyPlacesCountAsOne) {
  auto rule = [](int nearby_m) {
    return fmt::format(R"(
[[rules]]
id = "r"
who = "drug"
what = "check_in"
where = {{ at = "hotel", nearby_m = {} }}
with = {{ who = "drug", at_least = 1 }}
)",
                       nearby_m);
  };
  Input day;
  day.records.check_ins = {CheckInRecord{1200, PersonId(0), hotel_a_},
                           CheckInRecord{1380, PersonId(1), hotel_b_},   // 100 m away
                           CheckInRecord{1390, PersonId(2), hotel_c_}};  // far away
  EXPECT_EQ(Persons(RunDay(rule(100), day)), (std::vector<uint32_t>{0, 1}));
  EXPECT_TRUE(RunDay(rule(99), day).empty());  // 1 m short: separate hotels
}

TEST_F(TogetherRuleTest, CheckInsAreTogetherTheSameNightByDefault) {
  constexpr std::string_view kRule = R"(
[[rules]]
id = "r"
who = "drug"
what = "check_in"
with = { who = "drug", at_least = 1 }
)";
  Input day;
  day.records.check_ins = {CheckInRecord{1090, PersonId(0), hotel_a_},
                           CheckInRecord{1100, PersonId(4), hotel_a_},   // not listed
                           CheckInRecord{1430, PersonId(2), hotel_a_},   // hours later
                           CheckInRecord{1300, PersonId(1), hotel_b_}};  // alone there
  const std::vector<Alert> alerts = RunDay(kRule, day);
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(alerts[0].time, 1430);
}

TEST_F(TogetherRuleTest, WhoAndWithMayBeDifferentLists) {
  // Men meeting at least two drug users: person 4 (a man, no drug history) and person 0
  // (a man who is a drug user: only the other drug users count as his company).
  constexpr std::string_view kRule = R"(
[[rules]]
id = "r"
who = "men"
what = "sighting"
where = { at = "park" }
with = { who = "drug", at_least = 2, within_minutes = 30 }
)";
  const std::vector<Alert> alerts =
      RunDay(kRule, {{Seen(600, park_, 1), Seen(605, park_, 0), Seen(610, park_, 4)}});
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{4}));
  const std::vector<Alert> more = RunDay(kRule, {{Seen(600, park_, 1), Seen(605, park_, 0),
                                                  Seen(610, park_, 4), Seen(615, park_, 3)}});
  EXPECT_EQ(Persons(more), (std::vector<uint32_t>{4, 0}));
}

}  // namespace
}  // namespace oversight
