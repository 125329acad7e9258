#include "world/daily_life.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "world/world.h"

namespace oversight {
namespace {

TEST(CalendarTest, WeekendsAndHolidays) {
  CalendarOptions calendar;
  calendar.first_weekday = 2;  // day 0 is a Wednesday
  calendar.holidays.push_back(HolidayOptions{"festival", 10, 3, true});
  const HolidayOptions* holiday = nullptr;
  EXPECT_EQ(KindOfDay(calendar, 0, &holiday), DayKind::kWorkday);
  EXPECT_EQ(KindOfDay(calendar, 2, &holiday), DayKind::kWorkday);  // Friday
  EXPECT_EQ(KindOfDay(calendar, 3, &holiday), DayKind::kWeekend);  // Saturday
  EXPECT_EQ(KindOfDay(calendar, 4, &holiday), DayKind::kWeekend);
  EXPECT_EQ(holiday, nullptr);
  EXPECT_EQ(KindOfDay(calendar, 5, &holiday), DayKind::kWorkday);  // Monday
  EXPECT_EQ(KindOfDay(calendar, 10, &holiday), DayKind::kHoliday);
  ASSERT_NE(holiday, nullptr);
  EXPECT_EQ(holiday->name, "festival");
  EXPECT_EQ(KindOfDay(calendar, 13, &holiday), DayKind::kWorkday);  // Tuesday, after it
}

class DailyLifeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_ = DefaultScenario().world;
    options_.persons = 60000;
    options_.calendar.first_weekday = 0;
    options_.calendar.holidays = {HolidayOptions{"spring_festival", 7, 3, true}};
  }

  // Presences of the day, as (person -> stays).
  static std::vector<std::vector<Presence>> ByPerson(const World& world) {
    std::vector<std::vector<Presence>> out(world.person_count());
    for (const DayLog& chunk : world.day_log()) {
      for (const Presence& p : chunk.presences) out[p.person.index()].push_back(p);
    }
    return out;
  }

  WorldOptions options_;
};

TEST_F(DailyLifeTest, NobodyWorksOrStudiesOnHolidaysOrWeekends) {
  World world(options_, 1);
  const Population& pop = world.population();
  for (Day day : {5, 7, 8}) {  // Saturday, then the festival
    world.Step(day);
    for (const DayLog& chunk : world.day_log()) {
      for (const Presence& p : chunk.presences) {
        const PlaceType type = world.city().place(p.place).type;
        if (type == PlaceType::kWorkplace) FAIL() << "someone works on day " << day;
        if (type == PlaceType::kSchool) {
          // Only a student's own school on a workday; none today.
          EXPECT_NE(pop.day_place[p.person.index()], p.place) << "school on day " << day;
        }
      }
    }
  }
}

TEST_F(DailyLifeTest, MigrantWorkersGoHomeForTheReunionHoliday) {
  World world(options_, 2);
  const Population& pop = world.population();
  const PlaceId away = world.city().PlacesOfType(PlaceType::kOutOfTown).front();
  world.Step(7);  // first day: they take the train
  uint64_t migrants = 0;
  std::vector<uint8_t> ticket_out(pop.size(), 0);
  for (size_t i = 0; i < pop.size(); ++i) migrants += pop.role[i] == Role::kMigrantWorker ? 1u : 0u;
  for (const DayLog& chunk : world.day_log()) {
    for (const Ticket& t : chunk.tickets) {
      if (t.destination == away) ticket_out[t.person.index()] = 1;
    }
  }
  world.Step(8);  // second day: those who went home are away all day
  const auto stays = ByPerson(world);
  uint64_t away_all_day = 0;
  for (size_t i = 0; i < pop.size(); ++i) {
    if (stays[i].size() != 1 || stays[i][0].place != away) continue;
    ++away_all_day;
    EXPECT_EQ(pop.role[i], Role::kMigrantWorker);
    EXPECT_EQ(ticket_out[i], 1) << "away without having left";
  }
  EXPECT_NEAR(static_cast<double>(away_all_day) / static_cast<double>(migrants),
              options_.calendar.reunion_travel_share, 0.03);
}

