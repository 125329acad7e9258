// The Pólya-urn model of place-based predictive policing of Ensign, Friedler, Neville,
// Scheidegger and Venkatasubramanian, "Runaway Feedback Loops in Predictive Policing"
// (FAT* 2018).
//
// Two regions, A and B; the urn holds balls of each region's colour (its recorded crime).
// Each day the single patrol is sent to a region drawn with probability proportional to its
// balls, and discovers Poisson(discovered_rate) incidents there, which are added to that
// region's balls (nothing is discovered where the patrol did not go). Residents' reports
// add Poisson(reported_rate) balls to each region every day wherever the patrol went. After
// each day every ball is lost with probability `decay` (a binomial draw per region), with a
// floor of one ball. With `correction`, Ensign et al.'s fix: the day's discovered
// incidents are added only with probability p_other / max(p_A, p_B), where p are the
// regions' shares of the balls before the draw, so that in expectation each region gains in
// proportion to its true rate rather than to how often it is patrolled.
//
// A run is a function of (options, seed, run index): draws come from the counter-based
// stream Stream::kUrn keyed by the run and the day, so runs can be made in any order or in
// parallel with identical results. Thread-safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace oversight {

struct UrnOptions {
  std::array<double, 2> discovered_rate = {1.0, 1.0};  // incidents a day the patrol finds
  std::array<double, 2> reported_rate = {0.0, 0.0};    // incidents a day residents report
  std::array<double, 2> start = {1.0, 1.0};            // balls at the start (recorded history)
  double decay = 0.0;       // per ball per day: chance it is forgotten (floor of one ball)
  bool correction = false;  // Ensign et al.'s fix for discovered incidents
  int32_t days = 1000;
};

struct UrnRun {
  std::vector<double> share_a;       // region A's share of the balls at the end of each day
  std::array<int64_t, 2> patrols{};  // days the patrol was sent to each region
};

// One run: run `run` of the experiment with `seed`.
UrnRun RunUrn(const UrnOptions& options, uint64_t seed, uint32_t run);

// A's share of the true incidents: discovered_rate[0] / (discovered_rate[0] + [1]), the
// share the urn should learn.
double TrueShare(const UrnOptions& options);

}  // namespace oversight
