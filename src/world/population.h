// The synthetic population, as structure-of-arrays indexed by PersonId.
//
// Holds both sides of every person: the truth (traits, hidden intent) and the record
// (what the authorities have on file). Only the World and the audit may read the truth;
// the policy stage receives a RecordsView (world/records_view.h) without it.
// Thread-safety: immutable during a day step.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/vocabulary.h"

namespace oversight {

enum class Role : uint8_t {
  kWorker,   // goes to a workplace on weekdays
  kStudent,  // goes to school on weekdays
  kAtHome,   // retirees, carers, the unemployed: home unless out for leisure
};

struct Population {
  // Per person.
  std::vector<GroupId> group;
  std::vector<HouseholdId> household;
  std::vector<Role> role;
  std::vector<PlaceId> day_place;          // workplace or school; invalid when none
  std::vector<TraitBits> true_traits;      // the truth
  std::vector<TraitBits> recorded_traits;  // on file with the authorities
  std::vector<uint8_t> harmful_intent;     // hidden intent (truth), 0 or 1

  // Per household.
  std::vector<PlaceId> household_home;
  std::vector<DistrictId> household_district;

  size_t size() const { return group.size(); }
  size_t household_count() const { return household_home.size(); }
  PlaceId home(PersonId p) const { return household_home[household[p.index()].index()]; }
  DistrictId district(PersonId p) const {
    return household_district[household[p.index()].index()];
  }
};

}  // namespace oversight
