// The sensors: cameras with face recognition, ID checks at ticket counters and hotels,
// phone carriers, payment processors, plate readers and utility meters.
//
// Cameras are placed once, at construction, on a share of places of each type (scaled per
// district), on every place near places of chosen types, and outside the homes of persons
// with chosen traits on file. Each day, every presence at a camera place is recognised with the
// person's group's hit rate, or falsely matched to a random other resident with the group's
// false-match rate, or missed. The other sensors produce records (sense/records.h): what
// the authorities can obtain, with gaps where the world hides from them (cash, phones off,
// unregistered phones, back roads). Thread-safety: Observe() runs in parallel internally;
// do not call it concurrently with itself. ObserveBlock() may run concurrently for
// different blocks, between BeginDay() and FinishDay().
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <vector>

#include "core/snapshot_fwd.h"
#include "scenario/sense_options.h"
#include "sense/observation.h"
#include "sense/records.h"
#include "world/world.h"

namespace oversight {

class Sensors {
 public:
  Sensors(const SenseOptions& options, const World& world, uint64_t seed);

  // Turns the world's current day into observations, ordered by ObservationBefore, and
  // records (records()). The results stay valid until the next call.
  const std::vector<Observation>& Observe(const World& world);

  // The same in three steps, for observing each block of persons while the world steps
  // (World::BlockObserver): Begin before World::Step, ObserveBlock for every block of the
  // day (concurrently for different blocks), Finish after World::Step. The result is
  // Observe's, bytes for bytes.
  void BeginDay(const World& world);
  void ObserveBlock(const World& world, size_t block, const DayLog& log);
  const std::vector<Observation>& FinishDay(const World& world);

  // Today's patrols (respond/patrols.h): per district, the chance that a person arriving at
  // a public place there (not a home, compound, workplace or school) between minutes `from` and
  // `to` of the day, and not already seen by a camera, has their identity checked: a
  // sighting at that place. Empty: no patrols. Applies from the next Observe().
  void SetPatrols(std::vector<double> check_chance, Minute from, Minute to);
  const DayRecords& records() const { return records_; }
  // Whether payments and plate reads, which no rule reads, are kept in records() (the
  // default) or only counted (DayRecords::count, `unkept`): a run without an
  // observer of its days drops them (docs/PERFORMANCE.md has what they weigh). Applies from
  // the next day observed.
  void KeepUnreadRecords(bool keep) { keep_unread_ = keep; }

  bool has_camera(PlaceId place) const { return has_camera_[place.index()] != 0; }
  // Installs a camera at `place` of `city` (a no-op if it has one): from the next
  // observation on, it sees arrivals there. Returns whether a camera was added.
  bool AddCamera(const City& city, PlaceId place);
  // Where a camera sees a person arriving at `place`: the place itself when it has a
  // camera, else the gate of its residential compound when that has one; else invalid.
  PlaceId seen_at(PlaceId place) const { return seen_at_[place.index()]; }
  // Cameras per place type (for the report), and how many AddCamera installed.
  const std::vector<size_t>& cameras_by_type() const { return cameras_by_type_; }
  size_t cameras_added() const { return cameras_added_; }

  // Checkpoints: the cameras (those added during the run included). Load REQUIRES sensors
  // built on the same world.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

 private:
  // `observations_most`: the most observations `out` has held on a day (ClearKeepingRoom).
  void ObserveChunk(const World& world, const DayLog& log, std::vector<Observation>* out,
                    uint32_t* observations_most, BlockRecords* records) const;
  void RecordPerson(const World& world, const DayLog& log, PersonId person, size_t first_presence,
                    size_t end_presence, size_t* cursors, BlockRecords* records) const;
  void PlaceExtraCameras(const World& world);
  bool PatrolChecks(const City& city, const Presence& presence, Day day) const;
  void RecordLocations(const DayLog& log, PersonId person, size_t first_presence,
                       size_t end_presence, size_t first_dark, Day day,
                       BlockRecords* records) const;
  void ReadMeters(const World& world);
  // Merges the blocks' observations into observations_, ordered by ObservationBefore.
  void MergeObservations(Day day);

  SenseOptions options_;
  uint64_t seed_;
  std::vector<uint8_t> has_camera_;  // per place
  std::vector<PlaceId> seen_at_;     // per place
  bool keep_unread_ = true;          // KeepUnreadRecords
  PlaceId capital_;                  // tickets there are kTicketToCapital
  std::vector<size_t> cameras_by_type_;
  size_t cameras_added_ = 0;             // by AddCamera, after construction
  std::vector<PersonId> vehicle_owner_;  // the vehicle register: id -> owner
  std::vector<std::vector<Observation>> chunk_observations_;
  std::vector<uint32_t> chunk_observations_most_;
  std::vector<BlockRecords> chunk_records_;
  std::vector<Observation> observations_;
  // MergeObservations: where each minute of the day starts, and per group of blocks and
  // minute, where the group's next observation goes.
  static constexpr size_t kMergeGroups = 64;
  std::vector<size_t> bucket_start_, group_next_;
  tbb::enumerable_thread_specific<std::vector<Observation>> merge_scratch_;
  BlockRecords meters_;                // the day's meter readings (households)
  DayRecords records_;                 // a view of chunk_records_ and meters_
  std::vector<double> patrol_chance_;  // per district, today
  Minute patrol_from_ = 0, patrol_to_ = 0;
};

}  // namespace oversight
