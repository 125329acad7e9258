#include "hotspot/polya_urn.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace oversight {
namespace {

// Ensign et al.'s Oakland inputs: estimated true daily drug-use incidents in the top bin
// (3.68511) and in a random bin (2.35592); historical counts 609 and 7 as the start; 1%
// decay a day with a floor of one ball; 1,000 days.
UrnOptions TopVersusRandom(bool correction) {
  UrnOptions o;
  o.discovered_rate = {3.68511, 2.35592};
  o.start = {609, 7};
  o.decay = 0.01;
  o.correction = correction;
  o.days = 1000;
  return o;
}

struct Summary {
  double mean_final_share = 0;   // region A's share of the balls on the last day, mean over runs
  double mean_patrol_share = 0;  // share of days the patrol went to A, mean over runs
  int runaway = 0;               // runs ending with a share above 0.95 or below 0.05
  double sd_final_share = 0;     // spread of the final share between runs
};

Summary Runs(const UrnOptions& options, int runs) {
  Summary s;
  double sum_sq = 0;
  for (int r = 0; r < runs; ++r) {
    const UrnRun run = RunUrn(options, 20261126, static_cast<uint32_t>(r));
    const double last = run.share_a.back();
    sum_sq += last * last;
    s.mean_final_share += last / runs;
    s.mean_patrol_share +=
        static_cast<double>(run.patrols[0]) / static_cast<double>(options.days) / runs;
    s.runaway += (last > 0.95 || last < 0.05) ? 1 : 0;
  }
  s.sd_final_share =
      std::sqrt(std::max(0.0, sum_sq / runs - s.mean_final_share * s.mean_final_share));
  return s;
}

UrnOptions EqualRates(bool correction) {
  UrnOptions o;
  o.discovered_rate = {3.0, 3.0};
  o.start = {10, 10};
  o.decay = 0.01;
  o.correction = correction;
  return o;
}

// The runaway feedback loop: the urn learns that the top bin has 99% of the crime, and the
// patrol goes there 99% of the days, when the truth is 61%.
TEST(PolyaUrnTest, TopVersusRandomRunsAwayWithoutTheCorrection) {
  const Summary s = Runs(TopVersusRandom(false), 200);
  EXPECT_NEAR(TrueShare(TopVersusRandom(false)), 0.610, 0.001);
  EXPECT_GT(s.mean_final_share, 0.95);
  EXPECT_GT(s.mean_patrol_share, 0.95);
  EXPECT_GE(s.runaway, 190);
}

// Ensign et al.'s correction: the urn's share converges on the true share.
TEST(PolyaUrnTest, TheCorrectionLearnsTheTrueShare) {
  const Summary s = Runs(TopVersusRandom(true), 200);
  EXPECT_NEAR(s.mean_final_share, TrueShare(TopVersusRandom(true)), 0.02);
  EXPECT_EQ(s.runaway, 0);
}

// With equal true rates the uncorrected urn locks onto whichever region luck favoured early:
// the final shares spread out between runs; the corrected ones stay near one half.
TEST(PolyaUrnTest, EqualRatesLockInWithoutTheCorrection) {
  const Summary plain = Runs(EqualRates(false), 200);
  const Summary fixed = Runs(EqualRates(true), 200);
  EXPECT_GT(plain.sd_final_share, 0.2);
  EXPECT_GE(plain.runaway, 10);
  EXPECT_LT(fixed.sd_final_share, 0.08);
  EXPECT_EQ(fixed.runaway, 0);
  EXPECT_NEAR(fixed.mean_final_share, 0.5, 0.02);
}

// Incidents reported by residents reach the urn wherever the patrol went, and pull the
// uncorrected urn back from runaway.
TEST(PolyaUrnTest, ReportedIncidentsPullTheUrnBackFromRunaway) {
  UrnOptions reported = TopVersusRandom(false);
  reported.reported_rate = {1.0, 1.0};
  const Summary s = Runs(reported, 200);
  EXPECT_LT(s.mean_final_share, 0.75);
  EXPECT_GT(s.mean_final_share, 0.55);
  EXPECT_EQ(s.runaway, 0);
}

TEST(PolyaUrnTest, RunsAreReproducibleAndDistinct) {
  const UrnOptions o = EqualRates(false);
  EXPECT_EQ(RunUrn(o, 7, 3).share_a, RunUrn(o, 7, 3).share_a);
  EXPECT_NE(RunUrn(o, 7, 3).share_a, RunUrn(o, 7, 4).share_a);
  EXPECT_NE(RunUrn(o, 7, 3).share_a, RunUrn(o, 8, 3).share_a);
  const UrnRun run = RunUrn(o, 7, 3);
  EXPECT_EQ(run.share_a.size(), 1000u);
  EXPECT_EQ(run.patrols[0] + run.patrols[1], 1000);
}

// Large urns decay through the normal approximation of the binomial at the right rate: region
// A starts with 2,000,000 records and keeps 0.95 of them a day (153,862 after 50 days), B
// gains 100 reported a day before each day's decay (about 1,754 after 50 days), so A's share
// ends near 0.988; without the decay it would be 0.9975.
TEST(PolyaUrnTest, LargeUrnsDecayAtTheirRate) {
  UrnOptions o;
  o.discovered_rate = {0.0, 0.0};
  o.reported_rate = {0.0, 100.0};
  o.start = {2'000'000, 1};
  o.decay = 0.05;
  o.days = 50;
  const double a = 2e6 * std::pow(0.95, 50);
  const double b = 100.0 * 0.95 * (1 - std::pow(0.95, 50)) / 0.05;
  EXPECT_NEAR(RunUrn(o, 1, 0).share_a.back(), a / (a + b), 0.002);
}

// Fractional starts are kept as they are: with expected updates and no decay, the first
// day's share is exact arithmetic on the fractional balls. Start [3.5, 2.4]: A drawn with
// probability 3.5 / 5.9 = .593; a patrol in A adds 1 (share 4.5 / 6.9), in B adds 1
// (3.5 / 6.9), so the first day's share is one of those two, never the rounded 4 : 2.
TEST(PolyaUrnTest, FractionalStartsAreHonoured) {
  UrnOptions o;
  o.discovered_rate = {1.0, 1.0};
  o.start = {3.5, 2.4};
  o.updates = UrnUpdates::kExpected;
  o.days = 1;
  int went_a = 0;
  const int runs = 4000;
  for (int r = 0; r < runs; ++r) {
    const UrnRun run = RunUrn(o, 11, static_cast<uint32_t>(r));
    const double share = run.share_a[0];
    EXPECT_TRUE(std::abs(share - 4.5 / 6.9) < 1e-12 || std::abs(share - 3.5 / 6.9) < 1e-12)
        << share;
    went_a += static_cast<int>(run.patrols[0]);
  }
  // The patrol goes to A with probability 3.5 / 5.9 = .5932 (rounded starts would give
  // .6667): sd of the observed fraction over 4,000 runs is .0078; 4 sd is .031.
  EXPECT_NEAR(static_cast<double>(went_a) / runs, 3.5 / 5.9, 0.031);
}

// The standard Pólya urn (deterministic updates of one ball of the drawn colour, a = d = 1,
// b = c = 0) has a random limit, Beta(nA, nB). From [2, 3]: mean 0.4, sd
// sqrt(2 * 3 / (25 * 6)) = 0.2. Over 2,000 runs of 3,000 days the sample mean's standard
// error is 0.0045 and the sample sd's about 0.0025 (plus the finite-day shortfall of the
// variance, a factor 3000 / 3005); tolerance 0.015 for both, over 3 standard errors.
TEST(PolyaUrnTest, DeterministicUpdatesReachTheBetaLimit) {
  UrnOptions o;
  o.discovered_rate = {1.0, 1.0};
  o.start = {2.0, 3.0};
  o.updates = UrnUpdates::kExpected;
  o.days = 3000;
  const Summary s = Runs(o, 2000);
  EXPECT_NEAR(s.mean_final_share, 0.4, 0.015);
  EXPECT_NEAR(s.sd_final_share, 0.2, 0.015);
}

// The partial surprise adds its fixed amounts on rejected days. True rates 3 and 2: the
// linear fix learns A's true share, 0.6; adding (0, 1) to B on rejected days (which, above
// one half, happen with probability 2x - 1) moves the fixed point to the root of
// 3(1 - x)^2 = x, (7 - sqrt(13)) / 6 = 0.566 (urn_limit_test checks the closed form). Over
// 100 runs of 2,000 days from the true share the means land within 0.02 of each limit.
TEST(PolyaUrnTest, PartialSurpriseMovesTheLimit) {
  UrnOptions linear;
  linear.discovered_rate = {3.0, 2.0};
  linear.start = {60, 40};
  linear.correction = true;
  linear.days = 2000;
  UrnOptions partial = linear;
  partial.surprise = UrnSurprise::kPartial;
  partial.surprise_add = {0.0, 1.0};
  EXPECT_NEAR(Runs(linear, 100).mean_final_share, 0.6, 0.02);
  EXPECT_NEAR(Runs(partial, 100).mean_final_share, (7 - std::sqrt(13.0)) / 6, 0.02);
}

// The weighted surprise (0, 1) with w_r = 0.5 also credits B with 1 / 0.5 on days A's
// discoveries are kept: its limit is 0.4 (urn_limit_test works it by hand). From 40 / 60,
// 100 runs of 2,000 days land within 0.02 of it.
TEST(PolyaUrnTest, WeightedSurpriseReachesItsLimit) {
  UrnOptions o;
  o.discovered_rate = {3.0, 2.0};
  o.start = {40, 60};
  o.correction = true;
  o.surprise = UrnSurprise::kWeighted;
  o.surprise_add = {0.0, 1.0};
  o.reported_weight = 0.5;
  o.days = 2000;
  EXPECT_NEAR(Runs(o, 100).mean_final_share, 0.4, 0.02);
}

}  // namespace
}  // namespace oversight
