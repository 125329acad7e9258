#include "core/sim_time.h"

#include <fmt/format.h>

namespace oversight {

std::string FormatMinute(Minute t) {
  const Minute of_day = MinuteOfDay(t);
  return fmt::format("d{} {:02}:{:02}", DayOf(t), of_day / kMinutesPerHour,
                     of_day % kMinutesPerHour);
}

}  // namespace oversight
