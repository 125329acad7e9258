// The shared vocabulary of the pipeline: kinds of places, person traits, alert categories.
//
// These names appear in scenario files, outputs and docs, so each enum has one canonical
// lower_snake_case spelling; the names, not the numeric values, are the stable contract.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace oversight {

enum class PlaceType : uint8_t {
  kHome,
  kResidentialCompound,  // a gated compound of homes; its gate is where arrivals are seen
  kWorkplace,
  kSchool,
  kHotel,
  kPark,
  kTrainStation,
  kBar,
  kLanguageSchool,  // foreign-language school
  kHospital,
  kPetitionOffice,  // the city's office for letters and visits (complaints)
  kCapital,         // the national capital, outside the city: where petitioners travel
  kOutOfTown,       // anywhere else outside the city (home towns, other cities)
};
inline constexpr size_t kPlaceTypeCount = 13;
inline constexpr std::array<std::string_view, kPlaceTypeCount> kPlaceTypeNames = {
    "home",
    "residential_compound",
    "workplace",
    "school",
    "hotel",
    "park",
    "train_station",
    "bar",
    "language_school",
    "hospital",
    "petition_office",
    "capital",
    "out_of_town"};

// Traits a person may have. Each exists twice: as a true fact (known to the world and the
// audit only) and as a recorded fact (what the authorities have on file). Traits are
// drawn in this order, so a trait's prevalence may depend only on traits before it.
enum class Trait : uint8_t {
  kMentalIllness,   // history of mental illness
  kDrugUse,         // history of drug use
  kHiv,             // living with HIV
  kCriminalRecord,  // a past conviction
  kFugitive,        // wanted by the police
  kPetitioner,      // has a grievance and petitions the government
  kGreatTragedy,    // a great tragedy lies behind the grievance (or the person's life)
  kProtestHistory,  // has taken part in protests
  kOfficial,        // a government official (candidate for the red list)
};
inline constexpr size_t kTraitCount = 9;
inline constexpr std::array<std::string_view, kTraitCount> kTraitNames = {
    "mental_illness", "drug_use",        "hiv",     "criminal_record", "fugitive", "petitioner",
    "great_tragedy",  "protest_history", "official"};

// Hidden harmful intents (ground truth). Each shows in behaviour that overlaps with
// innocent behaviour; the audit judges every alert against them.
enum class Intent : uint8_t {
  kPickpocket,        // long dwells at train stations
  kDrugDealer,        // calls to out-of-town suppliers, deals at hotel meetings
  kPyramidRecruiter,  // brings varying companions into residential compounds
  kShamMarriage,      // a couple married on paper for a permit, living apart
  kIllegalWorker,     // a foreigner without a work permit working at a language school or bar
};
inline constexpr size_t kIntentCount = 5;
inline constexpr std::array<std::string_view, kIntentCount> kIntentNames = {
    "pickpocket", "drug_dealer", "pyramid_recruiter", "sham_marriage", "illegal_worker"};
using IntentBits = uint8_t;
constexpr IntentBits Bit(Intent i) {
  return static_cast<IntentBits>(1u << static_cast<unsigned>(i));
}
constexpr bool Has(IntentBits bits, Intent i) { return (bits & Bit(i)) != 0; }

// What a person does on a weekday.
enum class Role : uint8_t {
  kChild,          // below school age: at home with the family
  kStudent,        // at school on weekdays
  kWorker,         // at a workplace on weekdays
  kMigrantWorker,  // a worker registered elsewhere; long hours, often in shared housing
  kIdleYouth,      // young, neither in school nor in work
  kAtHome,         // an adult at home: a carer, the unemployed
  kRetiree,
};
inline constexpr size_t kRoleCount = 7;
inline constexpr std::array<std::string_view, kRoleCount> kRoleNames = {
    "child", "student", "worker", "migrant_worker", "idle_youth", "at_home", "retiree"};

enum class Sex : uint8_t { kFemale, kMale };
inline constexpr size_t kSexCount = 2;
inline constexpr std::array<std::string_view, kSexCount> kSexNames = {"female", "male"};

// Socio-economic status.
enum class Status : uint8_t { kLow, kMiddle, kHigh };
inline constexpr size_t kStatusCount = 3;
inline constexpr std::array<std::string_view, kStatusCount> kStatusNames = {"low", "middle",
                                                                            "high"};

enum class HouseholdKind : uint8_t {
  kFamily,  // a family: a head, perhaps a spouse, children, an elderly parent
  kShared,  // migrant workers sharing crowded housing
};
inline constexpr size_t kHouseholdKindCount = 2;
inline constexpr std::array<std::string_view, kHouseholdKindCount> kHouseholdKindNames = {"family",
                                                                                          "shared"};

// What an alert is about; police answer political alerts first, as reported.
enum class Category : uint8_t { kPolitical, kCriminal, kSocial };
inline constexpr size_t kCategoryCount = 3;
inline constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "political", "criminal", "social"};

// What the police do about an alert (each costs capacity, docs/SCENARIOS.md [police.cost]).
// The first four are police contacts, which the person notices: they stop acts and deter
// (the chilling effect). `list` and `camera` are silent.
enum class Response : uint8_t {
  kVisit,       // a home visit: stops the person's acts for the rest of the day
  kIntercept,   // stopped on the way (e.g. at the station): faster than a visit, same day only
  kDetain,      // held for detention_days: no acts and no records while held
  kDenyPermit,  // travel permit withheld for permit_days: no petition trips
  kList,        // name added to a list
  kCamera,      // a camera placed outside the person's home
};
inline constexpr size_t kResponseCount = 6;
inline constexpr std::array<std::string_view, kResponseCount> kResponseNames = {
    "visit", "intercept", "detain", "deny_permit", "list", "camera"};
// Whether the person meets the police (and so is deterred and may evade).
constexpr bool IsContact(Response r) { return r < Response::kList; }

template <typename Enum, size_t N>
std::optional<Enum> ParseEnum(std::string_view name, const std::array<std::string_view, N>& names) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::string_view Name(PlaceType t) { return kPlaceTypeNames[static_cast<size_t>(t)]; }
constexpr std::string_view Name(Trait t) { return kTraitNames[static_cast<size_t>(t)]; }
constexpr std::string_view Name(Category c) { return kCategoryNames[static_cast<size_t>(c)]; }
constexpr std::string_view Name(Response r) { return kResponseNames[static_cast<size_t>(r)]; }
// Places outside the city map: they have no district, no coordinates that matter, and
// are never generated per 1,000 residents.
constexpr bool OutsideTheCity(PlaceType t) {
  return t == PlaceType::kCapital || t == PlaceType::kOutOfTown;
}

constexpr std::string_view Name(Intent i) { return kIntentNames[static_cast<size_t>(i)]; }
constexpr std::string_view Name(Role r) { return kRoleNames[static_cast<size_t>(r)]; }
constexpr std::string_view Name(Sex s) { return kSexNames[static_cast<size_t>(s)]; }
constexpr std::string_view Name(Status s) { return kStatusNames[static_cast<size_t>(s)]; }

// Bit set of traits (bit i = Trait i).
using TraitBits = uint16_t;
constexpr TraitBits Bit(Trait t) { return static_cast<TraitBits>(1u << static_cast<unsigned>(t)); }
constexpr bool Has(TraitBits bits, Trait t) { return (bits & Bit(t)) != 0; }

}  // namespace oversight
