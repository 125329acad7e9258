// The World: the synthetic city, its people and what they truly do each day.
//
// Owns the map, the population (truth and records) and the current day's events. Other
// stages hold ids, never pointers, and change the world only through Apply() (police
// interventions), which is how police responses feed back into people's lives.
//
// Thread-safety: Step() runs in parallel internally (TBB; the caller's task arena sets the
// thread count); every other method must be called from one thread at a time.
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"
#include "core/snapshot_fwd.h"
#include "scenario/world_options.h"
#include "world/city.h"
#include "world/daily_life.h"
#include "world/day_log.h"
#include "world/population.h"
#include "world/records_view.h"
#include "world/response_target.h"
#include "world/ties.h"

namespace oversight {

class World : public ResponseTarget {
 public:
  // Builds the city and its people. REQUIRES: options validated by the scenario loader.
  World(const WorldOptions& options, uint64_t seed);

  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Called with each block of persons' day (block b holds persons b * kPersonsPerChunk on)
  // as soon as it is lived and today's restrictions are applied to it, on the worker thread
  // that simulated it: blocks may be observed concurrently and in any order.
  using BlockObserver = std::function<void(size_t block, const DayLog& log)>;
  // What Step keeps of the day in day_log() after the observer has seen each block.
  enum class Keep { kEverything, kActsOnly };

  // Simulates day `day` for every person; the events are in day_log() until the next Step
  // (only the acts with Keep::kActsOnly: the other events of a block then live in a buffer
  // of its worker thread while `observer` reads them, which keeps them in cache and the
  // memory of a day's events to a few blocks). A person held in detention leaves no record
  // that day (their observable events are removed) and every act they would have set out
  // on is stopped; a withheld permit stops every petition trip.
  void Step(Day day, const BlockObserver& observer = {}, Keep keep = Keep::kEverything);

  // Applies a police intervention decided today (REQUIRES: after Step() for the same day).
  // A visit, an interception or a detention stops every act of the person due at or after
  // its time today; a detention then holds them for `days` days in all; a permit denial
  // stops their petition trips from its time on for `days` days. Stopped acts are tagged
  // with the intervention's rule. List and camera change nothing in the world.
  void Apply(const Intervention& intervention) override;
  // Stops every act of `person` due at or after `time` today (only petition trips if
  // `only_petition_trips`), tagged `cause`; returns how many.
  int StopActs(PersonId person, Minute time, uint32_t cause, bool only_petition_trips = false);
  void Check(PersonId person) override;

  // Today's events, in blocks of kPersonsPerChunk persons, in person order.
  const std::vector<DayLog>& day_log() const { return chunks_; }
  // Today's meter reading of every household, indexed by HouseholdId.
  const std::vector<MeterReading>& meters() const { return meters_; }

  // Checkpoints: the state carried from one day to the next (police contacts, detentions,
  // withheld permits). Load REQUIRES a world built from the same options and seed.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

  const City& city() const { return city_; }
  const Population& population() const { return population_; }
  const Ties& ties() const { return ties_; }
  RecordsView records() const { return RecordsView(city_, population_); }
  const WorldOptions& options() const { return options_; }
  size_t person_count() const { return population_.size(); }
  // Whether `person` is held in detention today.
  bool held(PersonId person) const { return held_today_[person.index()] != 0; }
  // Police contacts `person` has had so far (saturating at 255).
  uint8_t police_contacts(PersonId person) const { return police_contacts_[person.index()]; }
  // Bytes held by the persistent world state: population, households and places (not the
  // current day's event buffers, which are reused every day).
  size_t StateBytes() const;
  Day current_day() const { return day_; }

 private:
  DayContext MakeContext(Day day) const;
  void ReadMeters(Day day);
  void PlanRecruitments(Day day, DayContext* context) const;
  // Marks who is held today and drops restrictions that have ended (before the day).
  void StartRestrictions();
  // Applies detentions and withheld permits to block `block`'s day just lived.
  void ApplyRestrictions(size_t block, DayLog* log);

  // A standing restriction on a person: from day `from` until (not including) `until`.
  struct Restriction {
    Day from = 0;
    Day until = 0;
    uint32_t cause = 0;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(from, until, cause);
    }
  };

  WorldOptions options_;
  uint64_t seed_;
  City city_;
  Population population_;
  Ties ties_;
  std::vector<PlaceId> district_station_;  // per district
  std::vector<DayLog> chunks_;
  tbb::enumerable_thread_specific<DayLog> scratch_;  // a worker's block (Keep::kActsOnly)
  std::vector<uint8_t> home_tonight_;                // per person, today
  std::vector<uint8_t> held_today_;                  // per person, today: held in detention
  std::vector<uint8_t> police_contacts_;     // per person: visits so far (saturating at 255)
  std::map<uint32_t, Restriction> holds_;    // person -> detention (ordered: deterministic)
  std::map<uint32_t, Restriction> permits_;  // person -> withheld travel permit
  std::vector<PersonId> recruiters_;         // persons with the pyramid-recruiter intent
  std::vector<MeterReading> meters_;         // per household, today
  Day day_ = -1;
};

}  // namespace oversight
