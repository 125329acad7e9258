#include "core/poisson.h"

#include <gtest/gtest.h>

#include <cmath>

namespace oversight {
namespace {

// Mean and variance of a Poisson(mean) sample are both `mean`.
void ExpectPoisson(double mean) {
  constexpr int kDraws = 200000;
  const PoissonTable table(mean);
  double sum = 0.0, sum_sq = 0.0;
  for (uint32_t i = 0; i < kDraws; ++i) {
    Rng rng(7, Stream::kCalls, i, 0);
    const double k = table.Draw(rng);
    sum += k;
    sum_sq += k * k;
  }
  const double m = sum / kDraws;
  const double var = sum_sq / kDraws - m * m;
  // Standard error of the mean: sqrt(mean / n).
  EXPECT_NEAR(m, mean, 5 * std::sqrt(mean / kDraws)) << "mean " << mean;
  EXPECT_NEAR(var, mean, 0.03 * mean + 0.002) << "variance at mean " << mean;
}

TEST(PoissonTest, MeanAndVarianceMatch) {
  ExpectPoisson(0.1);
  ExpectPoisson(1.5);
  ExpectPoisson(2.5);
  ExpectPoisson(8.0);
}

TEST(PoissonTest, ZeroMeanIsAlwaysZero) {
  Rng rng(1, Stream::kCalls, 0, 0);
  const PoissonTable table(0.0);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(table.Draw(rng), 0);
}

// The draw that came before the table, kept as the reference: the same inversion, with the
// distribution function accumulated during the draw (a division per step).
int ReferencePoisson(Rng& rng, double mean) {
  const double u = rng.Uniform();
  double p = std::exp(-mean);  // P(X = k)
  double cdf = p;              // P(X <= k)
  int k = 0;
  while (u >= cdf && k < 64) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

// The table gives the reference's count for the same word (so runs are the same bytes as
// before it), at every mean the scenarios use and at the edges (zero, tiny, and one whose
// tail reaches the cap).
TEST(PoissonTest, TableDrawsWhatTheLoopDraws) {
  for (double mean : {0.0, 1e-6, 0.1, 1.5, 2.5, 3.7, 8.0, 60.0}) {
    const PoissonTable table(mean);
    int at_cap = 0;
    for (uint32_t i = 0; i < 50000; ++i) {
      Rng loop(11, Stream::kPurchases, i, 3);
      Rng tabled(11, Stream::kPurchases, i, 3);
      const int expected = ReferencePoisson(loop, mean);
      ASSERT_EQ(table.Draw(tabled), expected) << "mean " << mean << ", draw " << i;
      if (expected == static_cast<int>(PoissonTable::kCap)) ++at_cap;
    }
    if (mean == 60.0) {
      EXPECT_GT(at_cap, 0);  // the cap itself was reached and agreed on
    }
  }
}

TEST(RngTest, RandomAccessReadsTheSameWordsAsTheSequence) {
  Rng sequential(3, Stream::kActs, 11, 5);
  Rng random_access(3, Stream::kActs, 11, 5);
  std::vector<uint32_t> words;
  for (int i = 0; i < 16; ++i) words.push_back(sequential.Next32());
  for (uint32_t i : {9u, 2u, 15u, 0u, 4u, 4u, 13u}) EXPECT_EQ(random_access.WordAt(i), words[i]);
}

}  // namespace
}  // namespace oversight
