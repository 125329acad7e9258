#include "scenario/did_you_mean.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

TEST(DidYouMeanTest, EditDistanceCountsEdits) {
  EXPECT_EQ(EditDistance("persons", "persons"), 0u);
  EXPECT_EQ(EditDistance("persns", "persons"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(DidYouMeanTest, SuggestsOnlyCloseNames) {
  const std::vector<std::string> keys = {"name", "seed", "days", "persons"};
  EXPECT_EQ(ClosestMatch("persns", keys), "persons");
  EXPECT_EQ(ClosestMatch("dys", keys), "days");
  EXPECT_EQ(ClosestMatch("population", keys), "");
  EXPECT_EQ(DidYouMean("sed", keys), "; did you mean 'seed'?");
  EXPECT_EQ(DidYouMean("zzzzzzzz", keys), "");
}

}  // namespace
}  // namespace oversight
