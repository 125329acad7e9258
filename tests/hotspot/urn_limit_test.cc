#include "hotspot/urn_limit.h"

#include <gtest/gtest.h>

#include <cmath>

#include "hotspot/polya_urn.h"

namespace oversight {
namespace {

// Ensign et al.'s limit without the correction: the root in [0, 1] of
// (c + d - a - b) x^2 + (a - 2c - d) x + c = 0 for update matrix [[a, b], [c, d]], here
// a = λA + rA, b = rB, c = rA, d = λB + rB (reports reach both regions every day).
double PaperRoot(double a, double b, double c, double d) {
  const double q2 = c + d - a - b, q1 = a - 2 * c - d, q0 = c;
  if (std::abs(q2) < 1e-15) return -q0 / q1;
  const double s = std::sqrt(q1 * q1 - 4 * q2 * q0);
  const double r1 = (-q1 - s) / (2 * q2), r2 = (-q1 + s) / (2 * q2);
  return (r1 >= 0 && r1 <= 1) ? r1 : r2;
}

UrnOptions Reported(double la, double lb, double ra, double rb) {
  UrnOptions o;
  o.discovered_rate = {la, lb};
  o.reported_rate = {ra, rb};
  return o;
}

TEST(UrnLimitTest, MatchesThePapersQuadraticForSeveralWeights) {
  // Discovered + reported with weights wd + wr = 1: a = λA, b = wr λB, c = wr λA, d = λB is
  // the paper's matrix; with reports independent of the patrol, b and c are the report rates.
  for (const double wr : {0.1, 0.25, 0.5, 0.75, 0.9}) {
    const double la = 3.68511, lb = 2.35592;
    const UrnOptions o = Reported(la, lb, wr * la, wr * lb);
    const double a = la + wr * la, b = wr * lb, c = wr * la, d = lb + wr * lb;
    ASSERT_TRUE(UrnLimit(o).has_value()) << wr;
    EXPECT_NEAR(*UrnLimit(o), PaperRoot(a, b, c, d), 1e-9) << wr;
    EXPECT_NEAR(UrnDrift(o, *UrnLimit(o)), 0.0, 1e-9) << wr;
  }
}

TEST(UrnLimitTest, RunawayAndTheCorrection) {
  UrnOptions o = Reported(3.0, 2.0, 0, 0);
  EXPECT_DOUBLE_EQ(UrnLimit(o).value(), 1.0);  // b = c = 0, a > d: the runaway
  o.discovered_rate = {2.0, 3.0};
  EXPECT_DOUBLE_EQ(UrnLimit(o).value(), 0.0);
  o.correction = true;  // the linear surprise learns the true share, 2 / 5
  EXPECT_NEAR(UrnLimit(o).value(), 0.4, 1e-12);
  o.correction = false;
  o.discovered_rate = {3.0, 3.0};  // a = d, b = c = 0: a random (Beta) limit
  EXPECT_FALSE(UrnLimit(o).has_value());
}

// The partial surprise (rA, rB) = (1, 0) with equal rates λ = 2: for x >= 1/2 the kept
// share is (1 - x) each and a rejection (probability 2x - 1) adds 1 to A, so the drift is
// (2(1 - x) + (2x - 1))(1 - x) - 2(1 - x) x = (1 - x)(1 - 2x), zero at 1/2 from both sides;
// for x < 1/2, drift 2x(1 - x) + (1 - 2x)(1 - x) - 2x·x = (1 - x) - 2x^2, positive at 1/2^-.
// So the stable limit is 1/2 (drift > 0 below, < 0 above).
TEST(UrnLimitTest, PartialSurpriseFixedPointByHand) {
  UrnOptions o = Reported(2.0, 2.0, 0, 0);
  o.correction = true;
  o.surprise = UrnSurprise::kPartial;
  o.surprise_add = {1.0, 0.0};
  EXPECT_NEAR(UrnDrift(o, 0.75), 0.25 * -0.5, 1e-12);
  EXPECT_NEAR(UrnDrift(o, 0.25), 0.75 - 2 * 0.0625, 1e-12);
  EXPECT_NEAR(UrnLimit(o).value(), 0.5, 1e-9);
}

// Partial surprise (0, 1) with true rates 3 and 2: above one half the drift is
// 3(1 - x)^2 - x, zero at (7 - sqrt(13)) / 6.
TEST(UrnLimitTest, PartialSurpriseMovesTheLimit) {
  UrnOptions o = Reported(3.0, 2.0, 0, 0);
  o.correction = true;
  o.surprise = UrnSurprise::kPartial;
  o.surprise_add = {0.0, 1.0};
  EXPECT_NEAR(UrnDrift(o, 0.7), 3 * 0.09 - 0.7, 1e-12);
  EXPECT_NEAR(UrnLimit(o).value(), (7 - std::sqrt(13.0)) / 6, 1e-9);
}

// Weighted surprise (0, 1) with w_r = 0.5 and true rates 3 and 2. Below one half a share x
// keeps x of each region's discoveries and rejects 1 - 2x; B gains 2x + (1 - 2x) + x / 0.5
// = 1 + 2x, A gains 3x, so the drift is 3x(1 - x) - x(1 + 2x) = x(2 - 5x), zero at 0.4.
TEST(UrnLimitTest, WeightedSurpriseFixedPointByHand) {
  UrnOptions o = Reported(3.0, 2.0, 0, 0);
  o.correction = true;
  o.surprise = UrnSurprise::kWeighted;
  o.surprise_add = {0.0, 1.0};
  o.reported_weight = 0.5;
  EXPECT_NEAR(UrnDrift(o, 0.3), 0.3 * (2 - 1.5), 1e-12);
  EXPECT_NEAR(UrnLimit(o).value(), 0.4, 1e-9);
}

TEST(UrnLimitTest, QuadraticRootsInTheInterval) {
  const auto roots = QuadraticRoots(1, -3, 2, 0, 1.5);  // roots 1 and 2
  EXPECT_DOUBLE_EQ(roots[0].value(), 1.0);
  EXPECT_FALSE(roots[1].has_value());
  EXPECT_DOUBLE_EQ(QuadraticRoots(0, 2, -1, 0, 1)[0].value(), 0.5);
}

}  // namespace
}  // namespace oversight
