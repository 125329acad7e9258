#include "core/rng.h"

#include <gtest/gtest.h>

#include <set>

namespace oversight {
namespace {

TEST(RngTest, SameKeyGivesSameSequence) {
  Rng a(42, Stream::kSchedule, 7, 3);
  Rng b(42, Stream::kSchedule, 7, 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.Next32(), b.Next32());
}

TEST(RngTest, EachKeyPartChangesTheSequence) {
  const uint32_t base = Rng(42, Stream::kSchedule, 7, 3).Next32();
  EXPECT_NE(base, Rng(43, Stream::kSchedule, 7, 3).Next32());
  EXPECT_NE(base, Rng(42, Stream::kActs, 7, 3).Next32());
  EXPECT_NE(base, Rng(42, Stream::kSchedule, 8, 3).Next32());
  EXPECT_NE(base, Rng(42, Stream::kSchedule, 7, 4).Next32());
  // The high half of the seed matters too.
  EXPECT_NE(base, Rng(42 + (1ull << 40), Stream::kSchedule, 7, 3).Next32());
}

TEST(RngTest, UniformIsInUnitIntervalWithMeanOneHalf) {
  Rng rng(1, Stream::kPopulation, 0, 0);
  double sum = 0.0;
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) {
    const double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  // Standard error of the mean is 1/sqrt(12 * 1e5) ~ 0.0009; 5 sigma.
  EXPECT_NEAR(sum / kDraws, 0.5, 0.0046);
}

TEST(RngTest, BernoulliHonoursEdgesAndRate) {
  Rng rng(9, Stream::kActs, 1, 1);
  int hits = 0;
  for (int i = 0; i < 100000; ++i) {
    EXPECT_FALSE(rng.Bernoulli(0.0));
    EXPECT_TRUE(rng.Bernoulli(1.0));
    hits += rng.Bernoulli(0.2) ? 1 : 0;
  }
  // sd = sqrt(1e5 * 0.16) ~ 126; 5 sigma = 632.
  EXPECT_NEAR(hits, 20000, 632);
}

TEST(RngTest, UniformIntCoversRangeAndStaysInside) {
  Rng rng(5, Stream::kCity, 2, 0);
  std::set<uint32_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const uint32_t v = rng.UniformInt(7);
    ASSERT_LT(v, 7u);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 7u);
  for (int i = 0; i < 1000; ++i) {
    const int32_t v = rng.UniformRange(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
  }
}

}  // namespace
}  // namespace oversight
