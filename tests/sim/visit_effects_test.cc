#include <gtest/gtest.h>

#include <set>

#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

// Feedback from visits: a camera at the visited person's home, and their name on a list.
TEST(VisitEffectsTest, VisitsLeaveCamerasAtHomesAndNamesOnAList) {
  Scenario s = DefaultScenario();
  s.world.persons = 6000;
  s.days = 6;
  s.respond.visits_per_day = 30;
  s.respond.camera_after_visit = true;
  s.respond.list_after_visit = 0;  // key_persons
  s.policy.lists[0].removal_rate = 0.0;
  Simulation simulation(s);
  std::set<uint32_t> visited;
  size_t home_sightings = 0;
  simulation.SetObserver([&](const DayView& day) {
    for (const Observation& o : day.observations) {
      if (o.kind == ObservationKind::kSighting &&
          simulation.world().city().place(o.place).type == PlaceType::kHome) {
        ++home_sightings;
      }
    }
    for (const VisitRecord& v : day.response.visits) visited.insert(v.person.value);
  });
  for (Day d = 0; d < s.days; ++d) simulation.Step(d);
  ASSERT_FALSE(visited.empty());
  const RunFacts facts = simulation.facts();
  EXPECT_GT(facts.cameras_added, 0u);
  EXPECT_LE(facts.cameras_added, visited.size());  // one per home at most
  EXPECT_GT(home_sightings, 0u);  // homes have no cameras of their own in the default city
  for (uint32_t p : visited) {
    EXPECT_TRUE(simulation.rules().watchlists().Contains(ListId(0), PersonId(p))) << p;
  }
  // Without the options, no home is ever watched directly.
  Scenario plain = s;
  plain.respond.camera_after_visit = false;
  plain.respond.list_after_visit = -1;
  Simulation baseline(plain);
  for (Day d = 0; d < plain.days; ++d) baseline.Step(d);
  EXPECT_EQ(baseline.facts().cameras_added, 0u);
}

}  // namespace
}  // namespace oversight
