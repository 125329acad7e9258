#include "sense/sensors.h"

#include <gtest/gtest.h>

#include <cmath>

#include "scenario/loader.h"

namespace oversight {
namespace {

// The default city at 8,000 persons, with cameras by share only (no placement extras).
Scenario SmallScenario() {
  Scenario s = DefaultScenario();
  s.world.persons = 8000;
  s.sense.camera_near_m = NoCamerasNear();
  s.sense.camera_homes_of = 0;
  return s;
}

size_t PresencesAtCameraPlaces(const World& world, const Sensors& sensors) {
  size_t n = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      n += sensors.seen_at(p.place).valid() && MinuteOfDay(p.enter) != 0 ? 1u : 0u;
    }
  }
  return n;
}

TEST(SensorsTest, CameraSharesArePlacedPerType) {
  Scenario s = SmallScenario();
  s.sense.camera_share.fill(0.0);
  s.sense.camera_share[static_cast<size_t>(PlaceType::kSchool)] = 1.0;
  s.sense.camera_share[static_cast<size_t>(PlaceType::kHotel)] = 1.0;
  s.sense.camera_share[static_cast<size_t>(PlaceType::kTrainStation)] = 1.0;
  World world(s.world, s.seed);
  Sensors sensors(s.sense, world, s.seed);
  const City& city = world.city();
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    const auto type = static_cast<PlaceType>(t);
    const size_t expected = s.sense.camera_share[t] == 1.0 ? city.PlacesOfType(type).size() : 0;
    EXPECT_EQ(sensors.cameras_by_type()[t], expected) << Name(type);
  }
}

TEST(SensorsTest, ExtraCamerasNearSchoolsAndOutsideTheHomesOfRecordedPersons) {
  Scenario s = SmallScenario();
  s.sense.camera_share.fill(0.0);
  s.sense.camera_near_m[static_cast<size_t>(PlaceType::kSchool)] = 300;
  s.sense.camera_homes_of = Bit(Trait::kMentalIllness);
  World world(s.world, s.seed);
  Sensors sensors(s.sense, world, s.seed);
  const City& city = world.city();
  const Population& pop = world.population();
  std::vector<uint8_t> recorded_home(city.place_count(), 0);
  size_t true_only = 0;
  for (size_t p = 0; p < pop.size(); ++p) {
    const PlaceId home = pop.home(PersonId(static_cast<uint32_t>(p)));
    if (Has(pop.recorded_traits[p], Trait::kMentalIllness)) recorded_home[home.index()] = 1;
  }
  for (size_t p = 0; p < pop.size(); ++p) {
    const PlaceId home = pop.home(PersonId(static_cast<uint32_t>(p)));
    if (Has(pop.true_traits[p], Trait::kMentalIllness) && recorded_home[home.index()] == 0) {
      ++true_only;
      EXPECT_FALSE(sensors.has_camera(home)) << "placement reads the record, not the truth";
    }
  }
  EXPECT_GT(true_only, 0u);
  size_t near = 0;
  for (size_t i = 0; i < city.place_count(); ++i) {
    const Place& place = city.places()[i];
    const PlaceId id(static_cast<uint32_t>(i));
    if (place.type == PlaceType::kHome) {
      EXPECT_EQ(sensors.has_camera(id), recorded_home[i] != 0);
      continue;
    }
    bool within = false;
    for (PlaceId school : city.PlacesOfType(PlaceType::kSchool)) {
      const Place& q = city.place(school);
      within = within || std::hypot(q.x - place.x, q.y - place.y) <= 300;
    }
    within = within && !OutsideTheCity(place.type);
    EXPECT_EQ(sensors.has_camera(id), within) << i;
    near += within ? 1u : 0u;
  }
  EXPECT_GT(near, city.PlacesOfType(PlaceType::kSchool).size());
}

