// Design: ball counts are integers held in int64 (they are counts of incidents), drawn by
// inversion from one word of the day's stream each (core/count_draws.h).
#include "hotspot/polya_urn.h"

#include <algorithm>
#include <cmath>

#include "core/count_draws.h"
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

int64_t PoissonAt(Rng& rng, uint32_t word, double mean) {
  return mean <= 0 ? 0 : PoissonCount(rng.UniformAt(word), mean);
}

int64_t BinomialAt(Rng& rng, uint32_t word, int64_t n, double p) {
  return (n <= 0 || p <= 0) ? 0 : BinomialCount(rng.UniformAt(word), n, p);
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
