#include "core/sim_time.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

TEST(SimTimeTest, DaysAndMinutesRoundTrip) {
  const Minute t = DayStart(3) + 14 * kMinutesPerHour + 5;
  EXPECT_EQ(DayOf(t), 3);
  EXPECT_EQ(MinuteOfDay(t), 14 * 60 + 5);
  EXPECT_EQ(FormatMinute(t), "d3 14:05");
}

TEST(SimTimeTest, IntervalsAreHalfOpen) {
  const Interval a{60, 120};
  const Interval b{120, 180};
  EXPECT_TRUE(a.contains(60));
  EXPECT_FALSE(a.contains(120));
  EXPECT_FALSE(a.overlaps(b));  // touching is not overlapping
  EXPECT_TRUE(a.overlaps(Interval{119, 130}));
  EXPECT_EQ(a.length(), 60);
}

}  // namespace
}  // namespace oversight
