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
  uint64_t migrants = 0, tickets_home = 0;
  for (size_t i = 0; i < pop.size(); ++i) migrants += pop.role[i] == Role::kMigrantWorker ? 1u : 0u;
  for (const DayLog& chunk : world.day_log()) {
    for (const Ticket& t : chunk.tickets) {
      if (pop.role[t.person.index()] == Role::kMigrantWorker && t.destination == away) {
        ++tickets_home;
      }
    }
  }
  EXPECT_NEAR(static_cast<double>(tickets_home) / static_cast<double>(migrants),
              options_.calendar.reunion_travel_share, 0.03);
  world.Step(8);  // second day: away all day, the same ones
  const auto stays = ByPerson(world);
  uint64_t away_all_day = 0;
  for (size_t i = 0; i < pop.size(); ++i) {
    if (stays[i].size() == 1 && stays[i][0].place == away) ++away_all_day;
  }
  EXPECT_EQ(away_all_day, tickets_home);
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
  options_.intent.petition_trip_rate = 0.0;
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

}  // namespace
}  // namespace oversight
