#include "policy/rule_engine.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

// A hand-made city: one district, a school, a workplace 100 m from it and one 1 km away,
// two hotels and a station; 6 persons, of whom 0-3 are on file as drug users.
class RuleEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_.LayOutDistricts({"A"}, 3000);
    const DistrictId a(0);
    school_ = city_.AddPlace(PlaceType::kSchool, a, 0, 0);
    near_work_ = city_.AddPlace(PlaceType::kWorkplace, a, 100, 0);
    far_work_ = city_.AddPlace(PlaceType::kWorkplace, a, 1000, 0);
    hotel_ = city_.AddPlace(PlaceType::kHotel, a, 500, 500);
    hotel2_ = city_.AddPlace(PlaceType::kHotel, a, 600, 500);
    station_ = city_.AddPlace(PlaceType::kTrainStation, a, 2000, 2000);
    capital_ = city_.AddPlace(PlaceType::kCapital, DistrictId(), -1e5, 0);
    elsewhere_ = city_.AddPlace(PlaceType::kOutOfTown, DistrictId(), 1e5, 0);
    const PlaceId home = city_.AddPlace(PlaceType::kHome, a, 10, 10);
    pop_.household_home = {home};
    pop_.household_district = {a};
    for (uint32_t p = 0; p < 6; ++p) {
      pop_.group.push_back(GroupId(0));
      pop_.household.push_back(HouseholdId(0));
      pop_.recorded_traits.push_back(p < 4 ? Bit(Trait::kDrugUse) : TraitBits{0});
    }
    options_.lists.push_back(ListOptions{"drug", Bit(Trait::kDrugUse)});
  }

  RuleOptions Rule(RuleKind kind) {
    RuleOptions rule;
    rule.id = "r";
    rule.kind = kind;
    rule.list = 0;
    return rule;
  }

  static Observation Seen(Minute t, PlaceId place, uint32_t person) {
    return Observation{t, place, PersonId(person), ObservationKind::kSighting};
  }

  std::vector<Alert> Run(const RuleOptions& rule, std::vector<Observation> obs) {
    options_.rules = {rule};
    std::sort(obs.begin(), obs.end(), ObservationBefore);
    RuleEngine engine(options_, RecordsView(city_, pop_), 1);
    return engine.Evaluate(0, obs, DayRecords{});
  }

  City city_;
  Population pop_;
  PolicyOptions options_;
  PlaceId school_, near_work_, far_work_, hotel_, hotel2_, station_, capital_, elsewhere_;
};

TEST_F(RuleEngineTest, NearPlaceFiresForListedPersonsWithinRadiusOncePerDay) {
  RuleOptions rule = Rule(RuleKind::kNearPlace);
  rule.place_type = PlaceType::kSchool;
  rule.radius_m = 150;
  const std::vector<Alert> alerts = Run(rule, {
      Seen(600, near_work_, 0),  // listed, 100 m away: alert
      Seen(700, near_work_, 0),  // same person again: no second alert
      Seen(610, far_work_, 1),   // listed, 1 km away: no
      Seen(620, near_work_, 4),  // not listed: no
      Seen(630, school_, 2),     // listed, at the school itself: alert
  });
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].person, PersonId(0));
  EXPECT_EQ(alerts[0].time, 600);
  EXPECT_EQ(alerts[1].person, PersonId(2));
  EXPECT_EQ(alerts[1].time, 630);
}

TEST_F(RuleEngineTest, NearPlaceRespectsItsHours) {
  RuleOptions rule = Rule(RuleKind::kNearPlace);
  rule.place_type = PlaceType::kSchool;
  rule.from_hour = 7;
  rule.to_hour = 18;
  const std::vector<Alert> alerts = Run(rule, {
      Seen(6 * 60 + 59, school_, 0),  // before 07:00
      Seen(18 * 60, school_, 1),      // 18:00 is outside [7, 18)
      Seen(17 * 60 + 59, school_, 2),
  });
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(2));
}

