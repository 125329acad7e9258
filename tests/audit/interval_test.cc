#include "audit/interval.h"

#include <gtest/gtest.h>

#include "core/rng.h"

namespace oversight {
namespace {

TEST(IntervalTest, HandComputedMeanAndInterval) {
  // 2, 4, 6, 8: mean 5, sd sqrt(20/3) = 2.582; t(0.975, 3) = 3.182; half width 4.108.
  const Estimate i = MeanInterval({2, 4, 6, 8});
  EXPECT_EQ(i.n, 4u);
  EXPECT_DOUBLE_EQ(i.mean, 5.0);
  EXPECT_NEAR(i.sd, 2.5820, 1e-4);
  EXPECT_NEAR(i.low, 5.0 - 4.1080, 1e-3);
  EXPECT_NEAR(i.high, 5.0 + 4.1080, 1e-3);
}

TEST(IntervalTest, OneOrNoValues) {
  const Estimate one = MeanInterval({0.25});
  EXPECT_EQ(one.n, 1u);
  EXPECT_DOUBLE_EQ(one.low, 0.25);
  EXPECT_DOUBLE_EQ(one.high, 0.25);
  EXPECT_EQ(MeanInterval({}).n, 0u);
}

// On a known distribution the interval covers the true mean about 95% of the time.
TEST(IntervalTest, CoversTheTrueMeanNinetyFivePercentOfTheTime) {
  for (size_t n : {3u, 10u, 40u}) {
    constexpr int kTrials = 4000;
    int covered = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
      Rng rng(99, Stream::kLists, static_cast<uint32_t>(trial), static_cast<int32_t>(n));
      std::vector<double> values;
      for (size_t k = 0; k < n; ++k) values.push_back(10.0 + 3.0 * rng.Normal());
      const Estimate i = MeanInterval(values);
      covered += i.low <= 10.0 && 10.0 <= i.high ? 1 : 0;
    }
    const double coverage = static_cast<double>(covered) / kTrials;
    // 4,000 trials: the binomial standard error at 95% is 0.0034.
    EXPECT_NEAR(coverage, 0.95, 0.012) << n << " values";
  }
}

}  // namespace
}  // namespace oversight
