#include "sim/profile.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

TEST(ProfileTest, RulesAreListedByTimeAndByStateSize) {
  Profile profile;
  EXPECT_EQ(profile.RulesToString(), "");
  EXPECT_EQ(profile.RuleStateToString(), "");
  profile.SetRules(
      {{"slow", 2.5, 1024, 0}, {"fast", 0.25, 3 * 1024 * 1024, 1234567}, {"idle", 0.0, 0, 0}});
  EXPECT_EQ(profile.RulesToString(), "slow 2.500 s, fast 0.250 s, idle 0.000 s");
  EXPECT_EQ(profile.RuleStateToString(),
            "fast 3.0 MiB (1,234,567 keys), slow 0.0 MiB, idle 0.0 MiB");
}

TEST(ProfileTest, PhasesAddUp) {
  Profile profile;
  profile.Add(Phase::kPolicy, 1.5);
  profile.Add(Phase::kPolicy, 0.5);
  profile.Add(Phase::kBuild, 1.0);
  EXPECT_DOUBLE_EQ(profile.seconds(Phase::kPolicy), 2.0);
  EXPECT_DOUBLE_EQ(profile.total(), 3.0);
}

}  // namespace
}  // namespace oversight
