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
#include "scenario/population_options.h"

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
  double population_weight = 1.0;  // relative share of households (and of places)
  // Share of the district's residents in each group, indexed like WorldOptions::groups;
  // sums to 1.
  std::vector<double> group_shares;
};

// Hidden intents and lawful acts: the ground truth the audit judges alerts against.
struct IntentOptions {
  double harmful_share_given_drug_use = 0.05;  // P(harmful intent | true drug-use history)
  double harmful_share_otherwise = 0.002;      // P(harmful intent | no drug-use history)
  double harmful_act_rate = 0.10;              // per harmful person per day
  double petition_trip_rate = 0.03;            // per petitioner per day: lawful trip to the capital
};

// Daily routine beyond work and school.
struct LifeOptions {
  double leisure_rate = 0.30;         // per person per day: an evening visit out
  double leisure_hotel_share = 0.15;  // share of evening visits to a hotel (the rest: a park)
};

inline std::array<double, kPlaceTypeCount> DefaultPlacesPer1000() {
  std::array<double, kPlaceTypeCount> per_1000{};
  auto set = [&](PlaceType t, double v) { per_1000[static_cast<size_t>(t)] = v; };
  set(PlaceType::kWorkplace, 20.0);
  set(PlaceType::kSchool, 2.0);
  set(PlaceType::kHotel, 1.0);
  set(PlaceType::kPark, 1.0);
  set(PlaceType::kTrainStation, 0.1);
  set(PlaceType::kBar, 1.0);
  set(PlaceType::kLanguageSchool, 0.2);
  set(PlaceType::kHospital, 0.1);
  set(PlaceType::kPetitionOffice, 0.02);
  return per_1000;
}

struct WorldOptions {
  uint32_t persons = 100000;
  std::vector<GroupOptions> groups;        // at least one
  std::vector<DistrictOptions> districts;  // at least one
  double district_size_m = 3000.0;         // side of each square district, metres
  // Places per 1,000 residents, by place type. Not counted here: home (one per household),
  // residential_compound (households_per_compound) and capital (one). At least one of
  // each other type exists.
  std::array<double, kPlaceTypeCount> places_per_1000 = DefaultPlacesPer1000();
  int32_t households_per_compound = 150;  // homes are grouped into gated compounds
  PopulationOptions population = PopulationOptions::Defaults();
  IntentOptions intent;
  LifeOptions life;
};

}  // namespace oversight
