// A person's day as consecutive stays covering [0, 1440) minutes of the day.
//
// Built from a routine (home, day place, home) and then overwritten by excursions
// (leisure, a trip, a harmful act): Set(place, from, to) replaces whatever the person was
// doing over [from, to). Fixed capacity, no heap allocation. Thread-safety: a value.
//
// Design: a Timeline is made for every person-day, so its storage is left uninitialised
// past the stays in use (no zeroing at construction, no scratch copy of the day at each
// Set; docs/PERFORMANCE.md has the measurement), and Set splices the new stay in place. The
// invariant that makes the splice local: stays tile the day and no two neighbours share a place, so
// only the new stay can merge with a neighbour.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/ids.h"
#include "core/sim_time.h"

namespace oversight {

class Timeline {
 public:
  // A busy day (school runs for several children, errands, an evening out, a visit) has
  // around 20 stays; more than this is a programmer error.
  static constexpr size_t kMaxStays = 48;

  struct Stay {
    PlaceId place;
    Minute from = 0;  // minute of the day
    Minute to = 0;    // exclusive
  };

  // The whole day at `place`.
  explicit Timeline(PlaceId place) : size_(1) { slots_[0] = Slot{place.value, 0, kMinutesPerDay}; }

  // Puts the person at `place` over [from, to) (minutes of the day, clipped to the day).
  // Later calls overwrite earlier ones. Adjacent stays at the same place merge.
  void Set(PlaceId place, Minute from, Minute to);

  size_t size() const { return size_; }
  Stay operator[](size_t i) const {
    return Stay{PlaceId(slots_[i].place), slots_[i].from, slots_[i].to};
  }
  // The place at minute `t` of the day.
  PlaceId PlaceAt(Minute t) const;

 private:
  // A stay without default member initialisers, so the array is not filled at construction.
  struct Slot {
    uint32_t place;
    Minute from;
    Minute to;
  };

  // Two spare slots: a Set may split one stay into three before the size is checked.
  Slot slots_[kMaxStays + 2];
  size_t size_;
};

}  // namespace oversight
