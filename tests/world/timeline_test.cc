#include "world/timeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

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

// The first algorithm Set had, kept as the reference: rebuild the whole day, pushing each
// stay (or the parts of it outside [from, to)) and the new stay in order, merging a push
// into the previous stay when both are at the same place and touch.
std::vector<Timeline::Stay> ReferenceSet(const std::vector<Timeline::Stay>& stays, PlaceId place,
                                         Minute from, Minute to) {
  from = std::max<Minute>(from, 0);
  to = std::min<Minute>(to, kMinutesPerDay);
  if (from >= to) return stays;
  std::vector<Timeline::Stay> out;
  auto push = [&](Timeline::Stay stay) {
    if (stay.from >= stay.to) return;
    if (!out.empty() && out.back().place == stay.place && out.back().to == stay.from) {
      out.back().to = stay.to;
      return;
    }
    out.push_back(stay);
  };
  bool inserted = false;
  for (const Timeline::Stay& s : stays) {
    if (s.to <= from || s.from >= to) {
      if (!inserted && s.from >= to) {
        push(Timeline::Stay{place, from, to});
        inserted = true;
      }
      push(s);
      continue;
    }
    push(Timeline::Stay{s.place, s.from, from});
    if (!inserted) {
      push(Timeline::Stay{place, from, to});
      inserted = true;
    }
    push(Timeline::Stay{s.place, to, s.to});
  }
  if (!inserted) push(Timeline::Stay{place, from, to});
  return out;
}

// Set splices in place; it must give exactly the reference's stays after every call, over
// many random days of overlapping, nested, touching, clipped and empty stays at a few
// places (so that merges on either side, and on both, all occur).
TEST(TimelineTest, SetMatchesTheReferenceOnRandomDays) {
  std::mt19937 random(20261204);
  int not_plain_splits = 0;
  for (int day = 0; day < 20000; ++day) {
    const PlaceId home(random() % 4);
    Timeline t(home);
    std::vector<Timeline::Stay> expected{Timeline::Stay{home, 0, kMinutesPerDay}};
    const int sets = 1 + static_cast<int>(random() % 14);
    for (int k = 0; k < sets; ++k) {
      const PlaceId place(random() % 4);
      // Minutes on a coarse grid, so stays often touch or coincide; some outside the day.
      const Minute from = static_cast<Minute>(random() % 34) * 45 - 60;
      const Minute to = from + static_cast<Minute>(random() % 12) * 45;
      const size_t before = expected.size();
      expected = ReferenceSet(expected, place, from, to);
      t.Set(place, from, to);
      if (expected.size() < before + 2 && from < to && from >= 0 && to <= kMinutesPerDay) {
        ++not_plain_splits;
      }
      ASSERT_EQ(t.size(), expected.size()) << "day " << day << ", set " << k;
      for (size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ(t[i].place, expected[i].place)
            << "day " << day << ", set " << k << ", stay " << i;
        ASSERT_EQ(t[i].from, expected[i].from) << "day " << day << ", set " << k << ", stay " << i;
        ASSERT_EQ(t[i].to, expected[i].to) << "day " << day << ", set " << k << ", stay " << i;
      }
      ExpectTilesTheDay(t);
    }
  }
  EXPECT_GT(not_plain_splits, 1000);  // many Sets overwrote several stays or merged
}

}  // namespace
}  // namespace oversight
