// Design: the counter is (entity, day, stream, block); the key is the 64-bit seed split in
// two words. Each block yields four 32-bit words. Everything is inline in rng.h because
// the day step draws tens of numbers per person-day (the draws were a third of its time
// when they were out of line). Rejected: std::mt19937 per thread (results would depend on
// the partition of work) and a splittable PRNG tree (order-dependent when the tree is
// built lazily).
#include "core/rng.h"
