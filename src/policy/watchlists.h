// Watchlists ("key persons") and the red list: who the authorities watch, and who they
// must ignore.
//
// Membership starts from what is on file only (RecordsView: recorded traits, and sex,
// nationality and work permit from the register), so a person whose history is on file by
// mistake is listed, and one whose true history is not on file is not. It then
// grows from the system's own alerts (a person alerted `add_after_alerts` times within
// `within_days` is added) and shrinks only at `removal_rate`. Nobody is told. The red list
// (persons with an exempting trait on file, e.g. officials) is fixed.
// Thread-safety: not thread-safe; read-only during rule evaluation.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"
#include "core/snapshot_fwd.h"
#include "policy/alert.h"
#include "scenario/policy_options.h"
#include "world/records_view.h"

namespace oversight {

class Watchlists {
 public:
  // REQUIRES: options.lists.size() <= kMaxLists.
  Watchlists(const PolicyOptions& options, const RecordsView& records, uint64_t seed);

  bool Contains(ListId list, PersonId person) const {
    return (membership_[person.index()] >> list.value & 1u) != 0;
  }
  bool OnAny(PersonId person) const { return membership_[person.index()] != 0; }
  // The lists `person` is on: bit l = on list l.
  uint32_t Membership(PersonId person) const { return membership_[person.index()]; }
  // On a watchlist proper: any list but labels (ListOptions::IsLabel).
  bool OnWatchlist(PersonId person) const {
    return (membership_[person.index()] & watch_mask_) != 0;
  }
  // Whether the person is on the red list (exempt from every rule).
  bool Exempt(PersonId person) const { return exempt_[person.index()] != 0; }

  // Puts `person` on `list` (a police decision); counted as added. Nobody is told.
  void Add(ListId list, PersonId person) { AddTo(list.index(), person); }

  // After day `day`'s alerts: adds persons alerted often enough, then takes members off at
  // each list's removal rate. Deterministic in (seed, day, alerts).
  void Update(Day day, const std::vector<Alert>& alerts);

  // Persons on each list now.
  const std::vector<size_t>& sizes() const { return sizes_; }
  // Persons each list started with (from records), and how many its alerts have added
  // and its removals taken off so far.
  const std::vector<size_t>& initial_sizes() const { return initial_sizes_; }
  const std::vector<size_t>& added() const { return added_; }
  const std::vector<size_t>& removed() const { return removed_; }
  size_t exempt_count() const { return exempt_count_; }

  // Checkpoints: membership now, the counts of additions and removals, and the recent
  // alerts that may yet add someone. Load REQUIRES lists built from the same options.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

 private:
  void AddTo(size_t list, PersonId person);

  std::vector<ListOptions> lists_;
  uint64_t seed_;
  std::vector<uint32_t> membership_;  // per person: bit l = on list l
  uint32_t watch_mask_ = 0;           // bit l: list l is a watchlist, not a label
  std::vector<uint8_t> exempt_;       // per person: on the red list
  size_t exempt_count_ = 0;
  std::vector<size_t> sizes_, initial_sizes_, added_, removed_;
  // The slot of an alerted person's latest alert days in recent_ (a new, empty one if none).
  uint32_t RecentSlotOf(uint32_t person);
  // Slot `slot` of recent_: the count, then the days.
  Day* RecentAt(uint32_t slot) { return &recent_[slot * (static_cast<size_t>(recent_kept_) + 1)]; }
  const Day* RecentAt(uint32_t slot) const {
    return &recent_[slot * (static_cast<size_t>(recent_kept_) + 1)];
  }

  // The days of each alerted person's latest alerts, oldest first: at most recent_kept_ of
  // them (the largest add_after_alerts), which is all the test needs: a list's
  // add_after_alerts hold within its within_days when the add_after_alerts-th latest is
  // recent enough. Persons whose latest alert is older than any window are dropped weekly.
  absl::flat_hash_map<uint32_t, uint32_t> alerted_;  // person -> slot
  std::vector<Day> recent_;     // per slot, recent_kept_ + 1 words: the count, then the days
  std::vector<uint32_t> free_;  // slots of persons dropped
  int32_t recent_kept_ = 0;
  int32_t history_days_ = 0;  // the longest within_days of any list that adds
};

}  // namespace oversight
