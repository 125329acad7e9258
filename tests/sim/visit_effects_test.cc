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
  s.respond.capacity_per_day = 30;
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
    for (const Intervention& v : day.response.interventions) {
      if (v.kind == Response::kVisit) visited.insert(v.person.value);
    }
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

// The silent responses: an alert answered by a name on a list or a camera at the home,
// which the person never meets (no police contact).
TEST(VisitEffectsTest, SilentResponsesListAndWatchWithoutContact) {
  Scenario s = DefaultScenario();
  s.world.persons = 6000;
  s.days = 6;
  s.policy.lists[0].removal_rate = 0.0;
  for (RuleOptions& rule : s.policy.rules) {
    rule.response = rule.category == Category::kPolitical ? Response::kList : Response::kCamera;
    rule.response_list = 0;  // key_persons
  }
  Simulation simulation(s);
  std::set<uint32_t> listed, watched;
  simulation.SetObserver([&](const DayView& day) {
    for (const Intervention& v : day.response.interventions) {
      (v.kind == Response::kList ? listed : watched).insert(v.person.value);
      EXPECT_FALSE(IsContact(v.kind));
    }
  });
  for (Day d = 0; d < s.days; ++d) simulation.Step(d);
  ASSERT_FALSE(listed.empty());
  ASSERT_FALSE(watched.empty());
  for (uint32_t p : listed) {
    EXPECT_TRUE(simulation.rules().watchlists().Contains(ListId(0), PersonId(p))) << p;
  }
  EXPECT_GT(simulation.facts().cameras_added, 0u);
  for (size_t p = 0; p < simulation.world().person_count(); ++p) {
    EXPECT_EQ(simulation.world().police_contacts(PersonId(static_cast<uint32_t>(p))), 0) << p;
  }
}

}  // namespace
}  // namespace oversight
