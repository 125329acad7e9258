// Event time.
//
// Time is counted in whole minutes since the start of the run (day 0, 00:00). The engine
// steps one day at a time; within a day, every event carries its minute. A presence is the
// half-open interval [enter, leave) at one place, so "dwelled two hours" and "arrived
// within five minutes of each other" are exact integer comparisons.
#pragma once

#include <cstdint>
#include <string>

namespace oversight {

using Minute = int32_t;  // minutes since the start of the run
using Day = int32_t;     // day index, 0-based

inline constexpr Minute kMinutesPerHour = 60;
inline constexpr Minute kMinutesPerDay = 24 * kMinutesPerHour;

constexpr Minute DayStart(Day day) { return day * kMinutesPerDay; }
constexpr Day DayOf(Minute t) { return t / kMinutesPerDay; }
constexpr Minute MinuteOfDay(Minute t) { return t % kMinutesPerDay; }

// Half-open interval [enter, leave) in minutes.
struct Interval {
  Minute enter = 0;
  Minute leave = 0;

  constexpr Minute length() const { return leave - enter; }
  constexpr bool contains(Minute t) const { return enter <= t && t < leave; }
  constexpr bool overlaps(const Interval& other) const {
    return enter < other.leave && other.enter < leave;
  }
};

// "d3 14:05" for minute 3*1440 + 845.
std::string FormatMinute(Minute t);

}  // namespace oversight
