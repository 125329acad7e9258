// What the authorities observe: the only input of the policy stage.
//
// An observation names the person the sensor *believes* it saw; after a false match that is
// not who was there. Nothing here says whether it is right: only the audit can tell.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"

namespace oversight {

enum class ObservationKind : uint8_t {
  kSighting,  // a camera recognised `person` arriving at `place`
  kTicket,    // `person` bought a train ticket to the capital at station `place` (ID checked)
};

struct Observation {
  Minute time = 0;
  PlaceId place;
  PersonId person;
  ObservationKind kind = ObservationKind::kSighting;

  friend bool operator==(const Observation&, const Observation&) = default;
};

// Order of the day's stream: by time, then place, person, kind.
inline bool ObservationBefore(const Observation& a, const Observation& b) {
  if (a.time != b.time) return a.time < b.time;
  if (a.place != b.place) return a.place < b.place;
  if (a.person != b.person) return a.person < b.person;
  return a.kind < b.kind;
}

}  // namespace oversight
