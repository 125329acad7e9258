// Reading the population sections of a scenario: [population.households], the
// conditional tables [[population.roles]], [[population.status]], [[population.foreign]],
// and [traits.<trait>] with their [[traits.<trait>.given]] rows.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "scenario/population_options.h"
#include "scenario/table_reader.h"

namespace oversight {

// Reads the keys `population` and `traits` of the top-level table `root` into `out`
// (which holds the built-in defaults on entry). `group_names` are the scenario's groups,
// which conditions may name.
void ReadPopulation(TableReader* root, const std::vector<std::string>& group_names,
                    Diagnostics* diagnostics, PopulationOptions* out);

}  // namespace oversight
