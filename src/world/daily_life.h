// One person's day: routine, leisure, hidden harmful acts and lawful petition trips.
//
// Thread-safety: pure function of its inputs; call it from any thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"
#include "scenario/world_options.h"
#include "world/city.h"
#include "world/day_log.h"
#include "world/population.h"

namespace oversight {

// What is shared by every person on one day.
struct DayContext {
  Day day = 0;
  bool weekday = true;  // day 0 is a Monday; days 5 and 6 of each week are the weekend
  // Per district: the hotel where people with harmful intent meet today (invalid if the
  // city has no hotel).
  std::vector<PlaceId> meeting_hotel;
  // Per district: the train station its residents use (nearest to the district's centre).
  std::vector<PlaceId> station;
  PlaceId capital;
};

// Appends person `person`'s day to `log` (presences in time order, then any ticket and
// acts). Every draw comes from Rng(seed, Stream::kSchedule / kActs, person, day) in a fixed
// order, whatever branch is taken, so a change to one decision never shifts another's
// random numbers.
void LivePersonDay(const WorldOptions& options, uint64_t seed, const City& city,
                   const Population& population, const DayContext& context, PersonId person,
                   DayLog* log);

}  // namespace oversight
