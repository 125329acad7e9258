// Social ties: each person's contacts, beyond their own household.
//
// Stored as compressed rows (an offset per person into one array of contacts), so memory
// is proportional to the number of ties. Kinds: kin (heads of related families, both
// ways), friends, co-workers, and fellow petitioners with the same grievance.
// Thread-safety: immutable after construction.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/ids.h"
#include "scenario/world_options.h"
#include "world/city.h"
#include "world/population.h"

namespace oversight {

enum class TieKind : uint8_t { kKin, kFriend, kCoworker, kPetitioner };
inline constexpr size_t kTieKindCount = 4;
inline constexpr std::array<std::string_view, kTieKindCount> kTieKindNames = {
    "kin", "friend", "coworker", "fellow_petitioner"};

class Ties {
 public:
  Ties() = default;
  // Draws every tie. Deterministic in (options, seed, population).
  Ties(const TieOptions& options, uint64_t seed, const City& city, const Population& population);

  std::span<const PersonId> contacts(PersonId p) const {
    return {contacts_.data() + offsets_[p.index()], contacts_.data() + offsets_[p.index() + 1]};
  }
  std::span<const TieKind> kinds(PersonId p) const {
    return {kinds_.data() + offsets_[p.index()], kinds_.data() + offsets_[p.index() + 1]};
  }
  // The grievance group of a true petitioner (petitioners who petition together), or
  // kNoGroup.
  static constexpr uint32_t kNoGroup = UINT32_MAX;
  uint32_t grievance_group(PersonId p) const { return grievance_group_[p.index()]; }
  size_t grievance_group_count() const { return grievance_groups_; }

  size_t tie_count() const { return contacts_.size(); }
  size_t Bytes() const;

  // A tie as drawn, before the ties are laid out by person.
  struct Edge {
    uint32_t from, to;
    TieKind kind;
  };

 private:
  void GroupPetitioners(const TieOptions& options, const Population& population,
                        const std::vector<std::vector<uint32_t>>& residents,
                        std::vector<Edge>* edges);

  std::vector<uint32_t> offsets_;  // persons + 1
  std::vector<PersonId> contacts_;
  std::vector<TieKind> kinds_;
  std::vector<uint32_t> grievance_group_;  // per person
  size_t grievance_groups_ = 0;
};

}  // namespace oversight
