// Design: ball counts are integers held in int64 (they are counts of incidents); the
// binomial decay is drawn by inversion from one uniform, walking the distribution from its
// mode's side only as far as needed (means here are a few to a few dozen balls). Rejected:
// std::binomial_distribution, whose algorithm (and so the draws) differs between standard
// libraries, which would make results depend on the platform.
#include "hotspot/polya_urn.h"

#include <algorithm>
#include <cmath>

#include "core/rng.h"

namespace oversight {

namespace {

// Word indices of a day's stream.
enum Word : uint32_t {
  kDraw = 0,
  kDiscover = 1,
  kAccept = 2,
  kReportA = 3,
  kReportB = 4,
  kDecayA = 5,
  kDecayB = 6
};

// A Poisson(mean) draw from word `word` of `rng`.
int64_t PoissonAt(Rng& rng, uint32_t word, double mean) {
  if (mean <= 0) return 0;
  const double u = rng.UniformAt(word);
  double p = std::exp(-mean), cdf = p;
  int64_t k = 0;
  while (u >= cdf && k < 10'000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

// A Binomial(n, p) draw from word `word` of `rng`, by inversion; for n p beyond a few
// hundred (where (1 - p)^n underflows) the normal approximation, rounded and clamped.
int64_t BinomialAt(Rng& rng, uint32_t word, int64_t n, double p) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const double u = rng.UniformAt(word);
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

}  // namespace

double TrueShare(const UrnOptions& options) {
  const double total = options.discovered_rate[0] + options.discovered_rate[1];
  return total > 0 ? options.discovered_rate[0] / total : 0.5;
}

UrnRun RunUrn(const UrnOptions& options, uint64_t seed, uint32_t run) {
  UrnRun out;
  out.share_a.reserve(static_cast<size_t>(options.days));
  std::array<int64_t, 2> balls = {std::max<int64_t>(1, std::llround(options.start[0])),
                                  std::max<int64_t>(1, std::llround(options.start[1]))};
  for (int32_t day = 0; day < options.days; ++day) {
    Rng rng(seed, Stream::kUrn, run, day);
    const double total = static_cast<double>(balls[0] + balls[1]);
    const std::array<double, 2> share = {static_cast<double>(balls[0]) / total,
                                         static_cast<double>(balls[1]) / total};
    const size_t go = rng.UniformAt(kDraw) < share[0] ? 0 : 1;
    ++out.patrols[go];
    int64_t discovered = PoissonAt(rng, kDiscover, options.discovered_rate[go]);
    if (options.correction) {
      const double accept = share[1 - go] / std::max(share[0], share[1]);
      if (rng.UniformAt(kAccept) >= accept) discovered = 0;
    }
    balls[go] += discovered;
    balls[0] += PoissonAt(rng, kReportA, options.reported_rate[0]);
    balls[1] += PoissonAt(rng, kReportB, options.reported_rate[1]);
    if (options.decay > 0) {
      balls[0] = std::max<int64_t>(1, balls[0] - BinomialAt(rng, kDecayA, balls[0], options.decay));
      balls[1] = std::max<int64_t>(1, balls[1] - BinomialAt(rng, kDecayB, balls[1], options.decay));
    }
    out.share_a.push_back(static_cast<double>(balls[0]) / static_cast<double>(balls[0] + balls[1]));
  }
  return out;
}

}  // namespace oversight
