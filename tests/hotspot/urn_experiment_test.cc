#include "hotspot/urn_experiment.h"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include "report/output_sink.h"
#include "report/urn_report.h"

namespace oversight {
namespace {

Scenario SmallUrn() {
  Scenario s;
  s.model = ScenarioModel::kUrn;
  s.seed = 5;
  s.days = 200;
  s.urn.discovered_rate = {3.0, 2.0};
  s.urn.start = {50, 5};
  s.urn.decay = 0.01;
  s.urn.runs = 300;
  return s;
}

std::string OutputsAt(const Scenario& s, int threads) {
  tbb::task_arena arena(threads);
  UrnExperiment e;
  arena.execute([&] { e = RunUrnExperiment(s); });
  MemoryOutput out;
  EXPECT_TRUE(WriteUrnReport(s, e, "test", &out).ok());
  std::string all;
  for (const auto& [name, content] : out.files()) all += name + "\n" + content;
  return all;
}

TEST(UrnExperimentTest, OutputsAreByteIdenticalAtOneAndTwoThreads) {
  const Scenario s = SmallUrn();
  EXPECT_EQ(OutputsAt(s, 1), OutputsAt(s, 2));
}

TEST(UrnExperimentTest, ArmsSummariseTheirRunsDayByDay) {
  Scenario s = SmallUrn();
  const UrnExperiment e = RunUrnExperiment(s);
  EXPECT_DOUBLE_EQ(e.true_share, 0.6);
  ASSERT_EQ(e.arms.size(), 2u);
  EXPECT_FALSE(e.arms[0].correction);
  EXPECT_TRUE(e.arms[1].correction);
  for (const UrnArm& arm : e.arms) {
    ASSERT_EQ(arm.mean_share.size(), 200u);
    for (size_t d = 0; d < 200; ++d) {
      EXPECT_LE(arm.p05_share[d], arm.mean_share[d] + 1e-12);
      EXPECT_GE(arm.p95_share[d], arm.mean_share[d] - 1e-12);
    }
    EXPECT_GT(arm.patrol_share_a, 0.0);
    EXPECT_LT(arm.patrol_share_a, 1.0);
  }
  s.urn.without_correction = false;
  EXPECT_EQ(RunUrnExperiment(s).arms.size(), 1u);
}

}  // namespace
}  // namespace oversight
