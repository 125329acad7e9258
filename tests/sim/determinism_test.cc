// Same scenario + seed = same bytes, at any thread count.
#include <gtest/gtest.h>

#include "report/output_sink.h"
#include "report/report_writer.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

// Every output file, named; report.html too unless `html` is false.
std::string ReportAt(const Scenario& scenario, int threads, bool html = true) {
  RunOptions options;
  options.threads = threads;
  absl::StatusOr<RunOutput> run = RunScenario(scenario, options);
  EXPECT_TRUE(run.ok());
  MemoryOutput out;
  EXPECT_TRUE(WriteReport(scenario, run->facts, run->audit, &out).ok());
  std::string all;
  for (const auto& [name, content] : out.files()) {
    if (html || name != "report.html") all += name + "\n" + content;
  }
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

// FNV-1a, 64 bits: a stable fingerprint of the outputs.
uint64_t Fingerprint(const std::string& bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// Golden outputs: pins every output file of a small default run. A change that is meant to
// alter results (a new mechanism, a different draw order) must update kGolden and say so
// in its commit; a change that is not (a refactor, an optimisation) must leave it alone.
// report.html is left out: it inlines the chart libraries, whose bytes change with their
// versions, and every number in it comes from the files pinned here.
TEST(DeterminismTest, OutputsMatchTheGoldenFingerprint) {
  constexpr uint64_t kGolden = 0x13bb2bed16c6d027ull;
  Scenario scenario = SmallDefault();
  scenario.days = 3;
  const uint64_t actual = Fingerprint(ReportAt(scenario, 2, /*html=*/false));
  EXPECT_EQ(actual, kGolden) << "outputs changed; if intended, set kGolden = 0x" << std::hex
                             << actual << "ull";
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
