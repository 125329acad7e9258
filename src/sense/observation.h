// What the authorities observe: the only input of the policy stage.
//
// An observation names the person the sensor *believes* it saw; after a false match that is
// not who was there. Nothing here says whether it is right: only the audit can tell.
#pragma once

#include <cstdint>
#include <vector>

#include "core/evidence.h"
#include "core/ids.h"
#include "core/sim_time.h"

namespace oversight {

// The streams of core/evidence.h that are observations (the rest are records).
enum class ObservationKind : uint8_t {
  // a camera recognised `person` arriving at `place`
  kSighting = static_cast<uint8_t>(EvidenceStream::kSightings),
  // `person` bought a train ticket at station `place` (ID checked); detail = where to:
  // kTicketToCapital or kTicketElsewhere
  kTicket = static_cast<uint8_t>(EvidenceStream::kTicketChecks),
};
constexpr EvidenceStream StreamOf(ObservationKind kind) {
  return static_cast<EvidenceStream>(kind);
}

// A ticket's detail. The capital sorts first, as its place (built before out_of_town) did
// when the detail was a place id.
inline constexpr uint32_t kTicketToCapital = 0;
inline constexpr uint32_t kTicketElsewhere = 1;

struct Observation {
  Minute time = 0;
  PlaceId place;
  PersonId person;
  ObservationKind kind : 8 = ObservationKind::kSighting;
  uint32_t detail : 24 = 0;  // kind-specific, see ObservationKind

  friend bool operator==(const Observation&, const Observation&) = default;
};
// Kind and detail share a word: 16 bytes an observation, not 20 (a day's stream is held
// twice while it is merged).
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