TEST(SensorsTest, PerfectRecognitionSeesEveryArrivalAtACameraPlace) {
  Scenario s = SmallScenario();
  s.sense.hit_rate.assign(2, 1.0);
  s.sense.false_match_rate.assign(2, 0.0);
  World world(s.world, s.seed);
  Sensors sensors(s.sense, world, s.seed);
  world.Step(0);
  const std::vector<Observation>& obs = sensors.Observe(world);
  size_t sightings = 0, tickets = 0;
  for (const Observation& o : obs) {
    (o.kind == ObservationKind::kSighting ? sightings : tickets)++;
  }
  EXPECT_EQ(sightings, PresencesAtCameraPlaces(world, sensors));
  size_t true_tickets = 0;
  for (const DayLog& chunk : world.day_log()) true_tickets += chunk.tickets.size();
  EXPECT_EQ(tickets, true_tickets);
  EXPECT_TRUE(std::is_sorted(obs.begin(), obs.end(), ObservationBefore));
}

TEST(SensorsTest, CompoundGateCamerasSeeResidentsComingHome) {
  Scenario s = SmallScenario();
  s.sense.camera_share.fill(0.0);
  s.sense.camera_share[static_cast<size_t>(PlaceType::kResidentialCompound)] = 1.0;
  s.sense.hit_rate.assign(2, 1.0);
  s.sense.false_match_rate.assign(2, 0.0);
  s.sense.ticket_id_check_rate = 0.0;
  // Nobody visits anyone else's home today: only residents come through the gates.
  s.world.life.leisure_friend_share = 0.0;
  s.world.population.intents[static_cast<size_t>(Intent::kPyramidRecruiter)].prevalence = 0.0;
  s.world.population.intents[static_cast<size_t>(Intent::kPyramidRecruiter)].given.clear();
  World world(s.world, s.seed);
  Sensors sensors(s.sense, world, s.seed);
  world.Step(0);  // a Monday: workers and students come home in the afternoon
  const std::vector<Observation>& obs = sensors.Observe(world);
  ASSERT_GT(obs.size(), 1000u);
  for (const Observation& o : obs) {
    ASSERT_EQ(world.city().place(o.place).type, PlaceType::kResidentialCompound);
    // The person seen lives in that compound.
    EXPECT_EQ(world.city().place(world.population().residence(o.person)).parent, o.place);
    EXPECT_NE(MinuteOfDay(o.time), 0);
  }
}

TEST(SensorsTest, FalseMatchesNameSomebodyWhoWasNotThere) {
  Scenario s = SmallScenario();
  s.sense.hit_rate.assign(2, 0.0);
  s.sense.false_match_rate.assign(2, 1.0);
  s.sense.ticket_id_check_rate = 0.0;
  World world(s.world, s.seed);
  Sensors sensors(s.sense, world, s.seed);
  world.Step(0);
  const std::vector<Observation>& obs = sensors.Observe(world);
  ASSERT_EQ(obs.size(), PresencesAtCameraPlaces(world, sensors));
  // No sighting may name a person who truly arrived at that place at that minute.
  std::set<std::tuple<Minute, uint32_t, uint32_t>> truth;
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      const PlaceId camera = sensors.seen_at(p.place);
      if (camera.valid()) truth.emplace(p.enter, camera.value, p.person.value);
    }
  }
  size_t wrong = 0;
  for (const Observation& o : obs) {
    wrong += truth.count({o.time, o.place.value, o.person.value}) == 0 ? 1u : 0u;
  }
  // A false match can by chance name another person who arrived at the same minute; rare.
  EXPECT_GE(wrong, obs.size() - obs.size() / 100);
}

TEST(SensorsTest, LowerHitRateMeansFewerSightingsOfThatGroup) {
  Scenario s = SmallScenario();
  s.sense.hit_rate = {0.9, 0.3};
  s.sense.false_match_rate = {0.0, 0.0};
  World world(s.world, s.seed);
  Sensors sensors(s.sense, world, s.seed);
  world.Step(0);
  double seen[2] = {0, 0}, present[2] = {0, 0};
  for (const Observation& o : sensors.Observe(world)) {
    if (o.kind == ObservationKind::kSighting)
      seen[world.population().group[o.person.index()].index()]++;
  }
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      if (sensors.seen_at(p.place).valid() && MinuteOfDay(p.enter) != 0) {
        present[world.population().group[p.person.index()].index()]++;
      }
    }
  }
  EXPECT_NEAR(seen[0] / present[0], 0.9, 0.03);
  EXPECT_NEAR(seen[1] / present[1], 0.3, 0.05);
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

class RecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario_ = DefaultScenario();
    scenario_.world.persons = 60000;
    scenario_.world.lawful.petition_trip_rate = 0.3;
    scenario_.world.evasion.petitioner_share = 1.0;
    scenario_.world.life.hotel_stay_rate = 0.02;
    scenario_.sense.hotel_registration_rate = 1.0;
    scenario_.sense.plate_read_rate = 0.3;
    scenario_.sense.plate_misread_rate = 0.0;
  }
  Scenario scenario_;
};

TEST_F(RecordsTest, RecordsCoverWhatIsVisibleAndNothingHidden) {
  World world(scenario_.world, scenario_.seed);
  Sensors sensors(scenario_.sense, world, scenario_.seed);
  world.Step(1);
  sensors.Observe(world);
  const DayRecords& records = sensors.records();
  size_t calls = 0, burner = 0, electronic = 0, nights = 0, drives = 0, drives_on_roads = 0,
         dark = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Call& c : chunk.calls) (c.burner ? burner : calls)++;
    for (const Purchase& p : chunk.purchases) electronic += p.cash ? 0u : 1u;
    for (const Presence& p : chunk.presences) {
      nights += world.city().place(p.place).type == PlaceType::kHotel &&
                        MinuteOfDay(p.leave) == 0 && MinuteOfDay(p.enter) >= 18 * 60
                    ? 1u
                    : 0u;
    }
    for (const Drive& d : chunk.drives) {
      ++drives;
      drives_on_roads += d.avoids_checkpoints ? 0u : 1u;
    }
    dark += chunk.dark.size();
  }
  ASSERT_GT(burner, 0u);
  EXPECT_EQ(records.calls.size(), calls);          // every call but those on unregistered phones
  EXPECT_EQ(records.payments.size(), electronic);  // cash is invisible
  EXPECT_EQ(records.check_ins.size(), nights);
  EXPECT_EQ(records.dark.size(), dark);
  EXPECT_EQ(records.meters.size(), world.population().household_count());
  EXPECT_NEAR(static_cast<double>(records.plates.size()) / static_cast<double>(drives_on_roads),
              0.3, 0.03);
  for (const PlateRecord& plate : records.plates) {
    ASSERT_LT(plate.vehicle, kHiredVehicleBase) << "hired cars avoid checkpoints";
    const PersonId owner = plate.owner;
    EXPECT_EQ(
        world.population().household_first[world.population().household[owner.index()].index()],
        owner);
  }
}

// Payments and plate reads no rule reads: dropped but counted, the rest untouched.
TEST_F(RecordsTest, UnreadRecordsAreCountedWhenNotKept) {
  World world(scenario_.world, scenario_.seed);
  Sensors kept(scenario_.sense, world, scenario_.seed);
  Sensors counted(scenario_.sense, world, scenario_.seed);
  counted.KeepUnreadRecords(false);
  world.Step(1);
  const std::vector<Observation> seen = kept.Observe(world);
  EXPECT_EQ(counted.Observe(world), seen);
  const DayRecords& all = kept.records();
  const DayRecords& some = counted.records();
  ASSERT_GT(all.payments.size(), 0u);
  ASSERT_GT(all.plates.size(), 0u);
  EXPECT_EQ(all.unkept, (std::array<size_t, kEvidenceStreamCount>{}));
  EXPECT_TRUE(some.payments.empty());
  EXPECT_TRUE(some.plates.empty());
  EXPECT_EQ(some.count(EvidenceStream::kPayments), all.payments.size());
  EXPECT_EQ(some.count(EvidenceStream::kPlateReads), all.plates.size());
  EXPECT_EQ(some.size(), all.size());
  EXPECT_EQ(some.calls.size(), all.calls.size());
  EXPECT_EQ(some.locations.size(), all.locations.size());
  EXPECT_EQ(some.check_ins.size(), all.check_ins.size());
}

