// The realised population and daily life, counted: what a scenario's tables produced.
//
// Lets a user check a synthetic city against what they configured (shares by group and
// trait, true and on file; roles and status; ages; households) and against the data the
// numbers came from. Counts only; the report formats them. Thread-safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/vocabulary.h"
#include "world/world.h"

namespace oversight {

// Age bands of the tables, lower bounds in years: 0-5, 6-17, 18-29, 30-44, 45-59, 60-74, 75+.
inline constexpr std::array<int, 7> kAgeBandStarts = {0, 6, 18, 30, 45, 60, 75};

struct WorldStats {
  uint64_t persons = 0;
  std::vector<uint64_t> persons_by_group;
  // [group][trait]
  std::vector<std::array<uint64_t, kTraitCount>> true_traits;
  std::vector<std::array<uint64_t, kTraitCount>> recorded_traits;
  std::vector<std::array<uint64_t, kTraitCount>> recorded_and_true;
  // [a][b]: persons with both true traits a and b (diagonal: with a).
  std::array<std::array<uint64_t, kTraitCount>, kTraitCount> trait_pairs{};
  std::vector<std::array<uint64_t, kRoleCount>> roles;  // [group][role]
  std::array<std::array<uint64_t, kStatusCount>, kRoleCount> role_status{};
  std::array<std::array<uint64_t, kSexCount>, kAgeBandStarts.size()> age_sex{};
  std::vector<uint64_t> foreign;         // [group]
  std::vector<uint64_t> foreign_permit;  // [group]
  std::vector<uint64_t> harmful_intent;  // [group]: persons with any harmful intent
  std::vector<std::array<uint64_t, kIntentCount>> intents;  // [group][intent]
  // [kind][size], size 0..max observed
  std::array<std::vector<uint64_t>, kHouseholdKindCount> household_sizes;
  uint64_t couples = 0;
  std::array<uint64_t, kTieKindCount> ties{};  // ties of each kind
  uint64_t phones = 0;                         // phones owned
  uint64_t phone_owners = 0;
  std::array<uint64_t, kPlaceTypeCount> places{};
  uint64_t state_bytes = 0;  // World::StateBytes()

  // Daily life over `days` simulated days.
  int32_t days = 0;
  uint64_t presences = 0;
  uint64_t calls = 0;
  uint64_t calls_out_of_town = 0;
  uint64_t purchases = 0;
  uint64_t purchases_cash = 0;
  uint64_t drives = 0;
  uint64_t vehicles = 0;
  // Per household kind: meter readings, litres, and residents on the register.
  std::array<uint64_t, kHouseholdKindCount> meter_readings{};
  std::array<double, kHouseholdKindCount> water_l{};
  std::array<uint64_t, kHouseholdKindCount> registered{};  // summed over readings
  std::array<uint64_t, kHouseholdKindCount> residents{};   // summed over readings
  uint64_t tickets = 0;
  uint64_t petition_trips = 0;
  uint64_t gatherings = 0;  // persons attending
  uint64_t harmful_acts = 0;
  uint64_t phone_dark = 0;  // persons whose phone went dark
  uint64_t decoy_tickets = 0;
};

// Counts the population of `world`, then steps it through days 0..days-1 (no sensors, no
// police) to count events per person-day.
WorldStats ComputeWorldStats(World* world, int32_t days);

int AgeBand(int age);

}  // namespace oversight
