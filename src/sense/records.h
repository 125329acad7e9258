// Records the authorities can obtain besides camera sightings and ticket checks: phone
// carriers' call records, dark phones and phone locations, electronic payments, hotel
// registrations, plate reads at road checkpoints and household utility meters.
//
// Like observations, records name the person the records *say* (a vehicle's registered
// owner, a number's registered subscriber), never the truth. The sensors write them per
// block of persons (BlockRecords); the rules read the day's as one view (DayRecords).
// Each record type names its stream in the table of evidence (core/evidence.h, kStream);
// BlockRecords and DayRecords list their kinds once (ForEachRecordKind), and clearing, viewing
// and counting go through that list.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <type_traits>
#include <vector>

#include "core/evidence.h"
#include "core/ids.h"
#include "core/sim_time.h"

namespace oversight {

struct CallRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kCallRecords;
  Minute time = 0;
  PersonId caller;  // the registered subscriber of `from`
  uint32_t from = 0;
  uint32_t to = 0;  // a PhoneNumber (world/phone_number.h): a resident's or out-of-town
};

// A phone that stopped reaching the network.
struct DarkRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kPhonesDark;
  Minute since = 0;
  PersonId person;
};

struct PaymentRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kPayments;
  Minute time = 0;
  PersonId person;
  PlaceId place;
  float amount = 0;  // yuan
};

// A guest registered with their ID when checking into a hotel for the night.
struct CheckInRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kHotelRegistrations;
  Minute time = 0;
  PersonId person;
  PlaceId hotel;
};

// A vehicle's plate read at a road checkpoint.
struct PlateRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kPlateReads;
  Minute time = 0;
  uint32_t vehicle = 0;  // the plate read (a misread names another vehicle)
  PersonId owner;        // its registered owner; invalid for a hired car
};

// A phone located at a place over a stay [enter, leave) (cell and Wi-Fi positioning): only
// stays the phone was on throughout. Unlike a camera, it knows when the person left.
struct LocationRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kPhoneLocations;
  PersonId person;  // the phone's registered subscriber
  PlaceId place;
  Minute enter = 0;
  Minute leave = 0;
};

// A household's meters over one day, with the residents the register lists.
struct MeterRecord {
  static constexpr EvidenceStream kStream = EvidenceStream::kMeterReadings;
  HouseholdId household;
  uint8_t registered = 0;  // residents on the register
  float water_l = 0;
  float power_kwh = 0;
};

// Clears a vector refilled every day, keeping room for an eighth more than the most it has
// held on any day (`*most`, updated here) rather than whatever its doubling left, which at
// a country's size is hundreds of megabytes of spare room.
// The vector is reallocated only when its room is a quarter over that.
template <typename T>
void ClearKeepingRoom(std::vector<T>* v, uint32_t* most) {
  *most = std::max(*most, static_cast<uint32_t>(v->size()));
  const size_t room = *most + *most / 8 + 16;
  if (v->capacity() > room + room / 4) {
    std::vector<T> fresh;
    fresh.reserve(room);
    v->swap(fresh);
  } else {
    v->clear();
  }
}

// Calls f(member) for each kind of record of `records` (a BlockRecords' vectors or a
// DayRecords' ranges, which name their members alike), always in this order: the one list a
// new kind of record is added to.
template <typename Records, typename F>
void ForEachRecordKind(Records& records, const F& f) {
  f(records.calls);
  f(records.dark);
  f(records.payments);
  f(records.check_ins);
  f(records.plates);
  f(records.meters);
  f(records.locations);
}

// The records of one block of persons (or, for meters, of every household) for one day,
// as the sensors write them.
struct BlockRecords {
  std::vector<CallRecord> calls;
  std::vector<DarkRecord> dark;
  std::vector<PaymentRecord> payments;
  std::vector<CheckInRecord> check_ins;
  std::vector<PlateRecord> plates;
  std::vector<MeterRecord> meters;
  std::vector<LocationRecord> locations;  // person order, then time

  // Records recorded but not kept, by stream (Sensors::KeepUnreadRecords: payments and
  // plate reads).
  std::array<uint32_t, kEvidenceStreamCount> unkept{};
  // The most records of each stream these vectors have held on any day (ClearForDay).
  std::array<uint32_t, kEvidenceStreamCount> most{};

  // The vector of records of type T.
  template <typename T>
  const std::vector<T>& Of() const {
    const std::vector<T>* found = nullptr;
    ForEachRecordKind(*this, [&](const auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::vector<T>>) found = &v;
    });
    return *found;
  }

  void Clear() {
    ForEachRecordKind(*this, [](auto& v) { v.clear(); });
    unkept = {};
  }
  // Clear, and keeping each vector's room close to the most it has held.
  void ClearForDay() {
    ForEachRecordKind(*this, [this](auto& v) {
      using T = typename std::decay_t<decltype(v)>::value_type;
      ClearKeepingRoom(&v, &most[Index(T::kStream)]);
    });
    unkept = {};
  }
};

