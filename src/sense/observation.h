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
  kTicket,    // `person` bought a train ticket at station `place` (ID checked); detail =
              // the destination (a PlaceId value: the capital or out_of_town)
};

struct Observation {
  Minute time = 0;
  PlaceId place;
  PersonId person;
  ObservationKind kind : 8 = ObservationKind::kSighting;
  uint32_t detail : 24 = 0;  // kind-specific, see ObservationKind; below kMaxObservationDetail

  friend bool operator==(const Observation&, const Observation&) = default;
};
// Kind and detail share a word: 16 bytes an observation, not 20 (a day's stream is held
// twice while it is merged: 160 MB less at 14,000,000 persons). A ticket's destination is
// one of the first places built, far below this (Sensors checks).
inline constexpr uint32_t kMaxObservationDetail = (1u << 24) - 1;
static_assert(sizeof(Observation) == 16);

// Order of the day's stream: by time, then place, person, kind, detail.
inline bool ObservationBefore(const Observation& a, const Observation& b) {
  if (a.time != b.time) return a.time < b.time;
  if (a.place != b.place) return a.place < b.place;
  if (a.person != b.person) return a.person < b.person;
  if (a.kind != b.kind) return a.kind < b.kind;
  return a.detail < b.detail;
}

}  // namespace oversight