TEST_F(DailyLifeTest, CarersTakeYoungChildrenToSchoolOnWorkdays) {
  World world(options_, 3);
  const Population& pop = world.population();
  world.Step(1);  // a Tuesday
  const auto stays = ByPerson(world);
  uint64_t adult_school_visits = 0;
  for (size_t i = 0; i < pop.size(); ++i) {
    if (pop.age[i] < 18 || pop.role[i] == Role::kStudent) continue;
    for (const Presence& p : stays[i]) {
      if (world.city().place(p.place).type != PlaceType::kSchool) continue;
      ++adult_school_visits;
      // Drop-offs or pick-ups (of up to two children at once), not a day there.
      EXPECT_LE(p.leave - p.enter, 40);
      // The school of a young child of the household.
      const size_t h = pop.household[i].index();
      bool child_there = false;
      for (uint32_t k = 0; k < pop.household_size[h]; ++k) {
        const size_t c = pop.household_first[h].index() + k;
        child_there |= pop.day_place[c] == p.place && pop.age[c] <= 11;
      }
      EXPECT_TRUE(child_there);
    }
  }
  EXPECT_GT(adult_school_visits, 1000u);
}

TEST_F(DailyLifeTest, AdultsMakeDayTripsAtTheConfiguredRate) {
  options_.life.travel_rate = 0.05;
  options_.lawful.petition_trip_rate = 0.0;
  World world(options_, 4);
  const Population& pop = world.population();
  const PlaceId capital = world.city().PlacesOfType(PlaceType::kCapital).front();
  world.Step(2);
  uint64_t adults = 0, tickets = 0, to_capital = 0;
  for (size_t i = 0; i < pop.size(); ++i) adults += pop.age[i] >= 18 ? 1u : 0u;
  for (const DayLog& chunk : world.day_log()) {
    for (const Ticket& t : chunk.tickets) {
      EXPECT_GE(pop.age[t.person.index()], 18);
      ++tickets;
      to_capital += t.destination == capital ? 1u : 0u;
    }
  }
  EXPECT_NEAR(static_cast<double>(tickets) / static_cast<double>(adults), 0.05, 0.004);
  EXPECT_NEAR(static_cast<double>(to_capital) / static_cast<double>(tickets),
              options_.life.travel_capital_share, 0.03);
}

// A share of travellers wait two to four hours at the station: the innocent overlap of a
// pickpocket's long dwell. Without long waits no traveller stays two hours.
TEST_F(DailyLifeTest, ALongWaitKeepsTheConfiguredShareOfTravellersAtTheStation) {
  options_.life.travel_rate = 0.05;
  options_.lawful.petition_trip_rate = 0.0;
  options_.population.intents[static_cast<size_t>(Intent::kPickpocket)].prevalence = 0.0;
  options_.population.intents[static_cast<size_t>(Intent::kPickpocket)].given.clear();
  for (const double share : {0.0, 0.4}) {
    options_.life.long_wait_share = share;
    World world(options_, 4);
    world.Step(2);
    uint64_t at_station = 0, long_dwells = 0;
    for (const DayLog& chunk : world.day_log()) {
      for (const Presence& p : chunk.presences) {
        if (world.city().place(p.place).type != PlaceType::kTrainStation) continue;
        ++at_station;
        const Minute stay = p.leave - p.enter;
        EXPECT_LE(stay, 20 + 240) << "no wait is longer than four hours after the ticket";
        long_dwells += stay >= 120 ? 1u : 0u;
      }
    }
    ASSERT_GT(at_station, 1000u);
    EXPECT_NEAR(static_cast<double>(long_dwells) / static_cast<double>(at_station), share, 0.04);
  }
}

