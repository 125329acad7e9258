// A condition on a person's attributes: the "when" of a conditional-prevalence row.
//
// Every attribute left unset matches anything; a row applies when all set attributes
// hold. Traits named in a condition are *true* traits (the world's, not the record), and
// only traits drawn earlier than the one being drawn may be named (the loader checks it).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/vocabulary.h"

namespace oversight {

// The attributes a condition can test, as drawn so far for one person.
struct PersonFacts {
  uint8_t group = 0;
  Sex sex = Sex::kFemale;
  uint8_t age = 0;  // years
  Role role = Role::kAtHome;
  Status status = Status::kMiddle;
  bool foreign = false;
  HouseholdKind household = HouseholdKind::kFamily;
  TraitBits traits = 0;  // true traits drawn so far
};

struct Condition {
  std::optional<uint8_t> group;  // index into WorldOptions::groups
  std::optional<Sex> sex;
  uint8_t age_min = 0;    // inclusive, years
  uint8_t age_max = 255;  // inclusive, years
  std::optional<Role> role;
  std::optional<Status> status;
  std::optional<bool> foreign;
  std::optional<HouseholdKind> household;
  TraitBits traits_all = 0;   // every one of these true traits
  TraitBits traits_none = 0;  // none of these true traits

  bool Matches(const PersonFacts& f) const {
    if (group && *group != f.group) return false;
    if (sex && *sex != f.sex) return false;
    if (f.age < age_min || f.age > age_max) return false;
    if (role && *role != f.role) return false;
    if (status && *status != f.status) return false;
    if (foreign && *foreign != f.foreign) return false;
    if (household && *household != f.household) return false;
    if ((f.traits & traits_all) != traits_all) return false;
    if ((f.traits & traits_none) != 0) return false;
    return true;
  }
};

// Rows of a conditional table: the first row whose condition matches gives the value;
// when none matches, the table's default applies.
template <typename Value>
struct ConditionalRow {
  Condition when;
  Value value;
};

template <typename Value>
const Value& Lookup(const std::vector<ConditionalRow<Value>>& rows, const Value& fallback,
                    const PersonFacts& facts) {
  for (const ConditionalRow<Value>& row : rows) {
    if (row.when.Matches(facts)) return row.value;
  }
  return fallback;
}

}  // namespace oversight
