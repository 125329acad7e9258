// Same scenario + seed = same bytes, at any thread count.
#include <gtest/gtest.h>

#include "report/output_sink.h"
#include "report/report_writer.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

std::string ReportAt(const Scenario& scenario, int threads) {
  RunOptions options;
  options.threads = threads;
  absl::StatusOr<RunOutput> run = RunScenario(scenario, options);
  EXPECT_TRUE(run.ok());
  MemoryOutput out;
  EXPECT_TRUE(WriteReport(scenario, run->facts, run->audit, &out).ok());
  std::string all;
  for (const auto& [name, content] : out.files()) all += name + "\n" + content;
  return all;
}

Scenario SmallDefault() {
  Scenario s = DefaultScenario();
  s.world.persons = 30000;  // several blocks of persons per thread
  s.days = 8;               // includes a weekend
  return s;
}

TEST(DeterminismTest, OutputsAreByteIdenticalAtOneTwoAndFourThreads) {
  const Scenario scenario = SmallDefault();
  const std::string one = ReportAt(scenario, 1);
  const std::string two = ReportAt(scenario, 2);
  const std::string four = ReportAt(scenario, 4);
  EXPECT_GT(one.size(), 1000u);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, four);
}

TEST(DeterminismTest, AnotherSeedGivesAnotherCity) {
  Scenario a = SmallDefault();
  a.days = 2;
  Scenario b = a;
  b.seed = a.seed + 1;
  EXPECT_NE(ReportAt(a, 2), ReportAt(b, 2));
}

}  // namespace
}  // namespace oversight