TEST_F(RuleEngineTest, GatheringNeedsEnoughDistinctListedPersonsInTheWindow) {
  RuleOptions rule = Rule(RuleKind::kGathering);
  rule.place_type = PlaceType::kHotel;
  rule.min_persons = 3;
  rule.window_minutes = 60;
  const std::vector<Alert> alerts = Run(rule, {
      Seen(100, hotel_, 0),
      Seen(101, hotel_, 0),   // the same person twice counts once
      Seen(120, hotel2_, 1),  // another hotel
      Seen(130, hotel_, 4),   // not listed
      Seen(150, hotel_, 1),   // 2 distinct listed in (90, 150]
      Seen(162, hotel_, 2),   // person 0's arrivals are out of (102, 162]: 2 distinct
      Seen(165, hotel_, 3),   // 1, 2, 3 in (105, 165]: threshold reached
      Seen(170, hotel_, 0),   // joins while it holds
  });
  ASSERT_EQ(alerts.size(), 4u);
  EXPECT_EQ(alerts[0].time, 165);
  EXPECT_EQ(alerts[0].person, PersonId(1));
  EXPECT_EQ(alerts[1].person, PersonId(2));
  EXPECT_EQ(alerts[2].person, PersonId(3));
  EXPECT_EQ(alerts[3].time, 170);
  EXPECT_EQ(alerts[3].person, PersonId(0));
}

TEST_F(RuleEngineTest, TicketRuleFiresOnListedBuyersToTheCapitalOnly) {
  RuleOptions rule = Rule(RuleKind::kTicket);
  rule.category = Category::kPolitical;
  const std::vector<Alert> alerts =
      Run(rule, {Observation{400, station_, PersonId(1), ObservationKind::kTicket, capital_.value},
                 Observation{405, station_, PersonId(2), ObservationKind::kTicket,
                             elsewhere_.value},  // listed, but not to the capital
                 Observation{410, station_, PersonId(5), ObservationKind::kTicket, capital_.value},
                 Seen(420, station_, 2)});
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(1));
  EXPECT_EQ(alerts[0].category, Category::kPolitical);
  EXPECT_EQ(alerts[0].priority, 3);
}

TEST_F(RuleEngineTest, WatchlistFollowsTheRecordNotTheTruth) {
  pop_.true_traits.assign(6, Bit(Trait::kDrugUse));  // everyone truly a drug user
  const Watchlists lists(options_, RecordsView(city_, pop_), 1);
  EXPECT_EQ(lists.sizes()[0], 4u);
  EXPECT_TRUE(lists.Contains(ListId(0), PersonId(3)));
  EXPECT_FALSE(lists.Contains(ListId(0), PersonId(4)));
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

class ListDynamicsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_.LayOutDistricts({"A"}, 3000);
    const PlaceId home = city_.AddPlace(PlaceType::kHome, DistrictId(0), 0, 0);
    station_ = city_.AddPlace(PlaceType::kTrainStation, DistrictId(0), 10, 10);
    capital_ = city_.AddPlace(PlaceType::kCapital, DistrictId(), -1e5, 0);
    pop_.household_home = {home};
    pop_.household_district = {DistrictId(0)};
    // Persons 0-3 petitioners on file; person 3 is also an official (red-listed).
    for (uint32_t p = 0; p < 6; ++p) {
      pop_.group.push_back(GroupId(0));
      pop_.household.push_back(HouseholdId(0));
      TraitBits bits = p < 4 ? Bit(Trait::kPetitioner) : TraitBits{0};
      if (p == 3) bits = static_cast<TraitBits>(bits | Bit(Trait::kOfficial));
      pop_.recorded_traits.push_back(bits);
    }
    options_.lists.push_back(ListOptions{"petitioners", Bit(Trait::kPetitioner)});
    ListOptions key{"key_persons", Bit(Trait::kDrugUse)};
    key.add_after_alerts = 2;
    key.within_days = 3;
    options_.lists.push_back(key);
    RuleOptions rule;
    rule.id = "ticket";
    rule.kind = RuleKind::kTicket;
    rule.list = 0;
    rule.category = Category::kPolitical;
    options_.rules = {rule};
    options_.red_list_traits = Bit(Trait::kOfficial);
  }

  std::vector<Observation> Tickets(std::initializer_list<uint32_t> persons, Day day) {
    std::vector<Observation> out;
    for (uint32_t p : persons) {
      out.push_back(Observation{DayStart(day) + 600, station_, PersonId(p),
                                ObservationKind::kTicket, capital_.value});
    }
    std::sort(out.begin(), out.end(), ObservationBefore);
    return out;
  }

  City city_;
  Population pop_;
  PolicyOptions options_;
  PlaceId station_, capital_;
};

TEST_F(ListDynamicsTest, RedListedPersonsRaiseNoAlertButAreCounted) {
  RuleEngine engine(options_, RecordsView(city_, pop_), 1);
  const std::vector<Alert>& alerts = engine.Evaluate(0, Tickets({1, 3}, 0), DayRecords{});
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(1));
  ASSERT_EQ(engine.suppressed().size(), 1u);
  EXPECT_EQ(engine.suppressed()[0].person, PersonId(3));
  EXPECT_EQ(engine.watchlists().exempt_count(), 1u);
}