// A day's records of one kind: the blocks' vectors one after another, without copying them.
// Iterates like one vector (ForEach is the faster loop). Valid while the blocks are.
template <typename T>
class RecordRange {
 public:
  using value_type = T;

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    Iterator() = default;
    Iterator(const std::vector<std::span<const T>>* pieces, size_t piece)
        : pieces_(pieces), piece_(piece) {
      if (piece_ < pieces_->size()) at_ = (*pieces_)[piece_].data();
    }
    const T& operator*() const { return *at_; }
    const T* operator->() const { return at_; }
    Iterator& operator++() {
      if (++at_ == (*pieces_)[piece_].data() + (*pieces_)[piece_].size()) {
        ++piece_;
        at_ = piece_ < pieces_->size() ? (*pieces_)[piece_].data() : nullptr;
      }
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.piece_ == b.piece_ && a.at_ == b.at_;
    }

   private:
    const std::vector<std::span<const T>>* pieces_ = nullptr;
    size_t piece_ = 0;
    const T* at_ = nullptr;
  };

  // Appends a block's records (kept by reference; empty ones are skipped).
  void Add(const std::vector<T>& block) {
    if (block.empty()) return;
    pieces_.emplace_back(block.data(), block.size());
    size_ += block.size();
  }
  void Clear() {
    pieces_.clear();
    size_ = 0;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Iterator begin() const { return Iterator(&pieces_, 0); }
  Iterator end() const { return Iterator(&pieces_, pieces_.size()); }
  // The blocks' records, in order.
  const std::vector<std::span<const T>>& pieces() const { return pieces_; }
  template <typename F>
  void ForEach(const F& f) const {
    for (std::span<const T> piece : pieces_) {
      for (const T& record : piece) f(record);
    }
  }

 private:
  std::vector<std::span<const T>> pieces_;
  size_t size_ = 0;
};

// The day's records of every kind, each in a fixed, deterministic order (blocks in person
// order, meters in household order) independent of the thread count. A view of the blocks
// the sensors wrote: the records are held once.
struct DayRecords {
  RecordRange<CallRecord> calls;
  RecordRange<DarkRecord> dark;
  RecordRange<PaymentRecord> payments;
  RecordRange<CheckInRecord> check_ins;
  RecordRange<PlateRecord> plates;
  RecordRange<MeterRecord> meters;
  RecordRange<LocationRecord> locations;  // person order, then time
  // Recorded, counted, but not kept (Sensors::KeepUnreadRecords), by stream: in count()
  // and size(), not in the ranges.
  std::array<size_t, kEvidenceStreamCount> unkept{};

  DayRecords() = default;
  // A view of one block's records.
  explicit DayRecords(const BlockRecords& block) { Add(block); }

  // The records of `stream` the sensors made today, kept or not (0 for the observation
  // streams, which are not records).
  size_t count(EvidenceStream stream) const {
    size_t n = unkept[Index(stream)];
    ForEachRecordKind(*this, [&](const auto& range) {
      using T = typename std::decay_t<decltype(range)>::value_type;
      if (T::kStream == stream) n += range.size();
    });
    return n;
  }
  // Adds the day's count of each kind of record to `counts`.
  void AddCounts(EvidenceCounts* counts) const {
    ForEachRecordKind(*this, [&](const auto& range) {
      using T = typename std::decay_t<decltype(range)>::value_type;
      (*counts)[Index(T::kStream)] += range.size();
    });
    for (size_t s = 0; s < kEvidenceStreamCount; ++s) (*counts)[s] += unkept[s];
  }
  // Every record of the day, kept or not.
  size_t size() const {
    size_t n = 0;
    ForEachRecordKind(*this, [&](const auto& range) { n += range.size(); });
    for (size_t u : unkept) n += u;
    return n;
  }
  void Clear() {
    ForEachRecordKind(*this, [](auto& range) { range.Clear(); });
    unkept = {};
  }
  // Appends `block`'s records after those already viewed (kept by reference).
  void Add(const BlockRecords& block) {
    ForEachRecordKind(*this, [&](auto& range) {
      using T = typename std::decay_t<decltype(range)>::value_type;
      range.Add(block.Of<T>());
    });
    for (size_t s = 0; s < kEvidenceStreamCount; ++s) unkept[s] += block.unkept[s];
  }
};

}  // namespace oversight
