// Options of an urn scenario (`[scenario] model = "urn"`): Ensign et al.'s Pólya-urn
// model of place-based predictive policing over two regions (hotspot/polya_urn.h).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace oversight {

// How the day's discoveries and reports are added: Poisson draws of their means, or the
// means themselves (the standard urn with deterministic updates).
enum class UrnUpdates : uint8_t { kPoisson, kExpected };
// What a rejected discovery adds under the correction (hotspot/polya_urn.h).
enum class UrnSurprise : uint8_t { kLinear, kPartial, kWeighted };

struct UrnScenarioOptions {
  std::array<std::string, 2> regions = {"A", "B"};
  std::array<double, 2> discovered_rate = {1.0, 1.0};  // true incidents a day the patrol finds
  std::array<double, 2> reported_rate = {0.0, 0.0};    // incidents a day residents report
  std::array<double, 2> start = {1.0, 1.0};            // recorded incidents at the start
  double decay = 0.0;   // per recorded incident per day: chance it is forgotten (floor of one)
  int32_t runs = 1000;  // independent runs (seeds derived from the scenario's seed)
  // The arms run side by side: without Ensign et al.'s correction, and with it.
  bool without_correction = true;
  bool with_correction = true;
  UrnUpdates updates = UrnUpdates::kPoisson;
  UrnSurprise surprise = UrnSurprise::kLinear;
  std::array<double, 2> surprise_add = {0.0, 0.0};  // partial and weighted surprise
  double reported_weight = 1.0;                     // wr of the weighted surprise, (0, 1]
  double threshold = 0.95;  // the share of runs whose final share of A is above this
};

}  // namespace oversight