TEST_F(DailyLifeTest, PurchasesArePaidInCashMoreOftenByTheElderly) {
  World world(options_, 5);
  const Population& pop = world.population();
  world.Step(1);
  uint64_t young = 0, young_cash = 0, old = 0, old_cash = 0, adults = 0, purchases = 0;
  for (size_t i = 0; i < pop.size(); ++i) adults += pop.age[i] >= 16 ? 1u : 0u;
  for (const DayLog& chunk : world.day_log()) {
    for (const Purchase& p : chunk.purchases) {
      ++purchases;
      ASSERT_GE(pop.age[p.person.index()], 16);
      if (pop.age[p.person.index()] >= 60) {
        ++old;
        old_cash += p.cash ? 1u : 0u;
      } else {
        ++young;
        young_cash += p.cash ? 1u : 0u;
      }
    }
  }
  EXPECT_NEAR(static_cast<double>(purchases) / static_cast<double>(adults),
              options_.purchases.per_day, 0.03);
  EXPECT_NEAR(static_cast<double>(young_cash) / static_cast<double>(young),
              options_.purchases.cash_share, 0.01);
  EXPECT_NEAR(static_cast<double>(old_cash) / static_cast<double>(old),
              options_.purchases.cash_share_elderly, 0.02);
}

TEST_F(DailyLifeTest, FamilyCarsAreDrivenByHeadsAndSpousesWithinTheCity) {
  options_.evasion.base_share = 0.0;
  options_.evasion.petitioner_share = 0.0;
  options_.evasion.harmful_share = 0.0;
  World world(options_, 6);
  const Population& pop = world.population();
  world.Step(2);  // a Wednesday
  uint64_t drives = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Drive& d : chunk.drives) {
      ++drives;
      const size_t h = pop.household[d.person.index()].index();
      const uint32_t position = d.person.value - pop.household_first[h].value;
      EXPECT_LT(position, 2u);
      EXPECT_GT(pop.household_vehicle_count[h], 0);
      EXPECT_GE(d.vehicle, pop.household_vehicles[h]);
      EXPECT_LT(d.vehicle, pop.household_vehicles[h] + pop.household_vehicle_count[h]);
      EXPECT_FALSE(d.avoids_checkpoints);
      EXPECT_FALSE(OutsideTheCity(world.city().place(d.from).type));
      EXPECT_FALSE(OutsideTheCity(world.city().place(d.to).type));
    }
  }
  EXPECT_GT(drives, 1000u);
}

TEST_F(DailyLifeTest, EvadersAreDrivenInHiredCarsOffTheCheckpoints) {
  options_.evasion.base_share = 1.0;
  options_.evasion.petitioner_share = 1.0;
  options_.evasion.harmful_share = 1.0;
  options_.lawful.gathering_rate = 0.5;
  World world(options_, 6);
  world.Step(2);
  uint64_t hired = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Drive& d : chunk.drives) {
      if (d.vehicle < kHiredVehicleBase) continue;
      ++hired;
      EXPECT_TRUE(d.avoids_checkpoints);
    }
  }
  EXPECT_GT(hired, 10u);
}

TEST_F(DailyLifeTest, SomeAdultsSpendTheNightAtAHotel) {
  options_.life.hotel_stay_rate = 0.05;
  World world(options_, 8);
  const Population& pop = world.population();
  world.Step(4);
  uint64_t adults = 0, nights = 0;
  for (size_t i = 0; i < pop.size(); ++i) adults += pop.age[i] >= 18 ? 1u : 0u;
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      if (world.city().place(p.place).type == PlaceType::kHotel && p.leave == DayStart(5) &&
          MinuteOfDay(p.enter) >= 20 * 60) {
        ++nights;
        EXPECT_GE(pop.age[p.person.index()], 18);
      }
    }
  }
  // Some nights are cut short by a later phase of the day (a trip overrides everything).
  EXPECT_NEAR(static_cast<double>(nights) / static_cast<double>(adults), 0.05, 0.005);
}

