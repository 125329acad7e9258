#include "world/world.h"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <map>
#include <set>

#include "core/tuning.h"
#include "scenario/loader.h"
#include "world/timeline.h"

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
    minority[d] += pop.group[p].value == 1 ? 1u : 0u;
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
    truth[g] += Has(pop.true_traits[p], Trait::kDrugUse) ? 1u : 0u;
    recorded[g] += Has(pop.recorded_traits[p], Trait::kDrugUse) ? 1u : 0u;
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
  options.lawful.petition_trip_rate = 0.5;
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

TEST(WorldTest, EachHarmfulIntentShowsInItsOwnBehaviour) {
  WorldOptions options = SmallCity(100000);
  for (IntentOptions& intent : options.population.intents) intent.act_rate = 1.0;
  options.lawful.petition_trip_rate = 0.0;
  options.life.travel_rate = 0.0;
  World world(options, 4);
  world.Step(1);  // a Tuesday
  const Population& pop = world.population();
  std::array<size_t, kIntentCount> acts{};
  for (const DayLog& chunk : world.day_log()) {
    for (const Act& act : chunk.acts) {
      if (act.kind != ActKind::kHarmful) continue;
      ++acts[static_cast<size_t>(act.intent)];
      ASSERT_TRUE(Has(pop.intents[act.person.index()], act.intent));
      const PlaceType at = world.city().place(act.place).type;
      switch (act.intent) {
        case Intent::kDrugDealer:
          EXPECT_EQ(at, PlaceType::kHotel);
          break;
        case Intent::kPickpocket:
          EXPECT_EQ(at, PlaceType::kTrainStation);
          break;
        case Intent::kPyramidRecruiter:
          EXPECT_EQ(at, PlaceType::kResidentialCompound);
          EXPECT_NE(world.city().place(pop.residence(act.person)).parent, act.place);
          break;
        case Intent::kIllegalWorker:
          EXPECT_TRUE(at == PlaceType::kLanguageSchool || at == PlaceType::kBar);
          EXPECT_TRUE(pop.foreign(act.person));
          EXPECT_FALSE(pop.work_permit(act.person));
          break;
        case Intent::kShamMarriage:
          ADD_FAILURE() << "sham marriages have no daily act";
          break;
      }
    }
  }
  EXPECT_GT(acts[static_cast<size_t>(Intent::kDrugDealer)], 0u);
  EXPECT_GT(acts[static_cast<size_t>(Intent::kPickpocket)], 0u);
  EXPECT_GT(acts[static_cast<size_t>(Intent::kPyramidRecruiter)], 0u);
  EXPECT_GT(acts[static_cast<size_t>(Intent::kIllegalWorker)], 0u);
}

// The busiest days stay well inside a Timeline's fixed capacity.
TEST(WorldTest, BusiestDaysFitTheTimeline) {
  WorldOptions options = SmallCity(100000);
  for (IntentOptions& intent : options.population.intents) intent.act_rate = 1.0;
  options.life.hospital_rate = 0.5;
  options.lawful.gathering_rate = 1.0;
  World world(options, 8);
  size_t busiest = 0;
  for (Day day = 0; day < 3; ++day) {
    world.Step(day);
    for (const DayLog& chunk : world.day_log()) {
      size_t run = 0;
      for (size_t k = 0; k < chunk.presences.size(); ++k) {
        run = k > 0 && chunk.presences[k - 1].person == chunk.presences[k].person ? run + 1 : 1;
        busiest = std::max(busiest, run);
      }
    }
  }
  EXPECT_GT(busiest, 5u);
  EXPECT_LT(busiest, Timeline::kMaxStays / 2) << "a day this busy nears the Timeline's capacity";
}

TEST(WorldTest, RecruitersBringVaryingCompanionsToCompounds) {
  WorldOptions options = SmallCity(100000);
  options.population.intents[static_cast<size_t>(Intent::kPyramidRecruiter)].act_rate = 1.0;
  World world(options, 5);
  const Population& pop = world.population();
  std::map<uint32_t, std::set<uint32_t>> companions;  // recruiter -> companions over days
  for (Day day = 0; day < 4; ++day) {
    world.Step(day);
    // Who is at each compound, over which interval.
    std::map<uint32_t, std::vector<Presence>> at_compound;
    for (const DayLog& chunk : world.day_log()) {
      for (const Presence& p : chunk.presences) {
        if (world.city().place(p.place).type == PlaceType::kResidentialCompound) {
          at_compound[p.place.value].push_back(p);
        }
      }
    }
    for (const DayLog& chunk : world.day_log()) {
      for (const Act& act : chunk.acts) {
        if (act.kind != ActKind::kHarmful || act.intent != Intent::kPyramidRecruiter) continue;
        for (const Presence& p : at_compound[act.place.value]) {
          if (p.person != act.person && p.enter <= act.time && act.time < p.leave) {
            companions[act.person.value].insert(p.person.value);
          }
        }
      }
    }
  }
  ASSERT_FALSE(companions.empty());
  size_t with_several = 0;
  for (const auto& [recruiter, seen] : companions) {
    with_several += seen.size() >= 2 ? 1u : 0u;
    EXPECT_TRUE(Has(pop.intents[recruiter], Intent::kPyramidRecruiter));
  }
  EXPECT_GT(with_several, 0u);
}

