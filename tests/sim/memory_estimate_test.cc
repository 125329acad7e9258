#include "sim/memory_estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "scenario/place_model.h"
#include "sim/place_model_runner.h"

namespace oversight {
namespace {

// The estimate covers what the default city was measured to need (release build, 2
// threads; docs/PERFORMANCE.md), and is not wildly above it.
TEST(MemoryEstimateTest, CoversTheMeasuredPeaksOfTheDefaultCity) {
  struct Measured {
    uint32_t persons;
    int32_t days;
    bool twin;
    double mib;
  };
  for (const Measured m :
       {Measured{100'000, 3, true, 53}, Measured{100'000, 30, true, 68},
        Measured{400'000, 3, true, 176}, Measured{400'000, 3, false, 141},
        Measured{1'000'000, 3, false, 345}, Measured{1'000'000, 3, true, 442},
        Measured{2'000'000, 5, false, 713}, Measured{2'000'000, 30, false, 878},
        Measured{10'000'000, 5, false, 3532}, Measured{14'000'000, 30, false, 6018}}) {
    Scenario s = DefaultScenario();
    s.world.persons = m.persons;
    s.days = m.days;
    s.audit.twin = m.twin;
    const double estimate = static_cast<double>(EstimateRunMemory(s, 2).bytes) / (1 << 20);
    EXPECT_GE(estimate, m.mib) << m.persons << " persons, " << m.days << " days";
    EXPECT_LE(estimate, 1.5 * m.mib) << m.persons << " persons, " << m.days << " days";
  }
}

// More persons, more days or the twin never need less; the refusal names what to lower.
TEST(MemoryEstimateTest, GrowsWithTheRunAndSaysWhatToLower) {
  Scenario s = DefaultScenario();
  const uint64_t base = EstimateRunMemory(s, 2).bytes;
  s.world.persons *= 2;
  EXPECT_GT(EstimateRunMemory(s, 2).bytes, base);
  s.audit.twin = false;
  const MemoryEstimate no_twin = EstimateRunMemory(s, 2);
  EXPECT_NE(no_twin.to_lower.find("persons"), std::string::npos);
  EXPECT_EQ(no_twin.to_lower.find("--no-twin"), std::string::npos);
  s.audit.twin = true;
  EXPECT_GT(EstimateRunMemory(s, 2).bytes, no_twin.bytes);
  EXPECT_NE(EstimateRunMemory(s, 2).to_lower.find("--no-twin"), std::string::npos);
}

// Every place model the loader accepts has a runner, whose estimate (with the fixed part)
// is what the guard uses, says what it is for and what lowers it, and grows with the days.
TEST(MemoryEstimateTest, EveryPlaceModelHasARunnerAndAnEstimate) {
  ASSERT_EQ(PlaceModelRunners().size(), PlaceModels().size());
  for (const PlaceModelSpec& spec : PlaceModels()) {
    const PlaceModelRunner* runner = FindPlaceModelRunner(spec.model);
    ASSERT_NE(runner, nullptr) << spec.name;
    EXPECT_THAT(RunnableModelNames(), ::testing::HasSubstr("'" + std::string(spec.name) + "'"));
    Scenario s;
    s.model = spec.model;
    s.days = 100;
    const MemoryEstimate short_run = EstimateRunMemory(s, 2);
    EXPECT_GT(short_run.bytes, runner->memory(s, 2).bytes) << spec.name << ": the fixed part";
    EXPECT_FALSE(short_run.what.empty()) << spec.name;
    EXPECT_FALSE(short_run.to_lower.empty()) << spec.name;
    s.days = 1000;
    EXPECT_GE(EstimateRunMemory(s, 2).bytes, short_run.bytes) << spec.name;
  }
  EXPECT_EQ(FindPlaceModelRunner(ScenarioModel::kCity), nullptr);
}

TEST(MemoryEstimateTest, SizesParseWithBinaryUnits) {
  EXPECT_EQ(ParseByteSize("4G"), 4ull << 30);
  EXPECT_EQ(ParseByteSize("512M"), 512ull << 20);
  EXPECT_EQ(ParseByteSize("1.5GiB"), 3ull << 29);
  EXPECT_EQ(ParseByteSize("800mb"), 800ull << 20);
  EXPECT_EQ(ParseByteSize("2048"), 2048u);
  for (const char* bad : {"", "G", "4X", "-1G", "0", "nan", "1e30T", "4 G"}) {
    EXPECT_EQ(ParseByteSize(bad), 0u) << bad;
  }
  EXPECT_EQ(FormatBytes(3ull << 29), "1.5 GiB");
  EXPECT_EQ(FormatBytes(512ull << 20), "512 MiB");
  EXPECT_GT(DefaultMemoryLimit(), 0u);
}

}  // namespace
}  // namespace oversight
