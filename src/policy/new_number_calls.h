// Novelty for call rules: which calls go to a number that is new to the caller.
//
// A call is to a new number when the current stretch of calls from this caller to it
// (calls no more than `lookback_days` apart) began within the last `window_days`. Nothing
// counts until `lookback_days` days of history exist, so a run's first days (when every
// number looks new) raise nothing.
//
// Memory: one entry per (caller, number) pair contacted within the lookback, pruned weekly.
// Thread-safety: not thread-safe.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <vector>

#include "core/sim_time.h"
#include "policy/event_source.h"

namespace oversight {

class NewNumberCalls {
 public:
  NewNumberCalls(int32_t lookback_days, int32_t window_days)
      : lookback_days_(lookback_days), window_days_(window_days) {}

  // Learns day `day`'s calls (person = caller, counterpart = number, in record order) and
  // keeps only those to new numbers.
  void Filter(Day day, std::vector<Event>* calls);

  size_t pairs() const { return contacts_.size(); }
  // Checkpoints (Archive: core/snapshot.h).
  template <class Archive>
  void Save(Archive& out) const {
    out(contacts_);
  }
  template <class Archive>
  void Load(Archive& in) {
    in(contacts_);
  }
  size_t StateBytes() const {
    return contacts_.capacity() * (sizeof(uint64_t) + sizeof(Contact) + 1);
  }

 private:
  struct Contact {
    Day first = 0;  // first call of the current stretch
    Day last = 0;   // latest call

    template <class Archive>
    void serialize(Archive& archive) {
      archive(first, last);
    }
  };

  int32_t lookback_days_;
  int32_t window_days_;
  absl::flat_hash_map<uint64_t, Contact> contacts_;  // (caller, number) -> stretch
};

inline void NewNumberCalls::Filter(Day day, std::vector<Event>* calls) {
  if (day % 7 == 0) {
    absl::erase_if(contacts_,
                   [&](const auto& entry) { return entry.second.last <= day - lookback_days_; });
  }
  const bool active = day >= lookback_days_;
  size_t kept = 0;
  for (const Event& call : *calls) {
    const uint64_t key = static_cast<uint64_t>(call.person.value) << 32 | call.counterpart;
    auto [it, inserted] = contacts_.try_emplace(key, Contact{day, day});
    Contact& contact = it->second;
    // Called before, but not within the lookback: a new stretch, so a new number again.
    if (!inserted && contact.last <= day - lookback_days_) contact.first = day;
    contact.last = day;
    if (active && contact.first > day - window_days_) (*calls)[kept++] = call;
  }
  calls->resize(kept);
}

}  // namespace oversight
