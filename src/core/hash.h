// A fast, well-mixed 64-bit hash for fixed per-entity choices (not for streams of draws:
// use Rng). SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014).
#pragma once

#include <cstdint>

namespace oversight {

constexpr uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Hash of (seed, a, b), e.g. (seed, person, k).
constexpr uint64_t Hash3(uint64_t seed, uint64_t a, uint64_t b) {
  return Mix64(seed ^ Mix64(a ^ Mix64(b)));
}

}  // namespace oversight
