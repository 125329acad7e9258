// Logistic regression fitted by Newton's method (iteratively reweighted least squares), for
// the learned risk score.
//
// Features are standardised with the training set's mean and standard deviation; a small
// ridge penalty keeps the fit finite when a feature separates the classes. Every sum runs
// in row order: threads share out the sums (the hessian's entries), never the rows of one
// sum, so a fit is the same bytes on any machine and thread count (a BLAS-backed library
// would split the rows of a reduction and lose that).
// Thread-safety: Predict() is const and may be called concurrently after Fit().
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/snapshot_fwd.h"

namespace oversight {

class LogisticRegression {
 public:
  // Fits P(y = 1 | x) = sigmoid(b + w . x) to `rows` rows of `width` features each
  // (`x` row-major) and labels `y` (0 or 1). Returns the Newton iterations used.
  int Fit(const std::vector<float>& x, const std::vector<uint8_t>& y, size_t width,
          double ridge = 1e-3, int max_iterations = 25);

  // The fitted probability for one row of `width` features. REQUIRES: Fit() was called.
  double Predict(const float* row) const;
  // Predict in two steps, for rows whose first features take few values: Partial is the
  // intercept plus features [0, n) of `row`, Finish adds features [n, width) and applies
  // the sigmoid. Finish(Partial(row, n), row, n) == Predict(row), bit for bit (the same
  // additions in the same order).
  double Partial(const float* row, size_t n) const;
  double Finish(double partial, const float* row, size_t n) const;
  bool fitted() const { return !weights_.empty(); }
  // Coefficients on the original (unstandardised) scale: intercept first, then one per feature.
  std::vector<double> Coefficients() const;

  // Checkpoints: the fitted model.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

 private:
  // Sets mean_ and scale_ from the rows of x (width_ features each).
  void Standardise(const std::vector<float>& x, size_t rows);
  size_t width_ = 0;
  std::vector<double> mean_, scale_;  // per feature
  std::vector<double> weights_;       // intercept, then per standardised feature
  std::vector<double> raw_;           // the same on the original scale (for Predict)
};

}  // namespace oversight