TEST(WorldTest, ShamSpousesLiveApart) {
  WorldOptions options = SmallCity(200000);
  const World world(options, 6);
  const Population& pop = world.population();
  size_t sham = 0;
  for (size_t h = 0; h < pop.household_count(); ++h) {
    const PersonId head = pop.household_first[h];
    if (!Has(pop.intents[head.index()], Intent::kShamMarriage)) continue;
    ++sham;
    ASSERT_EQ(pop.household_couple[h], 1);
    const PersonId spouse = pop.spouse(head);
    EXPECT_TRUE(Has(pop.intents[spouse.index()], Intent::kShamMarriage));
    EXPECT_EQ(pop.residence(head), pop.home(head));
    EXPECT_NE(pop.residence(spouse), pop.home(spouse));
  }
  EXPECT_GT(sham, 50u);
}

TEST(WorldTest, AVisitStopsOnlyLaterActsOfThatPerson) {
  WorldOptions options = SmallCity(20000);
  options.lawful.petition_trip_rate = 1.0;
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
  EXPECT_EQ(world.StopActs(person, time + 1, 7), 0);  // too late
  EXPECT_FALSE(first->stopped());
  EXPECT_EQ(world.StopActs(person, time, 7), 1);
  EXPECT_TRUE(first->stopped());
  EXPECT_EQ(first->stopped_by, 7u);
  EXPECT_EQ(world.StopActs(person, time, 8), 0);  // already stopped
}

// Counts `person`'s events and acts (stopped or not) in today's log.
struct PersonDay {
  size_t presences = 0, calls = 0, tickets = 0, acts = 0, stopped = 0;
};
PersonDay DayOf(const World& world, PersonId person) {
  PersonDay d;
  const DayLog& log = world.day_log()[person.index() / kPersonsPerChunk];
  for (const Presence& e : log.presences) d.presences += e.person == person ? 1u : 0u;
  for (const Call& e : log.calls) d.calls += e.person == person ? 1u : 0u;
  for (const Ticket& e : log.tickets) d.tickets += e.person == person ? 1u : 0u;
  for (const Act& a : log.acts) {
    if (a.person != person) continue;
    ++d.acts;
    d.stopped += a.stopped() ? 1u : 0u;
  }
  return d;
}

TEST(WorldTest, ADetainedPersonLeavesNoRecordAndSetsOutOnNothingWhileHeld) {
  WorldOptions options = SmallCity(20000);
  options.lawful.petition_trip_rate = 1.0;
  World world(options, 6);
  world.Step(0);
  const Act* trip = nullptr;
  for (const DayLog& chunk : world.day_log()) {
    if (!chunk.acts.empty()) {
      trip = &chunk.acts.front();
      break;
    }
  }
  ASSERT_NE(trip, nullptr);
  const PersonId person = trip->person;
  world.Apply(Intervention{.kind = Response::kDetain,
                           .person = person,
                           .time = trip->time,
                           .rule = RuleId(3),
                           .days = 3});
  EXPECT_TRUE(trip->stopped());
  EXPECT_EQ(world.police_contacts(person), 1);
  // Days 1 and 2: held. The petition trip is still set out on in the truth, and stopped.
  for (Day day = 1; day <= 2; ++day) {
    world.Step(day);
    EXPECT_TRUE(world.held(person)) << day;
    const PersonDay d = DayOf(world, person);
    EXPECT_EQ(d.presences + d.calls + d.tickets, 0u) << day;
    EXPECT_GT(d.acts, 0u) << day;
    EXPECT_EQ(d.stopped, d.acts) << day;
  }
  // Day 3: free again, living an ordinary day.
  world.Step(3);
  EXPECT_FALSE(world.held(person));
  const PersonDay free = DayOf(world, person);
  EXPECT_GT(free.presences, 0u);
  EXPECT_EQ(free.stopped, 0u);
}

TEST(WorldTest, AWithheldPermitStopsPetitionTripsForItsDays) {
  WorldOptions options = SmallCity(20000);
  options.lawful.petition_trip_rate = 1.0;
  World world(options, 6);
  world.Step(0);
  const PersonId person = world.day_log().front().acts.front().person;
  world.Apply(Intervention{
      .kind = Response::kDenyPermit, .person = person, .time = 0, .rule = RuleId(1), .days = 2});
  EXPECT_EQ(DayOf(world, person).stopped, DayOf(world, person).acts);
  world.Step(1);
  EXPECT_FALSE(world.held(person));
  EXPECT_GT(DayOf(world, person).presences, 0u);  // free to move, not to travel
  EXPECT_EQ(DayOf(world, person).stopped, DayOf(world, person).acts);
  world.Step(2);
  EXPECT_EQ(DayOf(world, person).stopped, 0u);
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
