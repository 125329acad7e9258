#include "respond/patrols.h"

#include <gtest/gtest.h>

#include <vector>

namespace oversight {
namespace {

using Units = std::vector<uint16_t>;

PatrolOptions Options(int32_t units, PatrolOptions::Allocation allocate, int32_t window = 2) {
  PatrolOptions options;
  options.units = units;
  options.allocate = allocate;
  options.window_days = window;
  return options;
}

TEST(PatrolsTest, WithNoAlertsYetUnitsRotateThroughTheDistricts) {
  Patrols patrols(Options(4, PatrolOptions::Allocation::kAlerts), 3);
  EXPECT_EQ(patrols.Allocate(0), (Units{2, 1, 1}));  // units 0..3 -> districts 0,1,2,0
  EXPECT_EQ(patrols.Allocate(1), (Units{1, 2, 1}));  // units 4..7 -> districts 1,2,0,1
}

TEST(PatrolsTest, ProportionalAllocationFollowsAlertsPerUnitSent) {
  Patrols patrols(Options(4, PatrolOptions::Allocation::kAlerts), 3);
  patrols.Record(0, {60, 30, 0});
  // 60/1 -> d0; 60/2=30 vs 30/1: tie, lower index d0; 60/3=20 vs 30 -> d1; 20 vs 15 -> d0.
  EXPECT_EQ(patrols.Allocate(1), (Units{3, 1, 0}));
}

TEST(PatrolsTest, HotspotsGetEveryUnitAndTheWindowForgets) {
  Patrols patrols(Options(3, PatrolOptions::Allocation::kHotspots, /*window=*/2), 3);
  patrols.Record(0, {1, 5, 2});
  EXPECT_EQ(patrols.Allocate(1), (Units{0, 3, 0}));
  patrols.Record(1, {4, 0, 2});
  EXPECT_EQ(patrols.Allocate(2), (Units{3, 0, 0}));  // days 0-1: {5, 5, 4}; the tie to d0
  patrols.Record(2, {0, 0, 9});
  EXPECT_EQ(patrols.Allocate(3), (Units{0, 0, 3}));  // days 1-2: {4, 0, 11}; day 0 forgotten
}

TEST(PatrolsTest, EvenAllocationIgnoresAlertsAndNoUnitsMeansNoPatrols) {
  Patrols even(Options(2, PatrolOptions::Allocation::kEven), 4);
  even.Record(0, {100, 0, 0, 0});
  EXPECT_EQ(even.Allocate(1), (Units{0, 0, 1, 1}));  // units 2..3 -> districts 2, 3
  Patrols none(Options(0, PatrolOptions::Allocation::kHotspots), 4);
  none.Record(0, {100, 0, 0, 0});
  EXPECT_EQ(none.Allocate(1), (Units{0, 0, 0, 0}));
}

}  // namespace
}  // namespace oversight
