#include "policy/logistic_regression.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/snapshot.h"

namespace oversight {

namespace {

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Solves a x = b for a symmetric positive definite `a` (n x n, row-major) by Cholesky.
std::vector<double> Solve(std::vector<double> a, std::vector<double> b, size_t n) {
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
  for (size_t i = 0; i < n; ++i) {  // L z = b
    for (size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {  // L^T x = z
    for (size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

}  // namespace

int LogisticRegression::Fit(const std::vector<float>& x, const std::vector<uint8_t>& y,
                            size_t width, double ridge, int max_iterations) {
  assert(width > 0 && x.size() == y.size() * width);
  width_ = width;
  const size_t rows = y.size();
  mean_.assign(width, 0.0);
  scale_.assign(width, 1.0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < width; ++f) mean_[f] += x[r * width + f];
  }
  for (double& m : mean_) m /= static_cast<double>(std::max<size_t>(rows, 1));
  std::vector<double> var(width, 0.0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < width; ++f) {
      const double d = x[r * width + f] - mean_[f];
      var[f] += d * d;
    }
  }
  for (size_t f = 0; f < width; ++f) {
    const double sd = std::sqrt(var[f] / static_cast<double>(std::max<size_t>(rows, 1)));
    scale_[f] = sd > 1e-9 ? sd : 1.0;  // a constant feature stays at 0 after centring
  }
  const size_t n = width + 1;
  weights_.assign(n, 0.0);
  std::vector<double> z(n);
  int iteration = 0;
  for (; iteration < max_iterations; ++iteration) {
    std::vector<double> hessian(n * n, 0.0), gradient(n, 0.0);
    for (size_t r = 0; r < rows; ++r) {
      z[0] = 1.0;
      for (size_t f = 0; f < width; ++f) z[f + 1] = (x[r * width + f] - mean_[f]) / scale_[f];
      double dot = 0.0;
      for (size_t k = 0; k < n; ++k) dot += weights_[k] * z[k];
      const double p = Sigmoid(dot);
      const double w = std::max(p * (1.0 - p), 1e-10);
      const double residual = static_cast<double>(y[r]) - p;
      for (size_t i = 0; i < n; ++i) {
        gradient[i] += residual * z[i];
        for (size_t j = 0; j <= i; ++j) hessian[i * n + j] += w * z[i] * z[j];
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < i; ++j) hessian[j * n + i] = hessian[i * n + j];
      const double penalty = i == 0 ? 0.0 : ridge * static_cast<double>(rows);
      hessian[i * n + i] += penalty + 1e-9;
      gradient[i] -= penalty * weights_[i];
    }
    const std::vector<double> step = Solve(hessian, gradient, n);
    double largest = 0.0;
    for (size_t k = 0; k < n; ++k) {
      weights_[k] += step[k];
      largest = std::max(largest, std::abs(step[k]));
    }
    if (largest < 1e-8) {
      ++iteration;
      break;
    }
  }
  raw_ = Coefficients();
  return iteration;
}

double LogisticRegression::Predict(const float* row) const {
  return Finish(Partial(row, 0), row, 0);
}

double LogisticRegression::Partial(const float* row, size_t n) const {
  double dot = raw_[0];
  for (size_t f = 0; f < n; ++f) dot += raw_[f + 1] * row[f];
  return dot;
}

double LogisticRegression::Finish(double partial, const float* row, size_t n) const {
  double dot = partial;
  for (size_t f = n; f < width_; ++f) dot += raw_[f + 1] * row[f];
  return Sigmoid(dot);
}

std::vector<double> LogisticRegression::Coefficients() const {
  std::vector<double> out(width_ + 1);
  out[0] = weights_[0];
  for (size_t f = 0; f < width_; ++f) {
    out[f + 1] = weights_[f + 1] / scale_[f];
    out[0] -= weights_[f + 1] * mean_[f] / scale_[f];
  }
  return out;
}

void LogisticRegression::Save(SnapshotWriter& out) const {
  out(width_, mean_, scale_, weights_, raw_);
}

void LogisticRegression::Load(SnapshotReader& in) { in(width_, mean_, scale_, weights_, raw_); }

}  // namespace oversight
