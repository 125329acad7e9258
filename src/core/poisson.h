// Poisson-distributed counts for small means (events per person per day).
#pragma once

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

}  // namespace oversight
