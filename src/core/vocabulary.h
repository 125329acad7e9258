// The shared vocabulary of the pipeline: kinds of places, person traits, alert categories.
//
// These names appear in scenario files, outputs and docs, so each enum has one canonical
// lower_snake_case spelling. Never renumber: values index arrays in outputs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace oversight {

enum class PlaceType : uint8_t {
  kHome,
  kWorkplace,
  kSchool,
  kHotel,
  kPark,
  kTrainStation,
  kCapital,  // the national capital, outside the city: where petitioners travel
};
inline constexpr size_t kPlaceTypeCount = 7;
inline constexpr std::array<std::string_view, kPlaceTypeCount> kPlaceTypeNames = {
    "home", "workplace", "school", "hotel", "park", "train_station", "capital"};

// Traits a person may have. Each exists twice: as a true fact (known to the world and the
// audit only) and as a recorded fact (what the authorities have on file).
enum class Trait : uint8_t {
  kMentalIllness,  // history of mental illness
  kDrugUse,        // history of drug use
  kPetitioner,     // has a grievance and petitions the government
};
inline constexpr size_t kTraitCount = 3;
inline constexpr std::array<std::string_view, kTraitCount> kTraitNames = {
    "mental_illness", "drug_use", "petitioner"};

// What an alert is about; police answer political alerts first, as reported.
enum class Category : uint8_t { kPolitical, kCriminal, kSocial };
inline constexpr size_t kCategoryCount = 3;
inline constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "political", "criminal", "social"};

template <typename Enum, size_t N>
std::optional<Enum> ParseEnum(std::string_view name,
                              const std::array<std::string_view, N>& names) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::string_view Name(PlaceType t) { return kPlaceTypeNames[static_cast<size_t>(t)]; }
constexpr std::string_view Name(Trait t) { return kTraitNames[static_cast<size_t>(t)]; }
constexpr std::string_view Name(Category c) { return kCategoryNames[static_cast<size_t>(c)]; }

// Bit set of traits (bit i = Trait i).
using TraitBits = uint8_t;
constexpr TraitBits Bit(Trait t) { return static_cast<TraitBits>(1u << static_cast<unsigned>(t)); }
constexpr bool Has(TraitBits bits, Trait t) { return (bits & Bit(t)) != 0; }

}  // namespace oversight
