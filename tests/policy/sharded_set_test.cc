#include "policy/sharded_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>

namespace oversight {
namespace {

TEST(SlabKeySetTest, NewKeysStartWithZeroStateAndKeepIt) {
  SlabKeySet<uint16_t> set(3);
  EXPECT_EQ(set.state_words(), 3u);
  bool inserted = false;
  uint16_t* state = set.FindOrAdd(42, &inserted);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(state[0], 0);
  EXPECT_EQ(state[2], 0);
  state[2] = 9;
  uint16_t* again = set.FindOrAdd(42, &inserted);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(again, state);
  EXPECT_EQ(again[2], 9);
  EXPECT_EQ(set.size(), 1u);
}

TEST(SlabKeySetTest, KeysUsingAll64BitsAreDistinct) {
  SlabKeySet<uint16_t> set(1);
  const uint64_t a = uint64_t{7} << 32 | 5;
  const uint64_t b = uint64_t{5} << 32 | 7;
  set.FindOrAdd(a)[0] = 1;
  set.FindOrAdd(b)[0] = 2;
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(set.FindOrAdd(a)[0], 1);
  EXPECT_EQ(set.FindOrAdd(b)[0], 2);
}

TEST(SlabKeySetTest, EraseIfDropsKeysAndReusesTheirStateZeroed) {
  SlabKeySet<uint16_t> set(2);
  for (uint64_t key = 0; key < 100; ++key) set.FindOrAdd(key)[1] = static_cast<uint16_t>(key);
  set.EraseIf([](uint64_t key, const uint16_t* state) {
    EXPECT_EQ(uint64_t{state[1]}, key);
    return key % 2 == 1;
  });
  EXPECT_EQ(set.size(), 50u);
  std::map<uint64_t, uint16_t> seen;
  set.ForEach([&](uint64_t key, const uint16_t* state) { seen[key] = state[1]; });
  ASSERT_EQ(seen.size(), 50u);
  for (const auto& [key, value] : seen) {
    EXPECT_EQ(key % 2, 0u);
    EXPECT_EQ(uint64_t{value}, key);
  }
  bool inserted = false;
  const uint16_t* reused = set.FindOrAdd(1001, &inserted);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(reused[0], 0);
  EXPECT_EQ(reused[1], 0);
}

TEST(SlabKeySetTest, ClearEmptiesTheSet) {
  SlabKeySet<uint16_t> set(1);
  set.FindOrAdd(1);
  set.FindOrAdd(2);
  EXPECT_GT(set.MemoryBytes(), 0u);
  set.Clear();
  EXPECT_EQ(set.size(), 0u);
  bool inserted = false;
  set.FindOrAdd(1, &inserted);
  EXPECT_TRUE(inserted);
}

TEST(ShardedKeySetTest, ValuesGoToEqualStretches) {
  ShardedKeySet<uint16_t> sets(4, 100, 1);
  EXPECT_EQ(sets.shard_count(), 4u);
  EXPECT_EQ(sets.ShardOf(0), 0u);
  EXPECT_EQ(sets.ShardOf(24), 0u);
  EXPECT_EQ(sets.ShardOf(25), 1u);
  EXPECT_EQ(sets.ShardOf(50), 2u);
  EXPECT_EQ(sets.ShardOf(99), 3u);
}

TEST(ShardedKeySetTest, ShardsAreSeparateAndTotalsAddUp) {
  ShardedKeySet<uint16_t> sets(2, 10, 1);
  sets.shard(0).FindOrAdd(5)[0] = 1;
  sets.shard(1).FindOrAdd(5)[0] = 2;
  sets.shard(1).FindOrAdd(6);
  EXPECT_EQ(sets.shard(0).size(), 1u);
  EXPECT_EQ(sets.shard(1).size(), 2u);
  EXPECT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets.shard(0).FindOrAdd(5)[0], 1);
  EXPECT_EQ(sets.MemoryBytes(), sets.shard(0).MemoryBytes() + sets.shard(1).MemoryBytes());
  sets.Clear();
  EXPECT_EQ(sets.size(), 0u);
}

TEST(ShardedKeySetTest, AnEmptyRangeSendsEverythingToTheFirstShard) {
  ShardedKeySet<uint16_t> sets(8, 0, 1);
  EXPECT_EQ(sets.ShardOf(0), 0u);
}

}  // namespace
}  // namespace oversight
