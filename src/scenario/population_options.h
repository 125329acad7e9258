// Options of the synthetic population: households, ages, roles, status, nationality and
// traits, with the dependencies between them as conditional tables.
//
// Defaults are documented in docs/SCENARIOS.md with their sources; most are assumptions.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/vocabulary.h"
#include "scenario/condition.h"

namespace oversight {

struct HouseholdOptions {
  double shared_share = 0.04;   // share of households that are migrant workers' shared housing
  int32_t shared_min_size = 4;  // persons in shared housing, uniformly in [min, max]
  int32_t shared_max_size = 10;
  int32_t family_max_size = 5;  // family households have 1..max persons, uniformly
  double couple_share = 0.85;   // families of 2+ headed by a married couple
  double elderly_share = 0.20;  // families of 3+ with an elderly parent living in
  int32_t head_age_min = 22;    // age of a family's head, years, uniformly in [min, max]
  int32_t head_age_max = 80;
  double male_share = 0.512;  // share of men (heads; spouses are of the other sex)
};

using RoleShares = std::array<double, kRoleCount>;      // sums to 1
using StatusShares = std::array<double, kStatusCount>;  // sums to 1

struct ForeignShares {
  double share = 0.0;              // probability of being a foreign national
  double work_permit_share = 1.0;  // of foreign nationals, share with a work permit
};

// The truth about one trait and how often the authorities have it on file.
struct TraitOptions {
  double prevalence = 0.0;  // share of persons who truly have it (when no row matches)
  std::vector<ConditionalRow<double>> given;  // prevalence given conditions; first match wins
  double recorded_if_true = 0.0;              // share of true cases on file
  double recorded_if_false = 0.0;             // share of persons without it who are on file anyway
};

// A hidden harmful intent: who has it and how often they act on it.
struct IntentOptions {
  double prevalence = 0.0;                    // share of persons with it (when no row matches); for
                                              // sham_marriage: share of married couples
  std::vector<ConditionalRow<double>> given;  // prevalence given conditions; first match wins
  double act_rate = 0.0;                      // per person with the intent per day
};

// The personality rating officers enter on file (0-10, higher = "more likely to make
// trouble"): base + signal if the person truly petitions, plus normal noise of sd `noise`,
// rounded and clamped. A record, like recorded traits: the policy stage sees only it.
struct PersonalityOptions {
  double base = 3.0;
  double signal = 3.0;
  double noise = 2.0;
};

struct PopulationOptions {
  HouseholdOptions households;
  PersonalityOptions personality;
  // Role by age (and anything else); members of shared housing are always migrant workers.
  RoleShares default_roles = {0, 0, 0.80, 0.0, 0.0, 0.20, 0};
  std::vector<ConditionalRow<RoleShares>> roles;
  StatusShares default_status = {0.30, 0.55, 0.15};
  std::vector<ConditionalRow<StatusShares>> status;
  ForeignShares default_foreign;
  std::vector<ConditionalRow<ForeignShares>> foreign;
  std::array<TraitOptions, kTraitCount> traits;
  std::array<IntentOptions, kIntentCount> intents;

  // Built-in tables, used when a scenario gives none (see docs/SCENARIOS.md).
  static PopulationOptions Defaults();
};

}  // namespace oversight
