// Design: the drift is written as gain_A(x) (1 - x) - gain_B(x) x with gains linear in x on
// each half; its quadratic coefficients come from evaluating the gains at two points, so
// the closed form follows the simulation's rules without a second copy of them.
#include "hotspot/urn_limit.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace oversight {

namespace {

constexpr double kFlat = 1e-12;  // drift coefficients below this are zero

struct Gains {
  double a = 0, b = 0;  // expected balls A and B gain on a day A's share is x
};

// The expected additions of a day with A's share x.
Gains ExpectedGains(const UrnOptions& o, double x) {
  // Probabilities that A / B is patrolled and its discoveries kept, and of a rejection.
  double keep_a = x, keep_b = 1 - x, reject = 0;
  if (o.correction) {
    const double m = std::max(x, 1 - x);
    keep_a = x * (1 - x) / m;
    keep_b = (1 - x) * x / m;
    reject = 1 - keep_a - keep_b;
  }
  Gains g{.a = keep_a * o.discovered_rate[0] + o.reported_rate[0],
          .b = keep_b * o.discovered_rate[1] + o.reported_rate[1]};
  if (o.correction && o.surprise != UrnSurprise::kLinear) {
    g.a += reject * o.surprise_add[0];
    g.b += reject * o.surprise_add[1];
  }
  if (o.correction && o.surprise == UrnSurprise::kWeighted) {
    g.a += keep_b * o.surprise_add[0] / o.reported_weight;
    g.b += keep_a * o.surprise_add[1] / o.reported_weight;
  }
  return g;
}

}  // namespace

double UrnDrift(const UrnOptions& options, double x) {
  const Gains g = ExpectedGains(options, x);
  return g.a * (1 - x) - g.b * x;
}

std::array<std::optional<double>, 2> QuadraticRoots(double q2, double q1, double q0, double lo,
                                                    double hi) {
  std::array<std::optional<double>, 2> out;
  auto keep = [&](size_t i, double r) {
    if (r >= lo - kFlat && r <= hi + kFlat) out[i] = std::clamp(r, lo, hi);
  };
  if (std::abs(q2) < kFlat) {
    if (std::abs(q1) >= kFlat) keep(0, -q0 / q1);
    return out;
  }
  const double disc = q1 * q1 - 4 * q2 * q0;
  if (disc < 0) return out;
  const double s = std::sqrt(disc);
  keep(0, (-q1 - s) / (2 * q2));
  keep(1, (-q1 + s) / (2 * q2));
  return out;
}

std::optional<double> UrnLimit(const UrnOptions& options) {
  std::optional<double> best;
  bool flat = true;
  for (const auto& [lo, hi] : {std::pair{0.0, 0.5}, std::pair{0.5, 1.0}}) {
    // The drift on [lo, hi] is exactly quadratic: fit it through three points.
    const double mid = (lo + hi) / 2;
    const double f0 = UrnDrift(options, lo), f1 = UrnDrift(options, mid);
    const double f2 = UrnDrift(options, hi);
    const double h = mid - lo;
    const double q2 = (f2 - 2 * f1 + f0) / (2 * h * h);
    const double slope = (f2 - f0) / (2 * h) - 2 * q2 * mid;  // q1 of the global x
    const double q0 = f1 - q2 * mid * mid - slope * mid;
    if (std::abs(q2) + std::abs(slope) + std::abs(q0) > kFlat) flat = false;
    for (const std::optional<double>& r : QuadraticRoots(q2, slope, q0, lo, hi)) {
      if (!r) continue;
      // Stable: the drift is not positive just above the root and not negative just below.
      const double eps = 1e-7;
      const bool stable = (*r >= 1 || UrnDrift(options, std::min(1.0, *r + eps)) <= 0) &&
                          (*r <= 0 || UrnDrift(options, std::max(0.0, *r - eps)) >= 0);
      if (stable && (!best || std::abs(*r - best.value()) > 1e-9)) best = *r;
    }
  }
  if (flat) return std::nullopt;
  return best;
}

}  // namespace oversight
