// Options of the world stage: the synthetic city, its people and their daily life.
//
// Plain data with in-class defaults; only the scenario loader fills it from a file.
// Every probability is in [0, 1]; "rate" means probability per person per day.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace oversight {

// A population group (e.g. an ethnic majority and minorities).
struct GroupOptions {
  std::string name;
  // Multiplies the chance that a trait is on file, true or not (1 = same as everyone).
  // Models heavier recording of a group by the authorities. Unitless, >= 0.
  double record_bias = 1.0;
};

// A district of the city: a square on the map.
struct DistrictOptions {
  std::string name;
  double population_weight = 1.0;  // relative share of residents (and of places)
  // Share of the district's residents in each group, indexed like WorldOptions::groups;
  // sums to 1.
  std::vector<double> group_shares;
};

// The truth about one trait and how often the authorities have it on file.
struct TraitOptions {
  double prevalence = 0.0;          // share of persons who truly have it
  double recorded_if_true = 0.0;    // share of true cases on file
  double recorded_if_false = 0.0;   // share of persons without it who are on file anyway
};

// Hidden intents and lawful acts: the ground truth the audit judges alerts against.
struct IntentOptions {
  double harmful_share_given_drug_use = 0.05;  // P(harmful intent | true drug-use history)
  double harmful_share_otherwise = 0.002;      // P(harmful intent | no drug-use history)
  double harmful_act_rate = 0.10;              // per harmful person per day
  double petition_trip_rate = 0.03;            // per petitioner per day: lawful trip to the capital
};

// Daily routine.
struct LifeOptions {
  double worker_share = 0.60;   // share of persons who go to a workplace on weekdays
  double student_share = 0.20;  // share who go to school on weekdays; the rest stay home
  double leisure_rate = 0.30;   // per person per day: an evening visit out
  double leisure_hotel_share = 0.15;  // share of evening visits to a hotel (the rest: a park)
  int32_t max_household_size = 5;     // households have 1..max persons, uniformly
};

struct WorldOptions {
  uint32_t persons = 100000;
  std::vector<GroupOptions> groups;        // at least one
  std::vector<DistrictOptions> districts;  // at least one
  double district_size_m = 3000.0;         // side of each square district, metres
  // Places per 1,000 residents, by place type (home and capital are not counted here:
  // one home per household, one capital). At least one of each listed type exists.
  std::array<double, kPlaceTypeCount> places_per_1000 = {0.0, 20.0, 2.0, 1.0, 1.0, 0.1, 0.0};
  std::array<TraitOptions, kTraitCount> traits = {
      TraitOptions{0.02, 0.60, 0.001},   // mental_illness
      TraitOptions{0.03, 0.50, 0.002},   // drug_use
      TraitOptions{0.01, 0.90, 0.0005},  // petitioner
  };
  IntentOptions intent;
  LifeOptions life;
};

}  // namespace oversight
