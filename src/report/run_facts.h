// Facts about a finished run that the report states beside the audit.
//
// Nothing here may depend on the thread count or the clock: report.json must be the same
// bytes for the same scenario and seed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence.h"
#include "core/vocabulary.h"

namespace oversight {

// Kinds of observation and record the sensors produce, as reports name them: the streams
// of the table of evidence (core/evidence.h).
inline constexpr size_t kObservationKindCount = kEvidenceStreamCount;
inline constexpr const std::array<std::string_view, kObservationKindCount>& kObservationKindNames =
    kEvidenceStreamNames;

// A district of the map: where it lies and what watches it.
struct DistrictFacts {
  std::string name;
  double x0 = 0, y0 = 0, size = 0;  // south-west corner and side, metres
  uint64_t cameras = 0;             // places with a camera, at the end of the run

  template <class Archive>
  void serialize(Archive& archive) {
    archive(name, x0, y0, size, cameras);
  }
};

struct RunFacts {
  std::string version;  // Oversight version
  uint64_t households = 0;
  std::array<uint64_t, kPlaceTypeCount> places_by_type{};
  std::array<uint64_t, kPlaceTypeCount> cameras_by_type{};
  std::vector<uint64_t> list_sizes;        // persons on each watchlist at the start
  std::vector<uint64_t> list_sizes_final;  // ... at the end
  std::vector<uint64_t> list_added;        // added by the system's own alerts
  std::vector<uint64_t> list_removed;      // taken off
  uint64_t red_listed = 0;                 // persons on the red list
  uint64_t cameras_added = 0;              // installed at visited homes during the run
  uint64_t observations = 0;               // over the whole run, every kind
  // Over the whole run, by kind (EvidenceStream order).
  EvidenceCounts observations_by_kind{};
  std::vector<DistrictFacts> districts;

  // Checkpoints (core/snapshot.h).
  template <class Archive>
  void serialize(Archive& archive) {
    archive(version, households, places_by_type, cameras_by_type, list_sizes, list_sizes_final,
            list_added, list_removed, red_listed, cameras_added, observations, observations_by_kind,
            districts);
  }
};

}  // namespace oversight
