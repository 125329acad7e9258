// Building the synthetic city and its people from a scenario.
#pragma once

#include <cstdint>

#include "scenario/world_options.h"
#include "world/city.h"
#include "world/population.h"

namespace oversight {

// Builds districts, households, persons (group, role, traits true and recorded, hidden
// intent) and places (one home per household; other types per 1,000 residents, spread over
// districts by population weight; one capital). Deterministic in (options, seed).
void BuildWorld(const WorldOptions& options, uint64_t seed, City* city, Population* population);

}  // namespace oversight
