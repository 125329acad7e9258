// One person's day: routine, school runs, leisure, holidays, trips, hidden harmful acts,
// lawful petition trips and phone calls.
//
// Thread-safety: pure function of its inputs; call it from any thread.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/poisson.h"
#include "core/sim_time.h"
#include "scenario/world_options.h"
#include "world/city.h"
#include "world/day_log.h"
#include "world/population.h"
#include "world/ties.h"

namespace oversight {

enum class DayKind : uint8_t { kWorkday, kWeekend, kHoliday };

// A pyramid recruiter's visit today: he brings companions into a compound not his own.
struct Recruitment {
  PersonId recruiter;
  PlaceId compound;
  Minute start = 0;  // minute of the day
  Minute end = 0;
};

// What is shared by every person on one day.
struct DayContext {
  Day day = 0;
  DayKind kind = DayKind::kWorkday;
  bool reunion = false;       // a family-reunion holiday (the Spring Festival)
  Day reunion_first_day = 0;  // first day of that holiday
  // Per district: the hotel where people with harmful intent meet today (invalid if the
  // city has no hotel).
  std::vector<PlaceId> meeting_hotel;
  // Per district: the train station its residents use (nearest to the district's centre).
  std::vector<PlaceId> station;
  PlaceId capital;
  PlaceId out_of_town;
  // The Poisson counts drawn per person-day (core/poisson.h): calls per phone owner and
  // purchases per person aged 16 or more.
  PoissonTable call_counts;
  PoissonTable purchase_counts;
  // Today's recruitment visits, and who takes part (recruiter or companion -> visit).
  std::vector<Recruitment> recruitments;
  absl::flat_hash_map<uint32_t, uint32_t> recruited;
  // Per person: police visits so far (saturating); evasion grows with them.
  const uint8_t* police_contacts = nullptr;
};

// The calendar: what kind of day `day` is (weekday from first_weekday, holidays).
DayKind KindOfDay(const CalendarOptions& calendar, Day day, const HolidayOptions** holiday);

// Appends person `person`'s day to `log` (presences in time order, calls, purchases,
// drives, any ticket and acts). Returns whether the person sleeps at home that night. Every draw
// comes from counter-based streams keyed by (person, day) or (household, day) in a fixed order,
// whatever branch is taken, so a change to one decision never shifts another's random numbers.
bool LivePersonDay(const WorldOptions& options, uint64_t seed, const City& city,
                   const Population& population, const Ties& ties, const DayContext& context,
                   PersonId person, DayLog* log);

}  // namespace oversight
