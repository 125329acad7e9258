// Poisson-distributed counts for small means (events per person per day).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

#include "core/rng.h"

namespace oversight {

// Poisson(mean) draws by inversion of the distribution function from one uniform draw (one
// 32-bit word whatever the count), for means of a few events drawn many times (calls and
// purchases per person-day). The distribution function is tabulated once, accumulated
// step by step (P(X = k) = P(X = k - 1) * mean / k); a draw is a scan of the table, with
// no division. Counts are capped at kCap, far in the tail for the means used.
// Thread-safety: immutable after construction.
class PoissonTable {
 public:
  static constexpr size_t kCap = 64;

  explicit PoissonTable(double mean = 0.0) {
    double p = std::exp(-mean);  // P(X = 0)
    cdf_[0] = p;
    for (size_t k = 1; k <= kCap; ++k) {
      p *= mean / static_cast<double>(k);
      cdf_[k] = cdf_[k - 1] + p;
    }
  }

  int Draw(Rng& rng) const {
    const double u = rng.Uniform();
    size_t k = 0;
    while (u >= cdf_[k] && k < kCap) ++k;
    return static_cast<int>(k);
  }

 private:
  std::array<double, kCap + 1> cdf_;  // cdf_[k] = P(X <= k)
};

}  // namespace oversight
