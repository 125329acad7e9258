#include "audit/auditor.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace oversight {
namespace {

class AuditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario_ = DefaultScenario();
    scenario_.world.persons = 5000;
    scenario_.world.lawful.petition_trip_rate = 1.0;
    world_ = std::make_unique<World>(scenario_.world, scenario_.seed);
    lists_ = std::make_unique<Watchlists>(scenario_.policy, world_->records(), 1);
    const Population& pop = world_->population();
    for (uint32_t p = 0; p < pop.size(); ++p) {
      if (pop.intents[p] != 0 && !harmful_.valid()) harmful_ = PersonId(p);
      if (pop.intents[p] == 0 && !innocent_.valid()) innocent_ = PersonId(p);
    }
    ASSERT_TRUE(harmful_.valid());
    ASSERT_TRUE(innocent_.valid());
  }

  size_t GroupOf(PersonId p) const { return world_->population().group[p.index()].index(); }

  Scenario scenario_;
  std::unique_ptr<World> world_;
  std::unique_ptr<Watchlists> lists_;
  PersonId harmful_, innocent_;
};

TEST_F(AuditorTest, CountsPersonsAndListsPerGroup) {
  Auditor auditor(scenario_, *world_, *lists_);
  const AuditResult r = auditor.Finish(0);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.total.persons, 5000u);
  EXPECT_EQ(r.groups[0].persons + r.groups[1].persons, 5000u);
  // Watchlists count; labels (the "men" of the default scenario) do not.
  uint64_t listed = 0, labelled = 0;
  for (uint32_t p = 0; p < 5000; ++p) {
    listed += lists_->OnWatchlist(PersonId(p)) ? 1u : 0u;
    labelled += lists_->OnAny(PersonId(p)) ? 1u : 0u;
  }
  EXPECT_EQ(r.total.listed_persons, listed);
  EXPECT_LT(listed, labelled);
}

TEST_F(AuditorTest, AlertsOnInnocentsAreFalseAlarmsAndPersonsCountOnce) {
  Auditor auditor(scenario_, *world_, *lists_);
  world_->Step(0);
  const std::vector<Alert> alerts = {
      Alert{100, harmful_, RuleId(0), Category::kSocial, 1},
      Alert{200, innocent_, RuleId(1), Category::kCriminal, 2},
      Alert{300, innocent_, RuleId(1), Category::kCriminal, 2},
  };
  auditor.RecordDay(0, *world_, 10, alerts, {}, ResponseDay{});
  const AuditResult r = auditor.Finish(0);
  EXPECT_EQ(r.total.alerts, 3u);
  EXPECT_EQ(r.total.false_alarms, 2u);
  EXPECT_EQ(r.total.flagged_persons, 2u);
  EXPECT_EQ(r.total.flagged_innocents, 1u);
  EXPECT_EQ(r.rules[0].alerts, 1u);
  EXPECT_EQ(r.rules[0].false_alarms, 0u);
  EXPECT_EQ(r.rules[1].alerts, 2u);
  EXPECT_EQ(r.rules[1].false_alarms, 2u);
  EXPECT_EQ(r.rules[1].flagged_persons, 1u);
  EXPECT_EQ(r.groups[GroupOf(innocent_)].false_alarms, 2u);
  ASSERT_EQ(r.days.size(), 1u);
  EXPECT_EQ(r.days[0].observations, 10u);
}

