#include "world/timeline.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

const PlaceId kHome(0);
const PlaceId kWork(1);
const PlaceId kPark(2);

// Stays must tile the day: start at 0, end at 1440, no gaps, no overlaps.
void ExpectTilesTheDay(const Timeline& t) {
  ASSERT_GT(t.size(), 0u);
  EXPECT_EQ(t[0].from, 0);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_EQ(t[i].from, t[i - 1].to);
  EXPECT_EQ(t[t.size() - 1].to, kMinutesPerDay);
}

TEST(TimelineTest, StartsAsOneStay) {
  Timeline t(kHome);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.PlaceAt(0), kHome);
  EXPECT_EQ(t.PlaceAt(kMinutesPerDay - 1), kHome);
}

TEST(TimelineTest, SetSplitsAndOverwrites) {
  Timeline t(kHome);
  t.Set(kWork, 480, 1020);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.PlaceAt(479), kHome);
  EXPECT_EQ(t.PlaceAt(480), kWork);
  EXPECT_EQ(t.PlaceAt(1020), kHome);
  t.Set(kPark, 1000, 1100);  // overlaps the end of work
  ExpectTilesTheDay(t);
  EXPECT_EQ(t.PlaceAt(999), kWork);
  EXPECT_EQ(t.PlaceAt(1000), kPark);
  EXPECT_EQ(t.PlaceAt(1100), kHome);
}

TEST(TimelineTest, ClipsToTheDayAndIgnoresEmptyStays) {
  Timeline t(kHome);
  t.Set(kWork, -50, 60);
  t.Set(kPark, 1400, 2000);
  t.Set(kWork, 700, 700);
  ExpectTilesTheDay(t);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.PlaceAt(0), kWork);
  EXPECT_EQ(t.PlaceAt(1439), kPark);
}

TEST(TimelineTest, AdjacentStaysAtOnePlaceMerge) {
  Timeline t(kHome);
  t.Set(kWork, 100, 200);
  t.Set(kHome, 100, 200);
  EXPECT_EQ(t.size(), 1u);
}

TEST(TimelineTest, OverwritingEverythingLeavesOneStay) {
  Timeline t(kHome);
  t.Set(kWork, 100, 200);
  t.Set(kPark, 300, 400);
  t.Set(kWork, 0, kMinutesPerDay);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].place, kWork);
}

}  // namespace
}  // namespace oversight
