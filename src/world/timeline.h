// A person's day as consecutive stays covering [0, 1440) minutes of the day.
//
// Built from a routine (home, day place, home) and then overwritten by excursions
// (leisure, a trip, a harmful act): Set(place, from, to) replaces whatever the person was
// doing over [from, to). Fixed capacity, no heap allocation. Thread-safety: a value.
#pragma once

#include <array>
#include <cstddef>

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
  explicit Timeline(PlaceId place);

  // Puts the person at `place` over [from, to) (minutes of the day, clipped to the day).
  // Later calls overwrite earlier ones. Adjacent stays at the same place merge.
  void Set(PlaceId place, Minute from, Minute to);

  size_t size() const { return size_; }
  const Stay& operator[](size_t i) const { return stays_[i]; }
  // The place at minute `t` of the day.
  PlaceId PlaceAt(Minute t) const;

 private:
  std::array<Stay, kMaxStays> stays_;
  size_t size_ = 0;
};

}  // namespace oversight
