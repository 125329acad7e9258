// A set of 64-bit keys, each with a fixed-size state of words, split into a fixed number of
// shards that can be worked on concurrently: a rule's keyed state across days.
//
// SlabKeySet (one shard) keeps each key and its state in one slot of a Slab (the key in the
// slot's first words, the state after it) and indexes the slots in a hash set of 32-bit slot
// numbers hashed and compared by the key written in the slot: 4 bytes a table entry instead
// of a map's 16 (key and pointer), and a key's state one contiguous run of words.
//
// ShardedKeySet assigns keys to shards by a value the caller chooses (e.g. the place in a
// (person, place) key), in equal stretches of [0, range): a fixed number of shards, so
// which key lands where, and the work of each shard, never depend on the thread count.
//
// Thread-safety: none within a shard; different shards may be used concurrently (a shard
// shares nothing with another).
#pragma once

#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "policy/slab.h"

namespace oversight {

template <typename Word>
class SlabKeySet {
 public:
  // Words of a slot that hold the key.
  static constexpr size_t kKeyWords = (sizeof(uint64_t) + sizeof(Word) - 1) / sizeof(Word);

  // Each key gets `state_words` words of state.
  explicit SlabKeySet(size_t state_words)
      : slab_(kKeyWords + state_words), keys_(0, SlotHash{this}, SlotEq{this}) {}
  // The hash set's functors point at this set: it never moves.
  SlabKeySet(const SlabKeySet&) = delete;
  SlabKeySet& operator=(const SlabKeySet&) = delete;

  // The state of `key`, all zero words if the key is new (then *inserted is true). Valid
  // until the key is erased or the set cleared.
  Word* FindOrAdd(uint64_t key, bool* inserted = nullptr) {
    bool added = false;
    auto it = keys_.lazy_emplace(KeyId{key}, [&](const auto& construct) {
      const uint32_t slot = slab_.Allocate();
      Word* words = slab_.Words(slot);
      std::memcpy(words, &key, sizeof key);
      std::fill(words + kKeyWords, words + slab_.slot_words(), Word{0});
      added = true;
      construct(slot);
    });
    if (inserted != nullptr) *inserted = added;
    return State(*it);
  }

  // Drops every key for which drop(key, state) is true; their slots are reused.
  template <typename F>
  void EraseIf(const F& drop) {
    absl::erase_if(keys_, [&](uint32_t slot) {
      if (!drop(KeyOf(slot), static_cast<const Word*>(State(slot)))) return false;
      slab_.Free(slot);
      return true;
    });
  }

  // Calls f(key, state) for every key, in no particular order.
  template <typename F>
  void ForEach(const F& f) const {
    for (uint32_t slot : keys_) f(KeyOf(slot), static_cast<const Word*>(State(slot)));
  }

  size_t size() const { return keys_.size(); }
  size_t state_words() const { return slab_.slot_words() - kKeyWords; }
  // The bytes the hash set (a slot number and a control byte an entry) and the slab hold.
  size_t MemoryBytes() const {
    return keys_.capacity() * (sizeof(uint32_t) + 1) + slab_.MemoryBytes();
  }
  void Clear() {
    keys_.clear();
    slab_.Clear();
  }

 private:
  struct KeyId {
    uint64_t value;
  };
  struct SlotHash {
    using is_transparent = void;
    const SlabKeySet* set;
    size_t operator()(KeyId id) const { return absl::Hash<uint64_t>{}(id.value); }
    size_t operator()(uint32_t slot) const { return (*this)(KeyId{set->KeyOf(slot)}); }
  };
  struct SlotEq {
    using is_transparent = void;
    const SlabKeySet* set;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t slot, KeyId id) const { return set->KeyOf(slot) == id.value; }
    bool operator()(KeyId id, uint32_t slot) const { return set->KeyOf(slot) == id.value; }
  };

  uint64_t KeyOf(uint32_t slot) const {
    uint64_t key = 0;
    std::memcpy(&key, slab_.Words(slot), sizeof key);
    return key;
  }
  Word* State(uint32_t slot) const { return slab_.Words(slot) + kKeyWords; }

  Slab<Word> slab_;
  absl::flat_hash_set<uint32_t, SlotHash, SlotEq> keys_;
};

template <typename Word>
class ShardedKeySet {
 public:
  // `shards` shards (REQUIRES: > 0) over the values [0, range), each key with
  // `state_words` words of state.
  ShardedKeySet(size_t shards, uint64_t range, size_t state_words) : range_(range) {
    for (size_t s = 0; s < shards; ++s) {
      shards_.push_back(std::make_unique<SlabKeySet<Word>>(state_words));
    }
  }

  size_t shard_count() const { return shards_.size(); }
  // The shard of keys whose chosen value is `value` (REQUIRES: value < range).
  size_t ShardOf(uint64_t value) const {
    return static_cast<size_t>(value * shards_.size() / std::max<uint64_t>(range_, 1));
  }
  SlabKeySet<Word>& shard(size_t s) { return *shards_[s]; }
  const SlabKeySet<Word>& shard(size_t s) const { return *shards_[s]; }

  size_t size() const {
    size_t n = 0;
    for (const auto& shard : shards_) n += shard->size();
    return n;
  }
  size_t MemoryBytes() const {
    size_t bytes = 0;
    for (const auto& shard : shards_) bytes += shard->MemoryBytes();
    return bytes;
  }
  void Clear() {
    for (const auto& shard : shards_) shard->Clear();
  }

 private:
  uint64_t range_;
  std::vector<std::unique_ptr<SlabKeySet<Word>>> shards_;
};

}  // namespace oversight
