// Counts drawn by inversion from one uniform: Poisson and binomial.
//
// Design: one uniform per count (so a count is one word of a counter-based stream, whatever
// its value), walking the distribution function from zero. Rejected:
// std::poisson_distribution and std::binomial_distribution, whose algorithms (and so the
// draws) differ between standard libraries, which would make results depend on the
// platform. Means here are a few to a few dozen; the walk is short.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace oversight {

// A Poisson(mean) count from the uniform u in [0, 1); capped at 10,000.
inline int64_t PoissonCount(double u, double mean) {
  if (mean <= 0) return 0;
  double p = std::exp(-mean), cdf = p;
  int64_t k = 0;
  while (u >= cdf && k < 10'000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

// A Binomial(n, p) count from the uniform u in [0, 1); for n p beyond a few hundred (where
// (1 - p)^n underflows) the normal approximation, rounded and clamped to [0, n].
inline int64_t BinomialCount(double u, int64_t n, double p) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const double q = 1.0 - p;
  double pk = std::pow(q, static_cast<double>(n));
  if (pk < 1e-300) {
    const double mean = static_cast<double>(n) * p;
    const double sd = std::sqrt(mean * q);
    // Inverse normal by bisection on erfc: deterministic and accurate enough for a count.
    double lo = -10, hi = 10;
    for (int i = 0; i < 60; ++i) {
      const double mid = (lo + hi) / 2;
      (0.5 * std::erfc(-mid / std::sqrt(2.0)) < u ? lo : hi) = mid;
    }
    return std::clamp<int64_t>(std::llround(mean + sd * lo), 0, n);
  }
  double cdf = pk;
  int64_t k = 0;
  while (u >= cdf && k < n) {
    pk *= static_cast<double>(n - k) / static_cast<double>(k + 1) * p / q;
    ++k;
    cdf += pk;
  }
  return k;
}

}  // namespace oversight
