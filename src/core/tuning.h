// Internal tuning constants, in one place. None of them changes any output: outputs are
// identical whatever these are set to (tests/sim/determinism_test.cc checks thread counts;
// chunk size only changes how work is split).
#pragma once

#include <cstddef>

namespace oversight {

// Persons per block of work in the parallel day step. Large enough that scheduling costs
// vanish, small enough to balance two to sixteen threads on 100,000 persons.
inline constexpr size_t kPersonsPerChunk = 4096;

}  // namespace oversight
