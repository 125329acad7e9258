// Facts about a finished run that the report states beside the audit.
//
// Nothing here may depend on the thread count or the clock: report.json must be the same
// bytes for the same scenario and seed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace oversight {

struct RunFacts {
  std::string version;  // Oversight version
  uint64_t households = 0;
  std::array<uint64_t, kPlaceTypeCount> places_by_type{};
  std::array<uint64_t, kPlaceTypeCount> cameras_by_type{};
  std::vector<uint64_t> list_sizes;  // persons on each watchlist
  uint64_t observations = 0;         // over the whole run
};

}  // namespace oversight
