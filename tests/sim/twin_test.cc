#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

// The default city, small and short.
Scenario Small() {
  Scenario s = DefaultScenario();
  s.world.persons = 6000;
  s.days = 10;
  s.respond.capacity_per_day = 40;
  return s;
}

AuditResult Audit(const Scenario& scenario) {
  RunOptions options;
  options.threads = 2;
  absl::StatusOr<RunOutput> out = RunScenario(scenario, options);
  EXPECT_TRUE(out.ok());
  return out.ok() ? out->audit : AuditResult{};
}

// With the policy off, the run is its own twin: the same random numbers, the same lives.
TEST(TwinTest, WithThePolicyOffTheRunEqualsItsTwin) {
  Scenario s = Small();
  s.policy.rules.clear();
  const AuditResult audit = Audit(s);
  ASSERT_TRUE(audit.twin);
  EXPECT_GT(audit.total.lawful_acts, 0u);
  EXPECT_GT(audit.total.harmful_acts, 0u);
  for (const GroupCounts& g : audit.groups) {
    EXPECT_EQ(g.lawful_acts, g.twin_lawful_acts) << g.name;
    EXPECT_EQ(g.harmful_acts, g.twin_harmful_acts) << g.name;
    EXPECT_EQ(g.lawful_acts_lost(), 0u);
    EXPECT_EQ(g.harmful_acts_prevented(), 0u);
  }
  for (const DayCounts& d : audit.days) {
    EXPECT_EQ(d.lawful_acts, d.twin_lawful_acts) << d.day;
    EXPECT_EQ(d.harmful_acts, d.twin_harmful_acts) << d.day;
  }
}

// Without deterrence the policy only stops acts: what the twin did and the run did not is
// exactly what visits stopped.
TEST(TwinTest, WithoutDeterrenceTheLossIsWhatVisitsStopped) {
  Scenario s = Small();
  s.world.deterrence = DeterrenceOptions{0.0, 0.0};
  const AuditResult audit = Audit(s);
  ASSERT_GT(audit.total.lawful_stopped + audit.total.harmful_acts_stopped, 0u);
  for (const GroupCounts& g : audit.groups) {
    EXPECT_EQ(g.twin_lawful_acts, g.lawful_acts) << g.name;
    EXPECT_EQ(g.twin_harmful_acts, g.harmful_acts) << g.name;
    EXPECT_EQ(g.lawful_acts_lost(), g.lawful_stopped) << g.name;
    EXPECT_EQ(g.harmful_acts_prevented(), g.harmful_acts_stopped) << g.name;
  }
}

// Deterrence chills: visited persons set out less often than their twins.
TEST(TwinTest, DeterrenceMakesVisitedPersonsSetOutLessThanTheirTwins) {
  Scenario s = Small();
  s.world.deterrence = DeterrenceOptions{0.9, 0.9};
  const AuditResult audit = Audit(s);
  const GroupCounts& t = audit.total;
  EXPECT_LT(t.lawful_acts, t.twin_lawful_acts);
  EXPECT_GT(t.lawful_acts_lost(), t.lawful_stopped);
  EXPECT_GE(t.harmful_acts_prevented(), t.harmful_acts_stopped);
  // The twin itself is the same whatever the policy does.
  Scenario off = s;
  off.policy.rules.clear();
  EXPECT_EQ(Audit(off).total.twin_lawful_acts, t.twin_lawful_acts);
}

TEST(TwinTest, NoTwinMeansNoTwinCounts) {
  Scenario s = Small();
  s.days = 2;
  s.audit.twin = false;
  const AuditResult audit = Audit(s);
  EXPECT_FALSE(audit.twin);
  EXPECT_EQ(audit.total.twin_lawful_acts, 0u);
}

}  // namespace
}  // namespace oversight
