// Design: ball counts are doubles (whole numbers stay exact, so integer starts give the same
// draws as integer counts would); counts are drawn by inversion from one word of the day's
// stream each (core/count_draws.h).
#include "hotspot/polya_urn.h"

#include <algorithm>
#include <cassert>
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

// A day's count of mean `mean`: its Poisson draw, or the mean itself with expected updates.
double CountAt(Rng& rng, uint32_t word, double mean, UrnUpdates updates) {
  if (mean <= 0) return 0;
  if (updates == UrnUpdates::kExpected) return mean;
  return static_cast<double>(PoissonCount(rng.UniformAt(word), mean));
}

// `balls` after a day's decay, never below one.
double Decayed(Rng& rng, uint32_t word, double balls, double q, UrnUpdates updates) {
  if (q <= 0) return balls;
  if (updates == UrnUpdates::kExpected) return std::max(1.0, balls * (1 - q));
  const auto whole = static_cast<int64_t>(std::floor(balls));
  const int64_t lost = whole <= 0 ? 0 : BinomialCount(rng.UniformAt(word), whole, q);
  return std::max(1.0, balls - static_cast<double>(lost));
}

// Adds the day's patrol outcome for a patrol sent to `go` with the regions' `share`.
void AddPatrol(const UrnOptions& o, Rng& rng, size_t go, const std::array<double, 2>& share,
               std::array<double, 2>& balls) {
  const double discovered = CountAt(rng, kDiscover, o.discovered_rate[go], o.updates);
  if (!o.correction) {
    balls[go] += discovered;
    return;
  }
  const double accept = share[1 - go] / std::max(share[0], share[1]);
  if (rng.UniformAt(kAccept) >= accept) {
    if (o.surprise != UrnSurprise::kLinear) {
      balls[0] += o.surprise_add[0];
      balls[1] += o.surprise_add[1];
    }
    return;
  }
  balls[go] += discovered;
  if (o.surprise == UrnSurprise::kWeighted) {
    balls[1 - go] += o.surprise_add[1 - go] / o.reported_weight;
  }
}

}  // namespace

double TrueShare(const UrnOptions& options) {
  const double total = options.discovered_rate[0] + options.discovered_rate[1];
  return total > 0 ? options.discovered_rate[0] / total : 0.5;
}

UrnRun RunUrn(const UrnOptions& options, uint64_t seed, uint32_t run) {
  assert(options.start[0] >= 1 && options.start[1] >= 1 && options.reported_weight > 0);
  UrnRun out;
  out.share_a.reserve(static_cast<size_t>(options.days));
  std::array<double, 2> balls = options.start;
  for (int32_t day = 0; day < options.days; ++day) {
    Rng rng(seed, Stream::kUrn, run, day);
    const double total = balls[0] + balls[1];
    const std::array<double, 2> share = {balls[0] / total, balls[1] / total};
    const size_t go = rng.UniformAt(kDraw) < share[0] ? 0 : 1;
    ++out.patrols[go];
    AddPatrol(options, rng, go, share, balls);
    balls[0] += CountAt(rng, kReportA, options.reported_rate[0], options.updates);
    balls[1] += CountAt(rng, kReportB, options.reported_rate[1], options.updates);
    balls[0] = Decayed(rng, kDecayA, balls[0], options.decay, options.updates);
    balls[1] = Decayed(rng, kDecayB, balls[1], options.decay, options.updates);
    out.share_a.push_back(balls[0] / (balls[0] + balls[1]));
  }
  return out;
}

}  // namespace oversight
