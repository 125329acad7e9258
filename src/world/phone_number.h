// Phone numbers.
//
// Every resident's phones have numbers 2p and 2p + 1 (p = the person's id); numbers from
// 2 * persons up are out-of-town numbers, owned by nobody in the city. A number is a plain
// integer so that call records carry no pointers. Thread-safety: pure functions.
#pragma once

#include <cstdint>

#include "core/ids.h"

namespace oversight {

using PhoneNumber = uint32_t;

// The number of phone `k` (0 or 1) of person `p`.
constexpr PhoneNumber NumberOf(PersonId p, uint32_t k) { return p.value * 2 + k; }

// Out-of-town number `index`, in a city of `persons`.
constexpr PhoneNumber OutOfTownNumber(uint32_t index, uint32_t persons) {
  return persons * 2 + index;
}

constexpr bool IsOutOfTown(PhoneNumber n, uint32_t persons) { return n >= persons * 2; }

// The resident who owns `n`, or invalid for an out-of-town number.
constexpr PersonId OwnerOf(PhoneNumber n, uint32_t persons) {
  return IsOutOfTown(n, persons) ? PersonId() : PersonId(n / 2);
}

}  // namespace oversight
