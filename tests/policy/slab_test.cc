#include "policy/slab.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

namespace oversight {
namespace {

TEST(SlabTest, NewSlotsAreNumberedInOrderAndZeroed) {
  Slab<uint16_t> slab(5);
  EXPECT_EQ(slab.slot_words(), 5u);
  for (uint32_t expected = 0; expected < 3; ++expected) {
    const uint32_t slot = slab.Allocate();
    EXPECT_EQ(slot, expected);
    for (size_t w = 0; w < 5; ++w) EXPECT_EQ(slab.Words(slot)[w], 0);
  }
  EXPECT_EQ(slab.slots_used(), 3u);
}

TEST(SlabTest, SlotsDoNotOverlap) {
  Slab<uint16_t> slab(3);
  std::vector<uint32_t> slots;
  for (int i = 0; i < 100; ++i) slots.push_back(slab.Allocate());
  for (uint32_t slot : slots) {
    for (size_t w = 0; w < 3; ++w) slab.Words(slot)[w] = static_cast<uint16_t>(slot * 3 + w);
  }
  for (uint32_t slot : slots) {
    for (size_t w = 0; w < 3; ++w) EXPECT_EQ(size_t{slab.Words(slot)[w]}, slot * 3 + w);
  }
}

TEST(SlabTest, FreedSlotsAreReusedLastFirst) {
  Slab<uint32_t> slab(2);
  const uint32_t a = slab.Allocate();
  const uint32_t b = slab.Allocate();
  slab.Allocate();
  slab.Free(a);
  slab.Free(b);
  EXPECT_EQ(slab.slots_free(), 2u);
  EXPECT_EQ(slab.Allocate(), b);
  EXPECT_EQ(slab.Allocate(), a);
  EXPECT_EQ(slab.Allocate(), 3u);
  EXPECT_EQ(slab.slots_used(), 4u);
}

TEST(SlabTest, WordsStayPutWhenChunksAreAdded) {
  Slab<uint16_t> slab(4);
  const uint32_t first = slab.Allocate();
  uint16_t* words = slab.Words(first);
  words[3] = 77;
  // Fill well past one chunk.
  for (uint32_t i = 1; i < 3 * Slab<uint16_t>::kChunkSlots; ++i) slab.Allocate();
  EXPECT_EQ(slab.Words(first), words);
  EXPECT_EQ(words[3], 77);
  EXPECT_GE(slab.MemoryBytes(), 3 * Slab<uint16_t>::kChunkSlots * 4 * sizeof(uint16_t));
}

TEST(SlabTest, ClearStartsOver) {
  Slab<uint16_t> slab(1);
  slab.Allocate();
  slab.Free(slab.Allocate());
  slab.Clear();
  EXPECT_EQ(slab.slots_used(), 0u);
  EXPECT_EQ(slab.slots_free(), 0u);
  EXPECT_EQ(slab.MemoryBytes(), 0u);
  EXPECT_EQ(slab.Allocate(), 0u);
}

}  // namespace
}  // namespace oversight
