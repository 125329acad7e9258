// Counter-based random numbers.
//
// Every random draw in Oversight comes from Philox4x32-10 (Random123), keyed by the
// scenario seed and addressed by (stream, entity, day). A draw therefore depends only on
// *what* it is for, never on which thread made it or in which order: results are
// identical at any thread count, and a twin run that changes one person's day leaves
// every other person's numbers untouched (common random numbers).
//
// A stream is a sequence of 32-bit words; Next32()/Uniform() walk it in order, and
// UniformAt(i) reads word i directly (Philox is random-access), so a decision that is
// rarely needed can own a fixed word without everyone paying for it.
//
// Usage:
//   Rng rng(seed, Stream::kSchedule, person.value, day);
//   if (rng.Bernoulli(0.1)) ...
//
// Thread-safety: an Rng is a small value; give each thread its own.
#pragma once

#include <Random123/philox.h>

#include <cassert>
#include <cmath>
#include <cstdint>

namespace oversight {

// Independent random streams. Never renumber: values are part of the reproducibility
// contract (same scenario + seed = same bytes).
enum class Stream : uint32_t {
  kPopulation = 1,    // traits, groups, households (entity = person or household)
  kCity = 2,          // districts and places (entity = place or district)
  kSchedule = 3,      // daily presence (entity = person)
  kActs = 4,          // hidden intents and lawful trips (entity = person)
  kCameras = 5,       // camera placement (entity = place)
  kRecognition = 6,   // face-recognition hits and false matches (entity = person)
  kMeeting = 7,       // per-district shared choices (entity = district)
  kTies = 8,          // social ties (entity = person or household)
  kCalls = 9,         // phone calls (entity = person)
  kHousehold = 10,    // decisions a household shares (entity = household; day -1: fixed)
  kReunion = 11,      // once-per-holiday decisions (entity = person, day = first day)
  kPurchases = 12,    // purchases (entity = person)
  kDrives = 13,       // drives (entity = person)
  kMeters = 14,       // utility meter noise (entity = household)
  kGroups = 15,       // grievance groups' gatherings (entity = group)
  kRecruit = 16,      // pyramid recruiters' visits (entity = person)
  kRecords = 17,      // which records reach the authorities (entity = person or household)
  kLists = 18,        // removals from watchlists (entity = person)
  kLocations = 19,    // which phone locations reach the authorities (entity = person)
  kPersonality = 20,  // the personality rating officers put on file (entity = person)
  kPatrol = 21,       // which arrivals a patrol checks (entity = person)
  kUrn = 22,          // the Pólya urn of hotspot/polya_urn.h (entity = run, day = step)
  kPredpol = 23,      // records added by targeting, hotspot/predpol_experiment.h (entity = run)
  kReporting = 24,    // crime and its reporting, hotspot/reporting_experiment.h (entity = cell,
                      // day = run)
  kAttention = 25,    // attention allocation, hotspot/attention_run.h (entity = run, day = step)
};

class Rng {
 public:
  Rng(uint64_t seed, Stream stream, uint32_t entity, int32_t day) {
    key_ = {{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}};
    counter_ = {{entity, static_cast<uint32_t>(day), static_cast<uint32_t>(stream), 0}};
  }

  // The next 32 random bits of the stream.
  uint32_t Next32() {
    if (used_ == 4) Refill(next_block_++);
    return block_[used_++];
  }
  // Uniform in [0, 1) with 32 random bits (a multiple of 2^-32): a resolution far finer
  // than any probability a scenario sets, at half the cost of 53 bits.
  double Uniform() { return ToUnit(Next32()); }
  // Standard normal (Box-Muller over two uniforms).
  double Normal() {
    const double u = 1.0 - Uniform();  // in (0, 1]
    const double v = Uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  // True with probability p (p <= 0 never, p >= 1 always).
  bool Bernoulli(double p) {
    if (p <= 0.0) return false;
    if (p >= 1.0) return true;
    return Uniform() < p;
  }
  // Uniform integer in [0, n). REQUIRES: n > 0.
  uint32_t UniformInt(uint32_t n) {
    assert(n > 0);  // an empty range is a programmer error
    // Lemire's multiply-shift; the bias (< n / 2^32) is far below anything the audit resolves.
    return static_cast<uint32_t>((static_cast<uint64_t>(Next32()) * n) >> 32);
  }
  // Uniform integer in [lo, hi]. REQUIRES: lo <= hi.
  int32_t UniformRange(int32_t lo, int32_t hi) {
    assert(lo <= hi);
    return lo + static_cast<int32_t>(UniformInt(static_cast<uint32_t>(hi - lo) + 1));
  }

  // The uniform in [0, 1) that a word of a stream stands for (what Uniform and UniformAt
  // return for it), for a caller that keeps words read once.
  static double ToUnit(uint32_t bits) { return static_cast<double>(bits) * (1.0 / 4294967296.0); }

  // Word `index` of the stream as a uniform in [0, 1), whatever has been read before.
  // Do not mix with Next32() on the same Rng (they share the block cache, not a position).
  double UniformAt(uint32_t index) { return ToUnit(WordAt(index)); }
  // Word `index` of the stream, as raw bits (same rules as UniformAt).
  uint32_t WordAt(uint32_t index) {
    const uint32_t block = index / 4;
    if (cached_block_ != block) {
      Refill(block);
      cached_block_ = block;
    }
    return block_[index % 4];
  }

 private:
  using Philox = r123::Philox4x32;

  void Refill(uint32_t block) {
    counter_[3] = block;
    block_ = Philox()(counter_, key_);
    used_ = 0;
  }

  Philox::ctr_type counter_;
  Philox::key_type key_;
  Philox::ctr_type block_;
  uint32_t next_block_ = 0;
  uint32_t cached_block_ = UINT32_MAX;
  uint32_t used_ = 4;  // words of block_ already handed out
};

}  // namespace oversight
