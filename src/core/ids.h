// Dense typed ids.
//
// Every entity the World owns (persons, households, places, districts, groups) and every
// policy object (lists, rules) is named by a dense 32-bit index wrapped in a distinct type,
// so a PlaceId can never be passed where a PersonId is expected. Other stages hold ids,
// never pointers. Thread-safety: plain values.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace oversight {

template <typename Tag>
struct Id {
  static constexpr uint32_t kInvalidValue = std::numeric_limits<uint32_t>::max();

  uint32_t value = kInvalidValue;

  constexpr Id() = default;
  constexpr explicit Id(uint32_t v) : value(v) {}

  constexpr bool valid() const { return value != kInvalidValue; }
  constexpr size_t index() const { return value; }

  friend constexpr auto operator<=>(Id, Id) = default;
};

using PersonId = Id<struct PersonTag>;
using HouseholdId = Id<struct HouseholdTag>;
using PlaceId = Id<struct PlaceTag>;
using DistrictId = Id<struct DistrictTag>;
using GroupId = Id<struct GroupTag>;
using ListId = Id<struct ListTag>;
using RuleId = Id<struct RuleTag>;

}  // namespace oversight

template <typename Tag>
struct std::hash<oversight::Id<Tag>> {
  size_t operator()(oversight::Id<Tag> id) const noexcept {
    return std::hash<uint32_t>{}(id.value);
  }
};