TEST_F(AuditorTest, StoppedTripsAreCountedForTheRuleBehindTheVisit) {
  Auditor auditor(scenario_, *world_, *lists_);
  world_->Step(0);
  // Every petitioner travels today; stop the first one's trip with a visit caused by rule 2.
  const Act* trip = nullptr;
  uint64_t trips = 0;
  for (const DayLog& chunk : world_->day_log()) {
    for (const Act& act : chunk.acts) {
      if (act.kind != ActKind::kPetitionTrip) continue;
      ++trips;
      if (trip == nullptr) trip = &act;
    }
  }
  ASSERT_NE(trip, nullptr);
  const PersonId traveller = trip->person;
  const Intervention visit{.person = traveller, .time = trip->time - 10, .rule = RuleId(2)};
  world_->Apply(visit);
  ResponseDay response;
  response.interventions.push_back(visit);
  auditor.RecordDay(0, *world_, 0, {}, {}, response);
  const AuditResult r = auditor.Finish(0);
  EXPECT_EQ(r.total.lawful_acts, trips);
  EXPECT_EQ(r.total.lawful_stopped, 1u);
  EXPECT_EQ(r.rules[2].lawful_stopped, 1u);
  EXPECT_EQ(r.rules[2].responses, 1u);
  EXPECT_EQ(r.total.responses[Response::kVisit], 1u);
  EXPECT_EQ(r.groups[GroupOf(traveller)].lawful_stopped, 1u);
  EXPECT_EQ(r.total.responses_to_innocents[Response::kVisit],
            world_->population().intents[traveller.index()] == 0 ? 1u : 0u);
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

// Each person is in one group x sex and one group x status cell: both dimensions add up to
// the group, and an alert counts in the person's two cells.
// What the red list hides: harmful acts by exempt persons, counted from the truth.
TEST_F(AuditorTest, HarmfulActsOfRedListedPersonsAreCounted) {
  // Exempt everyone with a record on file, so that some persons with a harmful intent are.
  scenario_.policy.red_list_traits = Bit(Trait::kCriminalRecord) | Bit(Trait::kDrugUse);
  lists_ = std::make_unique<Watchlists>(scenario_.policy, world_->records(), 1);
  Auditor auditor(scenario_, *world_, *lists_);
  uint64_t expected = 0, harmful_acts = 0;
  for (Day day = 0; day < 5; ++day) {
    world_->Step(day);
    for (const DayLog& chunk : world_->day_log()) {
      for (const Act& act : chunk.acts) {
        if (Lawful(act.kind)) continue;
        ++harmful_acts;
        expected += lists_->Exempt(act.person) ? 1u : 0u;
      }
    }
    auditor.RecordDay(day, *world_, 0, {}, {}, ResponseDay{});
  }
  const AuditResult r = auditor.Finish(0);
  EXPECT_EQ(r.total.harmful_acts, harmful_acts);
  EXPECT_GT(expected, 0u);
  EXPECT_LT(expected, harmful_acts);
  EXPECT_EQ(r.total.red_list_harmful_acts, expected);
}

TEST_F(AuditorTest, IntersectionCellsAddUpToTheirGroups) {
  Auditor auditor(scenario_, *world_, *lists_);
  world_->Step(0);
  const std::vector<Alert> alerts = {Alert{100, harmful_, RuleId(0), Category::kSocial, 1},
                                     Alert{200, innocent_, RuleId(1), Category::kCriminal, 2}};
  auditor.RecordDay(0, *world_, 10, alerts, {}, ResponseDay{});
  const AuditResult r = auditor.Finish(0);
  ASSERT_EQ(r.intersections.size(), 2u * (kSexCount + kStatusCount));
  for (const char* dimension : {"group x sex", "group x status"}) {
    std::vector<uint64_t> persons(r.groups.size()), alerts_sum(r.groups.size()),
        lawful(r.groups.size());
    for (const IntersectionCounts& cell : r.intersections) {
      if (cell.dimension != dimension) continue;
      const size_t g = cell.counts.name.rfind("minority", 0) == 0 ? 1 : 0;
      persons[g] += cell.counts.persons;
      alerts_sum[g] += cell.counts.alerts;
      lawful[g] += cell.counts.lawful_acts;
    }
    for (size_t g = 0; g < r.groups.size(); ++g) {
      EXPECT_EQ(persons[g], r.groups[g].persons) << dimension;
      EXPECT_EQ(alerts_sum[g], r.groups[g].alerts) << dimension;
      EXPECT_EQ(lawful[g], r.groups[g].lawful_acts) << dimension;
    }
  }
  EXPECT_EQ(r.intersections[0].counts.name, "majority x female");
}

}  // namespace
}  // namespace oversight