TEST_F(ListDynamicsTest, RepeatedAlertsWithinTheWindowAddToAList) {
  RuleEngine engine(options_, RecordsView(city_, pop_), 1);
  const ListId key(1);
  engine.Evaluate(0, Tickets({0, 1}, 0), DayRecords{});
  EXPECT_FALSE(engine.watchlists().Contains(key, PersonId(0)));
  engine.Evaluate(2, Tickets({0}, 2), DayRecords{});  // second alert within 3 days: added
  EXPECT_TRUE(engine.watchlists().Contains(key, PersonId(0)));
  engine.Evaluate(3, Tickets({1}, 3), DayRecords{});  // person 1's first alert fell out of (0, 3]
  EXPECT_FALSE(engine.watchlists().Contains(key, PersonId(1)));
  EXPECT_EQ(engine.watchlists().added()[1], 1u);
  EXPECT_EQ(engine.watchlists().sizes()[1], 1u);
  // Red-listed persons are never alerted, so never added.
  engine.Evaluate(4, Tickets({3}, 4), DayRecords{});
  engine.Evaluate(5, Tickets({3}, 5), DayRecords{});
  EXPECT_FALSE(engine.watchlists().Contains(key, PersonId(3)));
}

TEST_F(ListDynamicsTest, MembersAreTakenOffAtTheRemovalRate) {
  options_.lists[0].removal_rate = 1.0;
  RuleEngine engine(options_, RecordsView(city_, pop_), 1);
  EXPECT_EQ(engine.watchlists().sizes()[0], 4u);
  engine.Evaluate(0, {}, DayRecords{});
  EXPECT_EQ(engine.watchlists().sizes()[0], 0u);
  EXPECT_EQ(engine.watchlists().removed()[0], 4u);
  EXPECT_EQ(engine.watchlists().initial_sizes()[0], 4u);
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

// Five one-person households; persons 0-2 have drug use on file.
class RecordRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_.LayOutDistricts({"A"}, 3000);
    hotel_a_ = city_.AddPlace(PlaceType::kHotel, DistrictId(0), 0, 0);
    hotel_b_ = city_.AddPlace(PlaceType::kHotel, DistrictId(0), 900, 0);
    for (uint32_t p = 0; p < 5; ++p) {
      const PlaceId home = city_.AddPlace(PlaceType::kHome, DistrictId(0), 10.0 * p, 10);
      pop_.household_home.push_back(home);
      pop_.household_district.push_back(DistrictId(0));
      pop_.household_first.push_back(PersonId(p));
      pop_.group.push_back(GroupId(0));
      pop_.household.push_back(HouseholdId(p));
      pop_.recorded_traits.push_back(p < 3 ? Bit(Trait::kDrugUse) : TraitBits{0});
    }
    options_.lists.push_back(ListOptions{"drug", Bit(Trait::kDrugUse)});
  }

  std::vector<Alert> Run(RuleOptions rule, const DayRecords& records) {
    rule.id = "r";
    options_.rules = {rule};
    RuleEngine engine(options_, RecordsView(city_, pop_), 1);
    return engine.Evaluate(0, {}, records);
  }

  City city_;
  Population pop_;
  PolicyOptions options_;
  PlaceId hotel_a_, hotel_b_;
};

TEST_F(RecordRulesTest, PhoneDarkFiresForListedPersonsOnly) {
  RuleOptions rule;
  rule.kind = RuleKind::kPhoneDark;
  DayRecords records;
  records.dark = {DarkRecord{300, PersonId(1)}, DarkRecord{400, PersonId(4)}};
  const std::vector<Alert> alerts = Run(rule, records);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(1));
  EXPECT_EQ(alerts[0].time, 300);
}

TEST_F(RecordRulesTest, UtilitiesFlagUseFarAboveTheMedianPerRegisteredResident) {
  RuleOptions rule;
  rule.kind = RuleKind::kUtilities;
  rule.list = kEveryone;
  rule.factor = 3.0;
  DayRecords records;
  // Per registered resident: 100, 110, 120, 130 and 900 litres; the median is 120.
  records.meters = {MeterRecord{HouseholdId(0), 2, 200, 5}, MeterRecord{HouseholdId(1), 1, 110, 5},
                    MeterRecord{HouseholdId(2), 1, 120, 5}, MeterRecord{HouseholdId(3), 1, 130, 5},
                    MeterRecord{HouseholdId(4), 1, 900, 5}};
  std::vector<Alert> alerts = Run(rule, records);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].person, PersonId(4));  // the account holder
  EXPECT_EQ(alerts[0].time, DayStart(1) - 1);
  // At 360 litres (exactly 3x the median) nothing fires: the rule needs more.
  records.meters[4].water_l = 360;
  EXPECT_TRUE(Run(rule, records).empty());
  // With a list, only listed account holders are flagged.
  records.meters[4].water_l = 900;
  rule.list = 0;
  EXPECT_TRUE(Run(rule, records).empty());
}

