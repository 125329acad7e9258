// What the authorities can know about the world: the map and what is on file.
//
// This is the only view of the world the policy and respond stages receive. It has no
// accessor for true traits, hidden intents or true whereabouts, so the apparatus cannot
// peek at the truth the audit judges it against. Thread-safety: read-only.
#pragma once

#include "core/ids.h"
#include "core/vocabulary.h"
#include "world/city.h"
#include "world/population.h"

namespace oversight {

class RecordsView {
 public:
  RecordsView(const City& city, const Population& population)
      : city_(city), population_(population) {}

  const City& city() const { return city_; }
  size_t person_count() const { return population_.size(); }
  TraitBits recorded_traits(PersonId p) const { return population_.recorded_traits[p.index()]; }
  // The civil register: sex, nationality, work permit and spouse are on file as they are.
  Sex sex(PersonId p) const { return population_.sex[p.index()]; }
  bool foreign(PersonId p) const { return population_.foreign(p); }
  bool work_permit(PersonId p) const { return population_.work_permit(p); }
  PersonId spouse(PersonId p) const { return population_.spouse(p); }
  Status status(PersonId p) const { return population_.status[p.index()]; }
  // The officers' personality rating on file (0-10).
  uint8_t personality(PersonId p) const { return population_.recorded_personality[p.index()]; }
  // The registered home address.
  PlaceId home(PersonId p) const { return population_.home(p); }
  // The district of the registered home.
  DistrictId district(PersonId p) const { return city_.place(population_.home(p)).district; }
  // The household on the register, and how many there are.
  HouseholdId household(PersonId p) const { return population_.household[p.index()]; }
  size_t household_count() const { return population_.household_count(); }
  // The household's account holder with the utilities (the head on the register).
  PersonId account_holder(HouseholdId h) const { return population_.household_first[h.index()]; }

 private:
  const City& city_;
  const Population& population_;
};

}  // namespace oversight
