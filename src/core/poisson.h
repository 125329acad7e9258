// Poisson-distributed counts for small means (events per person per day).
#pragma once

#include <array>
#include <cmath>

#include "core/rng.h"

namespace oversight {

inline double PoissonLimit(double mean) { return std::exp(-mean); }

// A Poisson(mean) draw by inversion of the distribution function from one uniform draw
// (one 32-bit word whatever the count), for means of a few events. `limit` is
// exp(-mean) (see PoissonLimit), computed once by the caller; `mean` must match it.
// Capped at `cap`, far in the tail for the means used.
inline int PoissonWithLimit(Rng& rng, double mean, double limit, int cap = 64) {
  const double u = rng.Uniform();
  double p = limit;  // P(X = k)
  double cdf = p;    // P(X <= k)
  int k = 0;
  while (u >= cdf && k < cap) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

inline int Poisson(Rng& rng, double mean, int cap = 64) {
  return PoissonWithLimit(rng, mean, PoissonLimit(mean), cap);
}

// Poisson(mean) draws for a mean used many times (calls and purchases per person-day):
// the distribution function PoissonWithLimit accumulates, computed once with the same
// operations in the same order, so Draw returns exactly what PoissonWithLimit(rng, mean,
// PoissonLimit(mean)) would for the same word, without a division per step.
// Thread-safety: immutable after construction.
class PoissonTable {
 public:
  static constexpr size_t kCap = 64;

  explicit PoissonTable(double mean = 0.0) {
    double p = PoissonLimit(mean);
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