TEST_F(RecordsTest, PhoneLocationsCoverStaysWhileThePhoneIsOn) {
  scenario_.sense.record_locations = true;
  World world(scenario_.world, scenario_.seed);
  Sensors sensors(scenario_.sense, world, scenario_.seed);
  world.Step(1);
  sensors.Observe(world);
  const Population& pop = world.population();
  size_t expected = 0, hidden = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Presence& p : chunk.presences) {
      if (pop.phones[p.person.index()] == 0) continue;
      bool dark = false;
      for (const PhoneDark& d : chunk.dark) {
        dark = dark || (d.person == p.person && d.from < p.leave && d.to > p.enter);
      }
      (dark ? hidden : expected)++;
    }
  }
  const RecordRange<LocationRecord>& locations = sensors.records().locations;
  EXPECT_GT(hidden, 0u);
  EXPECT_EQ(locations.size(), expected);
  EXPECT_TRUE(std::is_sorted(
      locations.begin(), locations.end(), [](const LocationRecord& a, const LocationRecord& b) {
        return a.person != b.person ? a.person < b.person : a.enter < b.enter;
      }));
  scenario_.sense.record_locations = false;
  Sensors without(scenario_.sense, world, scenario_.seed);
  without.Observe(world);
  EXPECT_TRUE(without.records().locations.empty());
  // Locations draw from their own stream: every other record is unchanged.
  EXPECT_EQ(without.records().calls.size(), sensors.records().calls.size());
  EXPECT_EQ(without.records().check_ins.size(), sensors.records().check_ins.size());
}

TEST_F(RecordsTest, MetersCarryTheRegisterNotTheTruth) {
  World world(scenario_.world, scenario_.seed);
  Sensors sensors(scenario_.sense, world, scenario_.seed);
  world.Step(2);
  sensors.Observe(world);
  const Population& pop = world.population();
  for (const MeterRecord& m : sensors.records().meters) {
    EXPECT_EQ(m.registered, pop.household_registered[m.household.index()]);
    EXPECT_FLOAT_EQ(m.water_l, world.meters()[m.household.index()].water_l);
  }
}

// Observing each block while the world steps (and keeping only its acts) gives the same
// observations and records as observing the whole day's log afterwards; detentions (whose
// events are removed) included.
TEST(SensorsTest, BlockByBlockObservationIsTheSameAsObservingTheWholeDay) {
  Scenario s = SmallScenario();
  s.world.persons = 20000;  // five blocks
  World whole(s.world, s.seed);
  World blocks(s.world, s.seed);
  Sensors after(s.sense, whole, s.seed);
  Sensors during(s.sense, blocks, s.seed);
  for (World* w : {&whole, &blocks}) {
    w->Step(0);
    for (uint32_t p = 0; p < 20000; p += 97) {
      Intervention detain;
      detain.kind = Response::kDetain;
      detain.person = PersonId(p);
      detain.days = 3;
      w->Apply(detain);
    }
  }
  for (Day day = 1; day < 3; ++day) {
    whole.Step(day);
    const std::vector<Observation> expected = after.Observe(whole);
    during.BeginDay(blocks);
    blocks.Step(
        day, [&](size_t block, const DayLog& log) { during.ObserveBlock(blocks, block, log); },
        World::Keep::kActsOnly);
    const std::vector<Observation>& actual = during.FinishDay(blocks);
    EXPECT_GT(expected.size(), 1000u);
    EXPECT_EQ(actual, expected);
    EXPECT_EQ(during.records().calls.size(), after.records().calls.size());
    EXPECT_EQ(during.records().locations.size(), after.records().locations.size());
    EXPECT_EQ(during.records().meters.size(), after.records().meters.size());
    size_t acts_whole = 0, acts_blocks = 0, presences_blocks = 0;
    for (const DayLog& log : whole.day_log()) acts_whole += log.acts.size();
    for (const DayLog& log : blocks.day_log()) {
      acts_blocks += log.acts.size();
      presences_blocks += log.presences.size();
    }
    EXPECT_EQ(acts_blocks, acts_whole);
    EXPECT_EQ(presences_blocks, 0u) << "only the acts are kept";
  }
}

}  // namespace
}  // namespace oversight