TEST_F(DailyLifeTest, MetersFollowWhoSleepsAtHomeNotTheRegister) {
  options_.utilities.noise = 0.0;
  World world(options_, 7);
  const Population& pop = world.population();
  const UtilityOptions& u = options_.utilities;
  world.Step(3);
  ASSERT_EQ(world.meters().size(), pop.household_count());
  std::vector<uint32_t> home(pop.household_count(), 0);
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      if (MinuteOfDay(p.leave - 1) == kMinutesPerDay - 1 && p.place == pop.home(p.person)) {
        ++home[pop.household[p.person.index()].index()];
      }
    }
  }
  uint64_t shared_under_registered = 0, shared = 0;
  for (size_t h = 0; h < pop.household_count(); ++h) {
    const MeterReading& m = world.meters()[h];
    EXPECT_NEAR(m.water_l, u.water_base_l + u.water_per_person_l * home[h], 1e-3);
    EXPECT_NEAR(m.power_kwh, u.power_base_kwh + u.power_per_person_kwh * home[h], 1e-4);
    EXPECT_LE(pop.household_registered[h], pop.household_size[h]);
    if (pop.household_kind[h] == HouseholdKind::kShared) {
      ++shared;
      shared_under_registered += pop.household_registered[h] <= u.shared_registered_max ? 1u : 0u;
    }
  }
  EXPECT_GT(shared, 0u);
  EXPECT_EQ(shared_under_registered, shared);
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

TEST(GatheringTest, GrievanceGroupsGatherInParksAsLawfulActs) {
  WorldOptions options = DefaultScenario().world;
  options.persons = 100000;
  options.lawful.gathering_rate = 0.5;
  options.lawful.petition_trip_rate = 0.0;
  World world(options, 9);
  world.Step(3);
  size_t gatherings = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Act& act : chunk.acts) {
      if (act.kind != ActKind::kGathering) continue;
      ++gatherings;
      EXPECT_TRUE(Lawful(act.kind));
      EXPECT_EQ(world.city().place(act.place).type, PlaceType::kPark);
      EXPECT_NE(world.ties().grievance_group(act.person), Ties::kNoGroup);
    }
  }
  EXPECT_GT(gatherings, 50u);
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

TEST(ErrandsTest, TheIllVisitHospitalsMoreAndOnlyPetitionersThePetitionOffice) {
  WorldOptions options = DefaultScenario().world;
  options.persons = 200000;
  options.life.hospital_rate = 0.01;
  options.life.hospital_rate_if_ill = 0.2;
  World world(options, 21);
  world.Step(5);  // a Saturday: errands are not overwritten by work
  const Population& pop = world.population();
  uint64_t ill = 0, ill_visits = 0, well = 0, well_visits = 0;
  std::vector<uint8_t> at_hospital(pop.size(), 0);
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      const PlaceType type = world.city().place(p.place).type;
      if (type == PlaceType::kHospital) at_hospital[p.person.index()] = 1;
      if (type == PlaceType::kPetitionOffice) {
        EXPECT_TRUE(Has(pop.true_traits[p.person.index()], Trait::kPetitioner));
      }
    }
  }
  for (size_t i = 0; i < pop.size(); ++i) {
    const bool is_ill =
        Has(pop.true_traits[i], Trait::kMentalIllness) || Has(pop.true_traits[i], Trait::kHiv);
    (is_ill ? ill : well)++;
    (is_ill ? ill_visits : well_visits) += at_hospital[i];
  }
  // Later phases (trips, gatherings) may overwrite an errand: allow a little below.
  EXPECT_NEAR(static_cast<double>(ill_visits) / static_cast<double>(ill), 0.2, 0.04);
  EXPECT_NEAR(static_cast<double>(well_visits) / static_cast<double>(well), 0.01, 0.002);
}

}  // namespace
}  // namespace oversight
