#include "policy/packed_day_keys.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace oversight {
namespace {

TEST(PackedDayKeyTest, WordsHoldTheCountsTheEntriesAndTheCompanions) {
  EXPECT_EQ(PackedDayKey::Words(3, 2), 2u + 3u + 3u * 2u);
}

TEST(PackedDayKeyTest, ZeroWordsAreAnEmptyKey) {
  std::vector<uint16_t> words(PackedDayKey::Words(3, 2), 0);
  const PackedDayKey key(words.data(), 3);
  EXPECT_EQ(key.entries(), 0u);
  EXPECT_EQ(key.companions(), 0u);
  EXPECT_FALSE(key.fired());
}

TEST(PackedDayKeyTest, FiredAndCompanionCountShareAWord) {
  std::vector<uint16_t> words(PackedDayKey::Words(1, 4), 0);
  const PackedDayKey key(words.data(), 1);
  key.set_companions(3);
  key.set_fired(true);
  EXPECT_EQ(key.companions(), 3u);
  EXPECT_TRUE(key.fired());
  key.set_companions(4);
  EXPECT_TRUE(key.fired());
  key.set_fired(false);
  EXPECT_EQ(key.companions(), 4u);
  EXPECT_FALSE(key.fired());
}

TEST(PackedDayKeyTest, EntriesAndCompanionsDoNotOverlap) {
  const uint32_t max_entries = 3, max_companions = 2;
  std::vector<uint16_t> words(PackedDayKey::Words(max_entries, max_companions), 0xABCD);
  const PackedDayKey key(words.data(), max_entries);
  key.set_entries(3);
  key.set_companions(2);
  for (uint32_t k = 0; k < max_entries; ++k) key.entry(k) = static_cast<uint16_t>(100 + k);
  // Persons use all 32 bits; days the last of the day range.
  key.set_companion(0, 0xFFFFFFFEu);
  key.seen(0) = PackedDayKey::Day16(kMaxDays);
  key.set_companion(1, 70000);
  key.seen(1) = 5;
  EXPECT_EQ(key.entries(), 3u);
  for (uint32_t k = 0; k < max_entries; ++k) EXPECT_EQ(uint32_t{key.entry(k)}, 100 + k);
  EXPECT_EQ(key.companion(0), 0xFFFFFFFEu);
  EXPECT_EQ(int64_t{key.seen(0)}, kMaxDays);
  EXPECT_EQ(key.companion(1), 70000u);
  EXPECT_EQ(key.seen(1), 5);
  const ConstPackedDayKey read(words.data(), max_entries);
  EXPECT_EQ(read.companion(1), 70000u);
  EXPECT_EQ(read.entry(2), 102);
}

}  // namespace
}  // namespace oversight
