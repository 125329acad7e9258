// The resource guard: how much memory a run will need, estimated from the scenario before
// anything is built, so that a run too large for the machine is refused with a message
// instead of being killed (or thrashing) hours in.
//
// The estimates are fitted to measured peaks (docs/PERFORMANCE.md, "Memory") with a margin:
// a city needs a fixed part plus, per person, the world and the day's buffers, the twin's
// world when there is one, and the rule state that grows over the first weeks of a run. A
// place model needs the fixed part plus what its runner estimates (PlaceModelRunner::memory,
// sim/place_model_runner.h). Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "scenario/scenario.h"

namespace oversight {

struct MemoryEstimate {
  uint64_t bytes = 0;
  std::string what;      // what it is for, e.g. "100,000 persons x 30 days, with the twin"
  std::string to_lower;  // which settings lower it, for the refusal message
};

// `threads`: worker threads (runs of the place models in flight at once).
MemoryEstimate EstimateRunMemory(const Scenario& scenario, int threads);

// 80% of the machine's physical memory (0 if it cannot be read).
uint64_t DefaultMemoryLimit();

// "4G", "512M", "1.5GiB", "800MB", "2T" or a number of bytes; binary units. Returns 0 for
// text that is none of these.
uint64_t ParseByteSize(const std::string& text);

// "21.3 GiB", "512 MiB".
std::string FormatBytes(uint64_t bytes);

}  // namespace oversight
