// The largest scenario the engine accepts, shared by the loader, the command line and the
// stages whose packed types depend on them.
//
// A packed type that stores a day or a person in fewer bits says so with a static_assert
// against these constants, so raising a limit fails the build where it no longer fits.
#pragma once

#include <cstdint>

namespace oversight {

// Persons in a city (the register's dense ids are 32-bit).
inline constexpr int64_t kMaxPersons = 100'000'000;

// Days one run may simulate (ten years).
inline constexpr int64_t kMaxDays = 3650;

}  // namespace oversight
