#include <gtest/gtest.h>

#include "report/output_sink.h"
#include "report/report_writer.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

Scenario SmallCity() {
  Scenario s = DefaultScenario();
  s.world.persons = 8000;
  s.days = 8;
  s.audit.twin = false;
  // No cameras at public places: what is seen there, patrols see.
  for (PlaceType t :
       {PlaceType::kHotel, PlaceType::kPark, PlaceType::kTrainStation, PlaceType::kBar,
        PlaceType::kLanguageSchool, PlaceType::kHospital, PlaceType::kPetitionOffice}) {
    s.sense.camera_share[static_cast<size_t>(t)] = 0.0;
  }
  s.sense.camera_near_m.fill(-1.0);
  return s;
}

// Sightings at public places (where patrols check identities), per district, over a run.
std::vector<uint64_t> SightingsByDistrict(const Scenario& s) {
  Simulation simulation(s);
  std::vector<uint64_t> out(simulation.world().city().district_count(), 0);
  simulation.SetObserver([&](const DayView& day) {
    for (const Observation& o : day.observations) {
      if (o.kind != ObservationKind::kSighting) continue;
      const Place& place = simulation.world().city().place(o.place);
      const bool private_place =
          place.type == PlaceType::kHome || place.type == PlaceType::kResidentialCompound ||
          place.type == PlaceType::kWorkplace || place.type == PlaceType::kSchool;
      if (!private_place && place.district.valid()) ++out[place.district.index()];
    }
  });
  for (Day d = 0; d < s.days; ++d) simulation.Step(d);
  return out;
}

// Patrols sent where the alerts were see more there, which is where the next alerts come
// from: the hotspot keeps its patrols, and its sightings rise against a run without them.
TEST(PatrolsFeedbackTest, PatrolsSeeMoreWhereTheyAreSentAndStayThere) {
  Scenario s = SmallCity();
  const std::vector<uint64_t> without = SightingsByDistrict(s);
  s.respond.patrols.units = 4;
  s.respond.patrols.allocate = PatrolOptions::Allocation::kHotspots;
  s.respond.patrols.sighting_rate = 0.3;
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const std::vector<DayCounts>& days = run->audit.days;
  ASSERT_EQ(days.size(), 8u);
  // Day 0 has no alerts to go by: one unit per district. From day 1 on, all four go to one
  // district, and it keeps them.
  EXPECT_EQ(days[0].district_patrols, (std::vector<uint16_t>{1, 1, 1, 1}));
  size_t hotspot = 0;
  for (size_t d = 0; d < 4; ++d) {
    if (days[1].district_patrols[d] == 4) hotspot = d;
  }
  ASSERT_EQ(days[1].district_patrols[hotspot], 4);
  for (size_t day = 2; day < days.size(); ++day) {
    EXPECT_EQ(days[day].district_patrols[hotspot], 4) << day;
  }
  const std::vector<uint64_t> with = SightingsByDistrict(s);
  EXPECT_EQ(without[hotspot], 0u);
  EXPECT_GT(with[hotspot], 100u);
  for (size_t d = 0; d < with.size(); ++d) {
    if (d != hotspot) {
      EXPECT_LT(with[d], with[hotspot] / 4) << d;  // day 0's one unit only
    }
  }
  // Patrol exposure: every resident of the hotspot has 4 units a day from day 1, 1 on day 0.
  uint64_t exposure = 0;
  for (const GroupCounts& g : run->audit.groups) exposure += g.patrol_exposure;
  EXPECT_GT(exposure, 0u);
}

TEST(PatrolsFeedbackTest, PatrolledRunsAreByteIdenticalAtOneAndTwoThreads) {
  Scenario s = SmallCity();
  s.days = 4;
  s.respond.patrols.units = 3;
  s.respond.patrols.allocate = PatrolOptions::Allocation::kAlerts;
  std::string reports[2];
  for (int t = 1; t <= 2; ++t) {
    RunOptions options;
    options.threads = t;
    absl::StatusOr<RunOutput> run = RunScenario(s, options);
    ASSERT_TRUE(run.ok());
    MemoryOutput out;
    ASSERT_TRUE(WriteReport(s, run->facts, run->audit, &out).ok());
    reports[t - 1] = out.files().at("report.json") + out.files().at("days.csv");
  }
  EXPECT_EQ(reports[0], reports[1]);
}

}  // namespace
}  // namespace oversight
