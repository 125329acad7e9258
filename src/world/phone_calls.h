// The phone calls a person makes in a day.
//
// Thread-safety: pure function of its inputs.
#pragma once

#include <cstdint>

#include "core/poisson.h"
#include "core/sim_time.h"
#include "scenario/world_options.h"
#include "world/day_log.h"
#include "world/population.h"
#include "world/ties.h"

namespace oversight {

// Appends `person`'s calls on `day` to log->calls, in time order. A phone owner makes a
// Poisson number of calls (mean PhoneOptions::calls_per_day) between 08:00 and 22:00, to
// household members and contacts, sometimes to a new number (a resident's, or out of
// town); migrant workers often call kin back home, a few fixed out-of-town numbers.
// `call_counts` is PoissonTable(options.calls_per_day), made once per day.
void MakeCalls(const PhoneOptions& options, const PoissonTable& call_counts, uint64_t seed,
               const Population& population, const Ties& ties, Day day, PersonId person,
               DayLog* log);

// The out-of-town numbers of `person`'s kin back home (the same every day).
uint32_t HomeNumber(const PhoneOptions& options, uint64_t seed, uint32_t persons, PersonId person,
                    uint32_t k);

}  // namespace oversight
