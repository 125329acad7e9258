// Calendar dates, as days since 1970-01-01 (the proleptic Gregorian calendar).
//
// Used by the hotspot models, whose inputs are recorded incidents by date. The simulated
// city counts days from its start (sim_time.h) and needs no calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oversight {

using CivilDay = int32_t;  // days since 1970-01-01

// "2011-01-01" (ISO 8601), or "01/08/12" / "01/08/2012" (month/day/year; a two-digit year
// is 20yy). Nothing else: no time of day, no other order. Returns nullopt for anything that
// is not a valid date in one of these forms.
std::optional<CivilDay> ParseCivilDay(std::string_view text);

// "2011-01-01".
std::string FormatCivilDay(CivilDay day);

}  // namespace oversight