TEST_F(RecordRulesTest, CheckInsNeedEnoughListedGuestsInOneHotel) {
  RuleOptions rule;
  rule.kind = RuleKind::kCheckIns;
  rule.list = 0;
  rule.min_persons = 2;
  DayRecords records;
  records.check_ins = {CheckInRecord{1260, PersonId(0), hotel_a_},
                       CheckInRecord{1270, PersonId(3), hotel_a_},  // not listed
                       CheckInRecord{1290, PersonId(2), hotel_a_},
                       CheckInRecord{1300, PersonId(1), hotel_b_}};  // alone there
  const std::vector<Alert> alerts = Run(rule, records);
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].person, PersonId(0));
  EXPECT_EQ(alerts[0].time, 1290);
  EXPECT_EQ(alerts[1].person, PersonId(2));
  rule.min_persons = 3;  // k - 1 listed guests is not enough
  EXPECT_TRUE(Run(rule, records).empty());
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

// A 10-person city (numbers 0..19 are residents', 20 and up out of town); persons 0-2 are
// drug users on file.
class NewNumberCallsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rule_.id = "new_numbers";
    rule_.kind = RuleKind::kNewNumberCalls;
    rule_.min_calls = 3;
    rule_.window_days = 7;
    rule_.lookback_days = 10;
  }

  // Feeds `calls[d]` on day d and returns the alerts as (day, caller).
  std::vector<std::pair<Day, uint32_t>> Run(const std::vector<std::vector<CallRecord>>& calls) {
    NewNumberCalls state(rule_, 10);
    std::vector<std::pair<Day, uint32_t>> alerts;
    for (size_t d = 0; d < calls.size(); ++d) {
      state.Feed(static_cast<Day>(d), calls[d], [](PersonId p) { return p.value < 3; },
                 [&](Minute, PersonId p) { alerts.emplace_back(static_cast<Day>(d), p.value); });
    }
    return alerts;
  }

  static CallRecord Call(Day d, uint32_t caller, uint32_t to) {
    return CallRecord{DayStart(d) + 600, PersonId(caller), caller * 2, to};
  }

  RuleOptions rule_;
};

TEST_F(NewNumberCallsTest, RepeatedCallsToANewOutOfTownNumberAlertOnce) {
  std::vector<std::vector<CallRecord>> days(16);
  // Person 0 has called number 25 long ago (day 0); it is not new on day 12 unless the
  // lookback has passed: 12 - 0 >= 10, so it is new again.
  days[0] = {Call(0, 0, 25)};
  days[12] = {Call(12, 0, 30), Call(12, 0, 30)};
  days[13] = {Call(13, 0, 30)};                // third call to a new number: alert
  days[14] = {Call(14, 0, 30), Call(14, 0, 31)};  // still within the window: no second alert
  const auto alerts = Run(days);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0], std::make_pair(13, 0u));
}

TEST_F(NewNumberCallsTest, KnownNumbersResidentsAndUnwatchedCallersDoNotCount) {
  std::vector<std::vector<CallRecord>> days(30);
  days[5] = {Call(5, 1, 40)};  // first contact, before the window
  for (size_t d = 12; d < 30; ++d) {
    const auto day = static_cast<Day>(d);
    days[d] = {Call(day, 1, 40),   // an old number, called at least every 10 days since day 5
               Call(day, 1, 5),    // a resident's number
               Call(day, 7, 50)};  // a caller nobody watches
  }
  EXPECT_TRUE(Run(days).empty());
}

TEST_F(NewNumberCallsTest, NothingCountsBeforeTheLookbackHasHistory) {
  std::vector<std::vector<CallRecord>> days(10);
  for (size_t d = 0; d < 10; ++d) {
    days[d] = {Call(static_cast<Day>(d), 2, 60 + static_cast<uint32_t>(d))};
  }
  EXPECT_TRUE(Run(days).empty());  // every number looks new, but the rule is not active yet
}

TEST_F(NewNumberCallsTest, CallsOutsideTheWindowExpire) {
  std::vector<std::vector<CallRecord>> days(25);
  days[10] = {Call(10, 0, 70), Call(10, 0, 70)};
  days[20] = {Call(20, 0, 71)};  // the day-10 calls left the 7-day window
  EXPECT_TRUE(Run(days).empty());
}

}  // namespace
}  // namespace oversight
