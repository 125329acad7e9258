// Poisson-distributed counts for small means (events per person per day).
#pragma once

#include <cmath>

#include "core/rng.h"

namespace oversight {

// A Poisson(mean) draw by Knuth's product method: about mean + 1 uniform draws, so meant
// for means of a few events. Capped at `cap` (far in the tail for the means used).
// `limit` is exp(-mean), computed once by the caller (see PoissonLimit).
inline int PoissonWithLimit(Rng& rng, double limit, int cap = 64) {
  double product = rng.Uniform();
  int k = 0;
  while (product > limit && k < cap) {
    product *= rng.Uniform();
    ++k;
  }
  return k;
}

inline double PoissonLimit(double mean) { return std::exp(-mean); }

inline int Poisson(Rng& rng, double mean, int cap = 64) {
  return PoissonWithLimit(rng, PoissonLimit(mean), cap);
}

}  // namespace oversight
