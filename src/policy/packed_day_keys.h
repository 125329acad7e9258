// A key's state packed into 16-bit words: the days of its latest entries and its most
// recently seen companions, each with the day last seen, and whether it has fired. The
// companions rule keeps one per (person, place) in a SlabKeySet<uint16_t>
// (policy/sharded_set.h).
//
// Layout, in words: the number of entries; the number of companions with `fired` in the
// top bit; the days of the latest entries (at most `max_entries`, oldest first); then each
// companion as the person (two words, low first) and the day last seen (one word). One
// contiguous run per key rather than two vectors: the rule reads every key an entry touches,
// and a pointer chase per key is what it would cost.
//
// Days are stored in 16 bits, which holds because a run is at most kMaxDays long; the counts
// in 15 bits, which holds because the loader caps `at_least` and `distinct_companions`.
//
// Thread-safety: a view over words it does not own; as safe as the words.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>

#include "core/limits.h"

namespace oversight {

static_assert(kMaxDays <= UINT16_MAX, "PackedDayKey stores days in 16 bits");

// Word is uint16_t (PackedDayKey, to read and write) or const uint16_t (ConstPackedDayKey,
// to read).
template <typename Word>
class PackedDayKeyView {
 public:
  // The most entries or companions a key can count (15 bits).
  static constexpr uint32_t kMaxCount = 0x7FFF;

  // The words a key needs for at most `max_entries` entries and `max_companions` companions.
  static constexpr size_t Words(uint32_t max_entries, uint32_t max_companions) {
    return 2 + static_cast<size_t>(max_entries) + 3 * static_cast<size_t>(max_companions);
  }

  // A view of Words(max_entries, ...) words at `words`. All-zero words are a key with no
  // entries, no companions, not fired.
  PackedDayKeyView(Word* words, uint32_t max_entries) : w_(words), max_entries_(max_entries) {
    assert(max_entries <= kMaxCount);  // the loader caps how_often.at_least
  }

  uint32_t entries() const { return w_[0]; }
  uint32_t companions() const { return w_[1] & 0x7FFFu; }
  bool fired() const { return (w_[1] >> 15) != 0; }
  void set_entries(uint32_t n) const {
    assert(n <= max_entries_);
    w_[0] = static_cast<uint16_t>(n);
  }
  void set_companions(uint32_t n) const {
    assert(n <= kMaxCount);
    w_[1] = static_cast<uint16_t>((w_[1] & 0x8000u) | n);
  }
  void set_fired(bool fired) const {
    w_[1] = static_cast<uint16_t>((w_[1] & 0x7FFFu) | (fired ? 0x8000u : 0u));
  }
  // The day of entry k (0: the oldest kept). REQUIRES: k < max_entries.
  Word& entry(uint32_t k) const {
    assert(k < max_entries_);
    return w_[2 + k];
  }
  // A day as stored: REQUIRES 0 <= day <= kMaxDays.
  static uint16_t Day16(int64_t day) {
    assert(day >= 0 && day <= kMaxDays);
    return static_cast<uint16_t>(day);
  }
  uint32_t companion(uint32_t k) const {
    const Word* c = w_ + 2 + max_entries_ + 3 * k;
    return static_cast<uint32_t>(c[0]) | static_cast<uint32_t>(c[1]) << 16;
  }
  void set_companion(uint32_t k, uint32_t person) const {
    Word* c = w_ + 2 + max_entries_ + 3 * k;
    c[0] = static_cast<uint16_t>(person & 0xFFFFu);
    c[1] = static_cast<uint16_t>(person >> 16);
  }
  // The day companion k was last seen.
  Word& seen(uint32_t k) const { return w_[4 + max_entries_ + 3 * k]; }

 private:
  Word* w_;
  uint32_t max_entries_;
};

using PackedDayKey = PackedDayKeyView<uint16_t>;
using ConstPackedDayKey = PackedDayKeyView<const uint16_t>;

}  // namespace oversight
