// The Pólya-urn model of place-based predictive policing of Ensign, Friedler, Neville,
// Scheidegger and Venkatasubramanian, "Runaway Feedback Loops in Predictive Policing"
// (FAT* 2018).
//
// Two regions, A and B; the urn holds balls of each region's colour (its recorded crime),
// real numbers (the authors' weak priors are fractional). Each day the single patrol is
// sent to a region drawn with probability proportional to its balls, and discovers
// incidents there at `discovered_rate`, which are added to that region's balls (nothing is
// discovered where the patrol did not go). Residents' reports add `reported_rate` balls to
// each region every day wherever the patrol went. With `updates` Poisson the day's
// discoveries and reports are Poisson draws of those means; with `updates` expected they
// are the means themselves (the standard, deterministic-update urn). After each day balls
// are forgotten with probability `decay` each, with a floor of one ball: a binomial draw
// over the whole balls (the fractional part is kept) with Poisson updates, the expected
// loss n * decay with expected updates.
//
// With `correction`, Ensign et al.'s fix: the day's discoveries are accepted only with
// probability p_other / max(p_A, p_B), where p are the regions' shares of the balls before
// the draw, so that in expectation each region gains in proportion to its true rate
// rather than to how often it is patrolled. The surprise kind says what a rejection adds:
//   - linear (the paper's fix): nothing;
//   - partial: `surprise_add` (rA, rB), deterministically;
//   - weighted: `surprise_add` on rejection, and on acceptance the other region gains its
//     surprise_add / `reported_weight` (wr) beside the drawn region's discoveries.
// Surprise additions are never Poisson draws.
//
// A run is a function of (options, seed, run index): draws come from the counter-based
// stream Stream::kUrn keyed by the run and the day, so runs can be made in any order or in
// parallel with identical results. Thread-safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "scenario/urn_options.h"

namespace oversight {

struct UrnOptions {
  std::array<double, 2> discovered_rate = {1.0, 1.0};  // incidents a day the patrol finds
  std::array<double, 2> reported_rate = {0.0, 0.0};    // incidents a day residents report
  std::array<double, 2> start = {1.0, 1.0};            // balls at the start (recorded history)
  double decay = 0.0;       // per ball per day: chance it is forgotten (floor of one ball)
  bool correction = false;  // Ensign et al.'s fix for discovered incidents
  UrnUpdates updates = UrnUpdates::kPoisson;
  UrnSurprise surprise = UrnSurprise::kLinear;      // with `correction` only
  std::array<double, 2> surprise_add = {0.0, 0.0};  // partial and weighted surprise
  double reported_weight = 1.0;                     // wr of the weighted surprise, in (0, 1]
  int32_t days = 1000;
};

struct UrnRun {
  std::vector<double> share_a;       // region A's share of the balls at the end of each day
  std::array<int64_t, 2> patrols{};  // days the patrol was sent to each region
};

// One run: run `run` of the experiment with `seed`.
// REQUIRES: start >= 1 each, reported_weight > 0 (the loader enforces both).
UrnRun RunUrn(const UrnOptions& options, uint64_t seed, uint32_t run);

// A's share of the true incidents: discovered_rate[0] / (discovered_rate[0] + [1]), the
// share the urn should learn.
double TrueShare(const UrnOptions& options);

}  // namespace oversight
