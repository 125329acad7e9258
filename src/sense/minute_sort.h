// Sorting one minute of the day's observations, the last step of the sensors' merge.
#pragma once

#include <span>
#include <vector>

#include "sense/observation.h"

namespace oversight {

// Sorts `minute` (observations of one minute) by ObservationBefore. Fastest when they come
// in person order, as the blocks write them: linear time then, but correct for any input.
// `scratch` is working space, the caller's (one per thread).
void SortMinuteOfObservations(std::span<Observation> minute, std::vector<Observation>* scratch);

}  // namespace oversight
