#include "policy/logistic_regression.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/rng.h"

namespace oversight {
namespace {

// A known problem: two features, P(y) = sigmoid(-2 + 1.5 x1 - 1.0 x2), x ~ U(-2, 2) x N(0, 1).
TEST(LogisticRegressionTest, RecoversKnownCoefficientsAndRanksWell) {
  constexpr size_t kRows = 40000;
  std::vector<float> x;
  std::vector<uint8_t> y;
  Rng rng(7, Stream::kLists, 0, 0);
  for (size_t r = 0; r < kRows; ++r) {
    const double x1 = -2.0 + 4.0 * rng.Uniform();
    const double x2 = rng.Normal();
    const double p = 1.0 / (1.0 + std::exp(-(-2.0 + 1.5 * x1 - 1.0 * x2)));
    x.push_back(static_cast<float>(x1));
    x.push_back(static_cast<float>(x2));
    y.push_back(rng.Bernoulli(p) ? 1 : 0);
  }
  LogisticRegression model;
  const int iterations = model.Fit(x, y, 2, /*ridge=*/0.0);
  EXPECT_LT(iterations, 25);  // Newton converges in a few steps
  const std::vector<double> c = model.Coefficients();
  EXPECT_NEAR(c[0], -2.0, 0.1);
  EXPECT_NEAR(c[1], 1.5, 0.1);
  EXPECT_NEAR(c[2], -1.0, 0.1);
  // Evaluated on fresh data: the fitted probabilities are calibrated and rank the classes.
  double brier = 0.0, brier_base = 0.0;
  size_t positives = 0;
  std::vector<std::pair<double, uint8_t>> scored;
  for (size_t r = 0; r < 20000; ++r) {
    const float row[2] = {static_cast<float>(-2.0 + 4.0 * rng.Uniform()),
                          static_cast<float>(rng.Normal())};
    const double p_true = 1.0 / (1.0 + std::exp(-(-2.0 + 1.5 * row[0] - 1.0 * row[1])));
    const uint8_t label = rng.Bernoulli(p_true) ? 1 : 0;
    const double p = model.Predict(row);
    EXPECT_NEAR(p, p_true, 0.05);
    brier += (p - label) * (p - label);
    scored.emplace_back(p, label);
    positives += label;
  }
  const double base = static_cast<double>(positives) / 20000.0;
  for (const auto& s : scored) brier_base += (base - s.second) * (base - s.second);
  EXPECT_LT(brier, 0.85 * brier_base);
}

// The learned score tabulates the first features' part of the sum: the two steps must give
// Predict's value bit for bit, wherever the split.
TEST(LogisticRegressionTest, PartialThenFinishIsPredictExactly) {
  constexpr size_t kWidth = 6;
  std::vector<float> x;
  std::vector<uint8_t> y;
  Rng rng(11, Stream::kLists, 0, 0);
  for (size_t r = 0; r < 2000; ++r) {
    double z = -0.5;
    for (size_t f = 0; f < kWidth; ++f) {
      const auto v = static_cast<float>(f < 3 ? (rng.Bernoulli(0.4) ? 1.0 : 0.0) : rng.Normal());
      x.push_back(v);
      z += (f % 2 == 0 ? 0.7 : -0.4) * v;
    }
    y.push_back(rng.Bernoulli(1.0 / (1.0 + std::exp(-z))) ? 1 : 0);
  }
  LogisticRegression model;
  model.Fit(x, y, kWidth);
  for (size_t r = 0; r < 200; ++r) {
    const float* row = x.data() + r * kWidth;
    for (size_t n = 0; n <= kWidth; ++n) {
      EXPECT_EQ(model.Finish(model.Partial(row, n), row, n), model.Predict(row)) << r << " " << n;
    }
  }
}

TEST(LogisticRegressionTest, ASeparatingOrConstantFeatureStaysFinite) {
  std::vector<float> x = {0, 1, 0, 1, 1, 1, 1, 1};  // feature 0 separates, feature 1 constant
  std::vector<uint8_t> y = {0, 0, 1, 1};
  LogisticRegression model;
  model.Fit(x, y, 2);
  const float negative[2] = {0, 1};
  const float positive[2] = {1, 1};
  EXPECT_TRUE(std::isfinite(model.Predict(negative)));
  EXPECT_LT(model.Predict(negative), 0.5);
  EXPECT_GT(model.Predict(positive), 0.5);
}

}  // namespace
}  // namespace oversight
