// Counter-based random numbers.
//
// Every random draw in Oversight comes from Philox4x32-10 (Random123), keyed by the
// scenario seed and addressed by (stream, entity, day). A draw therefore depends only on
// *what* it is for, never on which thread made it or in which order: results are
// identical at any thread count, and a twin run that changes one person's day leaves
// every other person's numbers untouched (common random numbers).
//
// Usage:
//   Rng rng(seed, Stream::kSchedule, person.value, day);
//   if (rng.Bernoulli(0.1)) ...
//
// Thread-safety: an Rng is a small value; give each thread its own.
#pragma once

#include <Random123/philox.h>

#include <cstdint>

namespace oversight {

// Independent random streams. Never renumber: values are part of the reproducibility
// contract (same scenario + seed = same bytes).
enum class Stream : uint32_t {
  kPopulation = 1,   // traits, groups, households (entity = person or household)
  kCity = 2,         // districts and places (entity = place or district)
  kSchedule = 3,     // daily presence (entity = person)
  kActs = 4,         // hidden intents and lawful trips (entity = person)
  kCameras = 5,      // camera placement (entity = place)
  kRecognition = 6,  // face-recognition hits and false matches (entity = person)
  kMeeting = 7,      // per-district shared choices (entity = district)
  kTies = 8,         // social ties (entity = person or household)
  kCalls = 9,        // phone calls (entity = person)
  kHousehold = 10,   // decisions a household shares (entity = household; day -1: fixed)
  kReunion = 11,     // once-per-holiday decisions (entity = person, day = first day)
  kPurchases = 12,   // purchases (entity = person)
  kDrives = 13,      // drives (entity = person)
  kMeters = 14,      // utility meter noise (entity = household)
};

class Rng {
 public:
  Rng(uint64_t seed, Stream stream, uint32_t entity, int32_t day);

  // Uniform in [0, 1) with 32 random bits (a multiple of 2^-32).
  double Uniform();
  // True with probability p (p <= 0 never, p >= 1 always).
  bool Bernoulli(double p);
  // Uniform integer in [0, n). REQUIRES: n > 0.
  uint32_t UniformInt(uint32_t n);
  // Uniform integer in [lo, hi]. REQUIRES: lo <= hi.
  int32_t UniformRange(int32_t lo, int32_t hi);
  // Raw 32 random bits.
  uint32_t Next32();

 private:
  using Philox = r123::Philox4x32;
  void Refill();

  Philox philox_;
  Philox::ctr_type counter_;
  Philox::key_type key_;
  Philox::ctr_type block_;
  int used_ = 4;  // words of block_ already handed out
};

}  // namespace oversight
