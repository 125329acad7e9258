// Design: the counter is (entity, day, stream, block); the key is the 64-bit seed split in
// two words. Each Refill() encrypts the next block index and yields four 32-bit words.
// Rejected: std::mt19937 per thread (results would depend on the partition of work) and
// a splittable PRNG tree (order-dependent when the tree is built lazily).
#include "core/rng.h"

#include <cassert>

namespace oversight {

Rng::Rng(uint64_t seed, Stream stream, uint32_t entity, int32_t day) {
  key_ = {{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}};
  counter_ = {{entity, static_cast<uint32_t>(day), static_cast<uint32_t>(stream), 0}};
}

void Rng::Refill() {
  block_ = philox_(counter_, key_);
  counter_[3] += 1;
  used_ = 0;
}

uint32_t Rng::Next32() {
  if (used_ == 4) Refill();
  return block_[static_cast<size_t>(used_++)];
}

double Rng::Uniform() {
  // 32 random bits: a resolution of 2^-32, far finer than any probability a scenario sets,
  // at half the cost of 53 bits (the day step draws tens of numbers per person).
  return static_cast<double>(Next32()) * (1.0 / 4294967296.0);
}

bool Rng::Bernoulli(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return Uniform() < p;
}

uint32_t Rng::UniformInt(uint32_t n) {
  assert(n > 0);  // an empty range is a programmer error
  // Lemire's multiply-shift; the bias (< n / 2^32) is far below anything the audit resolves.
  return static_cast<uint32_t>((static_cast<uint64_t>(Next32()) * n) >> 32);
}

int32_t Rng::UniformRange(int32_t lo, int32_t hi) {
  assert(lo <= hi);
  return lo + static_cast<int32_t>(UniformInt(static_cast<uint32_t>(hi - lo) + 1));
}

}  // namespace oversight
