#include "hotspot/sepp.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/count_draws.h"
#include "core/rng.h"

namespace oversight {
namespace {

// Daily counts of `bins` bins over `days` days from the discrete-day model itself:
// count(b, t) ~ Poisson(mu[b] + theta * omega * sum over earlier days of count * exp(-omega
// * lag)).
std::vector<BinHistory> Simulate(const std::vector<double>& mu, double theta, double omega,
                                 int32_t days, uint64_t seed) {
  std::vector<BinHistory> bins(mu.size());
  for (size_t b = 0; b < mu.size(); ++b) {
    double excitation = 0;  // sum of count * exp(-omega * lag), carried day to day
    for (int32_t t = 0; t < days; ++t) {
      Rng rng(seed, Stream::kUrn, static_cast<uint32_t>(b), t);
      const auto n =
          static_cast<int32_t>(PoissonCount(rng.UniformAt(0), mu[b] + theta * omega * excitation));
      excitation = std::exp(-omega) * (excitation + n);
      if (n == 0) continue;
      bins[b].days.push_back(t);
      bins[b].counts.push_back(n);
    }
  }
  return bins;
}

double Total(const std::vector<BinHistory>& bins) {
  double total = 0;
  for (const BinHistory& h : bins) {
    for (const int32_t c : h.counts) total += c;
  }
  return total;
}

// Without excitation in the data, the fit finds none, and each bin's background is its
// rate.
TEST(SeppTest, PureBackgroundFitsNoTriggeringAndEachBinsRate) {
  const std::vector<double> mu = {0.05, 0.2, 0.5, 1.0, 2.0};
  const std::vector<BinHistory> bins = Simulate(mu, 0.0, 0.5, 2000, 7);
  const SeppFit fit = FitSepp(bins, 2000, SeppOptions{});
  EXPECT_TRUE(fit.converged);
  EXPECT_LT(fit.theta, 0.02);
  for (size_t b = 0; b < mu.size(); ++b) {
    EXPECT_NEAR(fit.mu[b], mu[b], 0.1 * mu[b] + 0.01) << "bin " << b;
  }
}

// Bursts are found: data with strong excitation gives a clearly positive theta, and a bin
// whose incidents are recent ranks above one with the same count long ago.
TEST(SeppTest, ExcitationIsFoundAndRecentIncidentsRankHigher) {
  const std::vector<BinHistory> bins = Simulate(std::vector<double>(20, 0.1), 0.6, 0.5, 1000, 11);
  const SeppFit fit = FitSepp(bins, 1000, SeppOptions{});
  EXPECT_TRUE(fit.converged);
  EXPECT_GT(fit.theta, 0.2);
  EXPECT_GT(fit.omega, 0.1);

  std::vector<BinHistory> two(2);
  two[0] = {.days = {10}, .counts = {3}};
  two[1] = {.days = {98}, .counts = {3}};
  SeppFit given{.mu = {0.1, 0.1}, .theta = 0.5, .omega = 0.3};
  const std::vector<double> intensity = SeppIntensity(two, given, 100);
  EXPECT_GT(intensity[1], intensity[0]);
  // mu + theta * omega * count * exp(-omega * lag), by hand.
  EXPECT_NEAR(intensity[1], 0.1 + 0.5 * 0.3 * 3 * std::exp(-0.3 * 2), 1e-12);
  EXPECT_NEAR(intensity[0], 0.1 + 0.5 * 0.3 * 3 * std::exp(-0.3 * 90), 1e-12);
}

// The M step accounts for every incident: background plus triggered is the total, at any
// fit the iterations stop at.
TEST(SeppTest, BackgroundAndTriggeredIncidentsAddUpToAll) {
  const std::vector<BinHistory> bins = Simulate(std::vector<double>(8, 0.3), 0.4, 0.4, 500, 3);
  const double total = Total(bins);
  ASSERT_GT(total, 500);
  for (const int32_t iterations : {1, 5, 1000}) {
    SeppOptions options;
    options.max_iterations = iterations;
    const SeppFit fit = FitSepp(bins, 500, options);
    double background = 0;
    for (const double mu : fit.mu) background += mu * 500;
    EXPECT_NEAR(background + fit.theta * total, total, 1e-6 * total) << iterations;
  }
}

// Bins with no incidents in the window have no intensity and are never chosen; an empty
// window fits to nothing.
TEST(SeppTest, EmptyBinsAndWindows) {
  std::vector<BinHistory> bins(3);
  bins[1] = {.days = {1, 5}, .counts = {2, 1}};
  const SeppFit fit = FitSepp(bins, 30, SeppOptions{});
  EXPECT_EQ(fit.mu[0], 0.0);
  EXPECT_GT(fit.mu[1], 0.0);
  EXPECT_EQ(TopIndices(SeppIntensity(bins, fit, 30), 3), std::vector<int32_t>({1}));
  const SeppFit none = FitSepp(std::vector<BinHistory>(4), 30, SeppOptions{});
  EXPECT_TRUE(none.converged);
  EXPECT_EQ(none.theta, 0.0);
}

// The largest first; ties to the lower index; zeros never; at most k.
TEST(SeppTest, TopIndicesOrderAndTies) {
  const std::vector<double> values = {0.5, 2.0, 0.0, 2.0, 1.0, 0.5};
  EXPECT_EQ(TopIndices(values, 3), std::vector<int32_t>({1, 3, 4}));
  EXPECT_EQ(TopIndices(values, 5), std::vector<int32_t>({1, 3, 4, 0, 5}));
  EXPECT_EQ(TopIndices(values, 10).size(), 5u);
  EXPECT_TRUE(TopIndices(values, 0).empty());
}

// The stopping rules on a record set small enough to fit by hand: one bin, a 10-day window,
// one incident on day 0 and one on day 1. From mu = theta = omega = 1, the first E step
// gives day 0's incident to the background (nothing before it) and day 1's to the
// background with probability 1 / (1 + e^-1) = .7311 and to day 0's with .2689, at a lag of
// one day. The M step: mu = (1 + .7311) / 10 = .17311, theta = .2689 / 2 = .13447, and
// omega = .2689 / (.2689 * 1 day) = 1, unchanged. The authors' rule (any tolerance met)
// stops there, after one iteration. Waiting for all: the one-day pair is better explained
// by the background (with theta > 0 the fixed point needs (2 - p) / 10 + p e^-1 / 2 =
// e^-1 / 2 for the triggered share p, whose only solution is p < 0), so theta falls to 0
// and mu rises to the plain rate, 2 incidents in 10 days.
TEST(SeppTest, StoppingRulesOnAHandCheckedFit) {
  const std::vector<BinHistory> bins = {BinHistory{.days = {0, 1}, .counts = {1, 1}}};
  const double e = std::exp(-1.0);
  SeppOptions any;
  any.stop = SeppStop::kAny;
  const SeppFit first = FitSepp(bins, 10, any);
  EXPECT_EQ(first.iterations, 1);
  EXPECT_TRUE(first.converged);
  EXPECT_NEAR(first.mu[0], (1 + 1 / (1 + e)) / 10, 1e-12);
  EXPECT_NEAR(first.theta, e / (1 + e) / 2, 1e-12);
  EXPECT_DOUBLE_EQ(first.omega, 1.0);
  const SeppFit all = FitSepp(bins, 10, SeppOptions{});
  EXPECT_GT(all.iterations, 1);
  EXPECT_LT(all.theta, 1e-3);
  EXPECT_NEAR(all.mu[0], 0.2, 1e-3);
}

}  // namespace
}  // namespace oversight

namespace oversight {
namespace {

// One broad background shared in given proportions: EM fits its level alone, so the bins'
// backgrounds keep the shape's ratio whatever their counts, and the background and
// triggered shares still account for every incident (their rates times the window, plus
// theta times the incidents, add up to the incidents).
TEST(SeppBroadBackgroundTest, BackgroundsKeepTheShape) {
  std::vector<BinHistory> bins(2);
  bins[0] = {{1, 2, 3, 10, 11, 30}, {2, 1, 1, 3, 1, 1}};
  bins[1] = {{5, 20}, {1, 1}};
  SeppOptions options;
  options.background_shape = {0.25, 0.75};
  const SeppFit fit = FitSepp(bins, 40, options);
  ASSERT_EQ(fit.mu.size(), 2u);
  EXPECT_NEAR(fit.mu[1], 3 * fit.mu[0], 1e-12);
  EXPECT_NEAR((fit.mu[0] + fit.mu[1]) * 40 + fit.theta * 11, 11.0, 1e-3);
}

}  // namespace
}  // namespace oversight
