// world-stats as plain-text tables: the realised population and daily life of a scenario.
#pragma once

#include <string>

#include "scenario/scenario.h"
#include "world/world_stats.h"

namespace oversight {

std::string WorldStatsText(const Scenario& scenario, const WorldStats& stats);

}  // namespace oversight
