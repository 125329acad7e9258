// A slab of fixed-size slots of words, allocated in chunks and recycled through a free
// list: the storage of many small records of the same size (a rule's per-key state) with
// no per-record allocation and no vector doubling.
//
// A slot is named by a 32-bit number, valid until it is freed. Its words stay where they
// are while other slots are allocated (chunks are never moved), so a pointer from Words()
// stays valid until Free() or Clear(). A new slot's words are zero; a recycled slot's hold
// what its last user left (Allocate's callers initialise what they read).
//
// Thread-safety: none; one slab per thread at a time (e.g. one per shard).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace oversight {

template <typename Word>
class Slab {
 public:
  // Slots per chunk: 4,096.
  static constexpr uint32_t kChunkBits = 12;
  static constexpr uint32_t kChunkSlots = 1u << kChunkBits;

  // REQUIRES: slot_words > 0.
  explicit Slab(size_t slot_words) : slot_words_(slot_words) {}
  Slab(const Slab&) = delete;
  Slab& operator=(const Slab&) = delete;

  // A free slot: the most recently freed one, else a new one (a new chunk when the last is
  // full).
  uint32_t Allocate() {
    if (!free_.empty()) {
      const uint32_t slot = free_.back();
      free_.pop_back();
      return slot;
    }
    if (used_ == chunks_.size() * kChunkSlots) {
      chunks_.push_back(std::make_unique<Word[]>(kChunkSlots * slot_words_));
    }
    return used_++;
  }
  // Returns `slot` for reuse. REQUIRES: it was allocated and not freed since.
  void Free(uint32_t slot) { free_.push_back(slot); }

  // The slot's words (slot_words() of them).
  Word* Words(uint32_t slot) const {
    return chunks_[slot >> kChunkBits].get() + (slot & (kChunkSlots - 1)) * slot_words_;
  }

  // Frees every slot, and the memory of the chunks and the free list.
  void Clear() {
    chunks_.clear();
    used_ = 0;
    std::vector<uint32_t>().swap(free_);
  }

  size_t slot_words() const { return slot_words_; }
  // Slots ever allocated, freed or not.
  uint32_t slots_used() const { return used_; }
  // Slots on the free list.
  size_t slots_free() const { return free_.size(); }
  // The bytes the chunks and the free list hold.
  size_t MemoryBytes() const {
    return chunks_.size() * kChunkSlots * slot_words_ * sizeof(Word) +
           free_.capacity() * sizeof(uint32_t);
  }

 private:
  size_t slot_words_;
  std::vector<std::unique_ptr<Word[]>> chunks_;  // kChunkSlots slots each
  uint32_t used_ = 0;                            // slots ever allocated
  std::vector<uint32_t> free_;                   // slots freed, to reuse last first
};

}  // namespace oversight
