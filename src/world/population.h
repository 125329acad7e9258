// The synthetic population, as structure-of-arrays indexed by PersonId and HouseholdId.
//
// Holds both sides of every person: the truth (traits, hidden intent) and the record
// (what the authorities have on file). Only the World and the audit may read the truth;
// the policy stage receives a RecordsView (world/records_view.h) without it.
// Members of a household have consecutive person ids, starting at household_first.
// Thread-safety: immutable during a day step.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/vocabulary.h"

namespace oversight {

// Bits of Population::flags.
inline constexpr uint8_t kForeignFlag = 1;     // a foreign national
inline constexpr uint8_t kWorkPermitFlag = 2;  // a foreign national with a work permit

struct Population {
  // Per person.
  std::vector<GroupId> group;
  std::vector<HouseholdId> household;
  std::vector<uint8_t> age;  // years
  std::vector<Sex> sex;
  std::vector<Role> role;
  std::vector<Status> status;
  std::vector<uint8_t> flags;                 // kForeignFlag | kWorkPermitFlag
  std::vector<PlaceId> day_place;             // workplace or school; invalid when none
  std::vector<TraitBits> true_traits;         // the truth
  std::vector<TraitBits> recorded_traits;     // on file with the authorities
  std::vector<uint8_t> recorded_personality;  // officers' 0-10 rating on file (a record)
  std::vector<IntentBits> intents;            // hidden harmful intents (truth)
  std::vector<uint8_t> phones;                // 0, 1 or 2

  // Per household.
  std::vector<PersonId> household_first;  // first member; members are consecutive
  std::vector<uint8_t> household_size;
  std::vector<HouseholdKind> household_kind;
  std::vector<uint8_t> household_couple;  // 1: the first two members are married
  std::vector<PlaceId> household_home;
  std::vector<DistrictId> household_district;
  std::vector<uint8_t> household_registered;  // residents on the register (the record)
  std::vector<uint32_t> household_vehicles;   // first vehicle id; vehicles are consecutive
  std::vector<uint8_t> household_vehicle_count;

  size_t size() const { return group.size(); }
  size_t household_count() const { return household_home.size(); }
  PlaceId home(PersonId p) const { return household_home[household[p.index()].index()]; }
  DistrictId district(PersonId p) const { return household_district[household[p.index()].index()]; }
  bool foreign(PersonId p) const { return (flags[p.index()] & kForeignFlag) != 0; }
  bool work_permit(PersonId p) const { return (flags[p.index()] & kWorkPermitFlag) != 0; }
  // The spouse of `p` from the household register, or invalid.
  PersonId spouse(PersonId p) const;
  // Whether `p` has any hidden harmful intent (the truth the audit judges by).
  bool harmful(PersonId p) const { return intents[p.index()] != 0; }
  // Where `p` really lives: the registered home, except for the spouse of a sham marriage,
  // who lives elsewhere.
  PlaceId residence(PersonId p) const { return residence_of[p.index()]; }

  // Per person: where they really live (one load, since friends' homes are looked up at
  // random: a registered home would take three dependent loads).
  std::vector<PlaceId> residence_of;
};

inline PersonId Population::spouse(PersonId p) const {
  const size_t h = household[p.index()].index();
  if (household_couple[h] == 0) return PersonId();
  const PersonId first = household_first[h];
  if (p == first) return PersonId(first.value + 1);
  if (p.value == first.value + 1) return first;
  return PersonId();
}

}  // namespace oversight
