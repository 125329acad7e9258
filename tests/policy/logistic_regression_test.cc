#include "policy/logistic_regression.h"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>

#include "core/rng.h"

namespace oversight {
namespace {

// The textbook Newton loop, one row at a time on one thread, as the fit was first written:
// Fit must give these coefficients bit for bit, however it shares out the work.
std::vector<double> TextbookCoefficients(const std::vector<float>& x, const std::vector<uint8_t>& y,
                                         size_t width, double ridge = 1e-3,
                                         int max_iterations = 25) {
  const size_t rows = y.size();
  std::vector<double> mean(width, 0.0), scale(width, 1.0), var(width, 0.0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < width; ++f) mean[f] += x[r * width + f];
  }
  for (double& m : mean) m /= static_cast<double>(rows);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < width; ++f) {
      const double d = x[r * width + f] - mean[f];
      var[f] += d * d;
    }
  }
  for (size_t f = 0; f < width; ++f) {
    const double sd = std::sqrt(var[f] / static_cast<double>(rows));
    scale[f] = sd > 1e-9 ? sd : 1.0;
  }
  const size_t n = width + 1;
  std::vector<double> weights(n, 0.0), z(n);
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    std::vector<double> a(n * n, 0.0), b(n, 0.0);
    for (size_t r = 0; r < rows; ++r) {
      z[0] = 1.0;
      for (size_t f = 0; f < width; ++f) z[f + 1] = (x[r * width + f] - mean[f]) / scale[f];
      double dot = 0.0;
      for (size_t k = 0; k < n; ++k) dot += weights[k] * z[k];
      const double p = 1.0 / (1.0 + std::exp(-dot));
      const double w = std::max(p * (1.0 - p), 1e-10);
      const double residual = static_cast<double>(y[r]) - p;
      for (size_t i = 0; i < n; ++i) {
        b[i] += residual * z[i];
        for (size_t j = 0; j <= i; ++j) a[i * n + j] += w * z[i] * z[j];
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < i; ++j) a[j * n + i] = a[i * n + j];
      const double penalty = i == 0 ? 0.0 : ridge * static_cast<double>(rows);
      a[i * n + i] += penalty + 1e-9;
      b[i] -= penalty * weights[i];
    }
    // Cholesky, then the two triangular solves.
    for (size_t j = 0; j < n; ++j) {
      double d = a[j * n + j];
      for (size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
      d = std::sqrt(std::max(d, 1e-12));
      a[j * n + j] = d;
      for (size_t i = j + 1; i < n; ++i) {
        double s = a[i * n + j];
        for (size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
        a[i * n + j] = s / d;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
      b[i] /= a[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {
      for (size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
      b[i] /= a[i * n + i];
    }
    double largest = 0.0;
    for (size_t k = 0; k < n; ++k) {
      weights[k] += b[k];
      largest = std::max(largest, std::abs(b[k]));
    }
    if (largest < 1e-8) break;
  }
  std::vector<double> out(n);
  out[0] = weights[0];
  for (size_t f = 0; f < width; ++f) {
    out[f + 1] = weights[f + 1] / scale[f];
    out[0] -= weights[f + 1] * mean[f] / scale[f];
  }
  return out;
}

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

// Widths on either side of the vector and tile sizes, row counts that do not fill the last
// block of rows, and 1 to 3 threads: every coefficient is the textbook loop's, bit for bit.
TEST(LogisticRegressionTest, FitIsTheTextbookLoopBitForBitOnAnyThreadCount) {
  for (const size_t width : {1u, 3u, 7u, 8u, 12u, 24u, 31u}) {
    for (const size_t rows : {5u, 600u, 3001u}) {
      std::vector<float> x;
      std::vector<uint8_t> y;
      Rng rng(13, Stream::kLists, static_cast<uint32_t>(width), static_cast<int32_t>(rows));
      for (size_t r = 0; r < rows; ++r) {
        double z = -0.3;
        for (size_t f = 0; f < width; ++f) {
          const double v = f % 3 == 0 ? (rng.Bernoulli(0.3) ? 1.0 : 0.0) : 2.0 * rng.Normal();
          x.push_back(static_cast<float>(v));
          z += (f % 2 == 0 ? 0.5 : -0.3) * v;
        }
        y.push_back(rng.Bernoulli(1.0 / (1.0 + std::exp(-z))) ? 1 : 0);
      }
      const std::vector<double> expected = TextbookCoefficients(x, y, width);
      for (const int threads : {1, 2, 3}) {
        LogisticRegression model;
        tbb::task_arena(threads).execute([&] { model.Fit(x, y, width); });
        const std::vector<double> got = model.Coefficients();
        ASSERT_EQ(got.size(), expected.size());
        for (size_t k = 0; k < got.size(); ++k) {
          EXPECT_EQ(got[k], expected[k])
              << "width " << width << ", rows " << rows << ", threads " << threads << ", k " << k;
        }
      }
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
