#include "world/world.h"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include "scenario/loader.h"

namespace oversight {
namespace {

WorldOptions SmallCity(uint32_t persons) {
  WorldOptions options = DefaultScenario().world;
  options.persons = persons;
  return options;
}

TEST(WorldTest, BuildsTheRequestedPopulationInHouseholds) {
  const World world(SmallCity(5000), 11);
  const Population& pop = world.population();
  ASSERT_EQ(pop.size(), 5000u);
  EXPECT_GT(pop.household_count(), 5000u / 5);
  EXPECT_LT(pop.household_count(), 5000u);
  // One home per household, each in its household's district.
  EXPECT_EQ(world.city().PlacesOfType(PlaceType::kHome).size(), pop.household_count());
  for (size_t h = 0; h < pop.household_count(); ++h) {
    EXPECT_EQ(world.city().place(pop.household_home[h]).district, pop.household_district[h]);
  }
  EXPECT_EQ(world.city().PlacesOfType(PlaceType::kCapital).size(), 1u);
  for (size_t t = 1; t < kPlaceTypeCount; ++t) {
    EXPECT_GE(world.city().PlacesOfType(static_cast<PlaceType>(t)).size(), 1u);
  }
}

TEST(WorldTest, MinorityConcentratesWhereTheScenarioSays) {
  const WorldOptions options = SmallCity(40000);
  const World world(options, 5);
  const Population& pop = world.population();
  std::vector<double> minority(options.districts.size(), 0), residents(options.districts.size(), 0);
  for (size_t p = 0; p < pop.size(); ++p) {
    const size_t d = pop.district(PersonId(static_cast<uint32_t>(p))).index();
    residents[d] += 1;
    minority[d] += pop.group[p].value == 1 ? 1 : 0;
  }
  for (size_t d = 0; d < options.districts.size(); ++d) {
    const double expected = options.districts[d].group_shares[1];
    const double n = residents[d];
    ASSERT_GT(n, 1000);
    // 5 standard errors of a proportion.
    EXPECT_NEAR(minority[d] / n, expected, 5 * std::sqrt(expected * (1 - expected) / n) + 0.002)
        << options.districts[d].name;
  }
}

TEST(WorldTest, RecordBiasPutsMoreOfTheMinorityOnFileForTheSameTruth) {
  const WorldOptions options = SmallCity(60000);
  const World world(options, 8);
  const Population& pop = world.population();
  double truth[2] = {0, 0}, recorded[2] = {0, 0};
  for (size_t p = 0; p < pop.size(); ++p) {
    const size_t g = pop.group[p].index();
    truth[g] += Has(pop.true_traits[p], Trait::kDrugUse) ? 1 : 0;
    recorded[g] += Has(pop.recorded_traits[p], Trait::kDrugUse) ? 1 : 0;
  }
  // The truth is equally common; the record is about twice as common for the minority.
  const double record_ratio_majority = recorded[0] / truth[0];
  const double record_ratio_minority = recorded[1] / truth[1];
  EXPECT_GT(record_ratio_minority, 1.6 * record_ratio_majority);
}

TEST(WorldTest, EachPersonDayTilesTheDayInTimeOrder) {
  World world(SmallCity(3000), 2);
  for (Day day = 0; day < 7; ++day) {
    world.Step(day);
    PersonId last;
    Minute last_leave = 0;
    for (const DayLog& chunk : world.day_log()) {
      for (const Presence& p : chunk.presences) {
        if (p.person != last) {
          if (last.valid()) {
            EXPECT_EQ(last_leave, DayStart(day + 1));
          }
          EXPECT_EQ(p.enter, DayStart(day));
          last = p.person;
        } else {
          EXPECT_EQ(p.enter, last_leave);
        }
        EXPECT_LT(p.enter, p.leave);
        last_leave = p.leave;
      }
    }
    EXPECT_EQ(last.value, 2999u);
  }
}

TEST(WorldTest, OnlyPetitionersTravelAndTheyBuyATicketFirst) {
  WorldOptions options = SmallCity(20000);
  options.intent.petition_trip_rate = 0.5;
  World world(options, 3);
  world.Step(0);
  size_t trips = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Act& act : chunk.acts) {
      if (act.kind != ActKind::kPetitionTrip) continue;
      ++trips;
      EXPECT_TRUE(Has(world.population().true_traits[act.person.index()], Trait::kPetitioner));
      auto ticket = std::find_if(chunk.tickets.begin(), chunk.tickets.end(),
                                 [&](const Ticket& t) { return t.person == act.person; });
      ASSERT_NE(ticket, chunk.tickets.end());
      EXPECT_LT(ticket->time, act.time);
    }
  }
  EXPECT_GT(trips, 50u);
}

TEST(WorldTest, HarmfulActsComeOnlyFromPersonsWithHarmfulIntent) {
  WorldOptions options = SmallCity(20000);
  options.intent.harmful_act_rate = 1.0;
  World world(options, 4);
  world.Step(1);
  size_t acts = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Act& act : chunk.acts) {
      if (act.kind != ActKind::kHarmful) continue;
      ++acts;
      EXPECT_EQ(world.population().harmful_intent[act.person.index()], 1);
      EXPECT_EQ(world.city().place(act.place).type, PlaceType::kHotel);
    }
  }
  EXPECT_GT(acts, 10u);
}

TEST(WorldTest, AVisitStopsOnlyLaterActsOfThatPerson) {
  WorldOptions options = SmallCity(20000);
  options.intent.petition_trip_rate = 1.0;
  World world(options, 6);
  world.Step(0);
  const Act* first = nullptr;
  for (const DayLog& chunk : world.day_log()) {
    if (!chunk.acts.empty()) {
      first = &chunk.acts.front();
      break;
    }
  }
  ASSERT_NE(first, nullptr);
  const PersonId person = first->person;
  const Minute time = first->time;
  EXPECT_EQ(world.ApplyVisit(person, time + 1, 7), 0);  // too late
  EXPECT_FALSE(first->stopped());
  EXPECT_EQ(world.ApplyVisit(person, time, 7), 1);
  EXPECT_TRUE(first->stopped());
  EXPECT_EQ(first->stopped_by, 7u);
  EXPECT_EQ(world.ApplyVisit(person, time, 8), 0);  // already stopped
}

TEST(WorldStateTest, StaysUnderTwoHundredBytesPerPerson) {
  const World world(SmallCity(200000), 1);
  const double per_person = static_cast<double>(world.StateBytes()) / 200000.0;
  EXPECT_GT(per_person, 10.0);  // it does count the population
  EXPECT_LT(per_person, 200.0);
}

// The day's events depend only on (seed, person, day): the same at any thread count.
TEST(WorldTest, DayLogIsIndependentOfThreadCount) {
  auto run = [](int threads) {
    std::vector<Presence> all;
    tbb::task_arena arena(threads);
    arena.execute([&] {
      World world(SmallCity(30000), 9);
      world.Step(2);
      for (const DayLog& chunk : world.day_log()) {
        all.insert(all.end(), chunk.presences.begin(), chunk.presences.end());
      }
    });
    return all;
  };
  const std::vector<Presence> one = run(1);
  const std::vector<Presence> two = run(2);
  ASSERT_EQ(one.size(), two.size());
  for (size_t i = 0; i < one.size(); ++i) {
    ASSERT_EQ(one[i].person, two[i].person);
    ASSERT_EQ(one[i].place, two[i].place);
    ASSERT_EQ(one[i].enter, two[i].enter);
    ASSERT_EQ(one[i].leave, two[i].leave);
  }
}

}  // namespace
}  // namespace oversight
