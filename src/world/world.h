// The World: the synthetic city, its people and what they truly do each day.
//
// Owns the map, the population (truth and records) and the current day's events. Other
// stages hold ids, never pointers, and change the world only through ApplyVisit(), which
// is how police responses feed back into people's lives.
//
// Thread-safety: Step() runs in parallel internally (TBB; the caller's task arena sets the
// thread count); every other method must be called from one thread at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"
#include "scenario/world_options.h"
#include "world/city.h"
#include "world/day_log.h"
#include "world/daily_life.h"
#include "world/population.h"
#include "world/records_view.h"
#include "world/ties.h"
#include "world/visit_target.h"

namespace oversight {

class World : public VisitTarget {
 public:
  // Builds the city and its people. REQUIRES: options validated by the scenario loader.
  World(const WorldOptions& options, uint64_t seed);

  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Simulates day `day` for every person; the events are in day_log() until the next Step.
  void Step(Day day);

  // The police visit `person` at minute `time` of the current day: every act of theirs due
  // at or after `time` today is stopped, tagged with `cause`. Returns how many acts it
  // stopped. REQUIRES: called after Step() for the same day.
  int ApplyVisit(PersonId person, Minute time, uint32_t cause);
  void Visit(PersonId person, Minute time, uint32_t cause) override {
    ApplyVisit(person, time, cause);
  }
  void Check(PersonId person) override;

  // Today's events, in blocks of kPersonsPerChunk persons, in person order.
  const std::vector<DayLog>& day_log() const { return chunks_; }
  // Today's meter reading of every household, indexed by HouseholdId.
  const std::vector<MeterReading>& meters() const { return meters_; }

  const City& city() const { return city_; }
  const Population& population() const { return population_; }
  const Ties& ties() const { return ties_; }
  RecordsView records() const { return RecordsView(city_, population_); }
  const WorldOptions& options() const { return options_; }
  size_t person_count() const { return population_.size(); }
  // Police visits `person` has had so far (saturating at 255).
  uint8_t police_contacts(PersonId person) const { return police_contacts_[person.index()]; }
  // Bytes held by the persistent world state: population, households and places (not the
  // current day's event buffers, which are reused every day).
  size_t StateBytes() const;
  Day current_day() const { return day_; }

 private:
  DayContext MakeContext(Day day) const;
  void ReadMeters(Day day);
  void PlanRecruitments(Day day, DayContext* context) const;

  WorldOptions options_;
  uint64_t seed_;
  City city_;
  Population population_;
  Ties ties_;
  std::vector<PlaceId> district_station_;  // per district
  std::vector<DayLog> chunks_;
  std::vector<uint8_t> home_tonight_;  // per person, today
  std::vector<uint8_t> police_contacts_;  // per person: visits so far (saturating at 255)
  std::vector<PersonId> recruiters_;      // persons with the pyramid-recruiter intent
  std::vector<MeterReading> meters_;   // per household, today
  Day day_ = -1;
};

}  // namespace oversight
