// The slots of the police menu a rule fills in (docs/RULES.md), as a typed set.
//
// A Slot names one key of a rule's `where`, `when`, `how_often`, `with` or `then` table;
// operators declare the slots they accept as a SlotSet, so a misspelt slot does not
// compile. SlotValues holds the values a rule gave to its operator slots (how_often, with,
// then) until its operator reads them into its own parameter struct. Thread-safety: plain
// values.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "scenario/policy_options.h"

namespace oversight {

// The largest how_often.at_least and distinct_companions of a companions rule.
inline constexpr int32_t kMaxCompanionsCount = 100;

// The first twenty-one slots are checked against the operator and the evidence (in this order);
// with.spouse and then.* choose the operator themselves.
enum class Slot : uint8_t {
  kWhereAt,
  kWhereNear,
  kWhereWithinM,
  kWhereNearbyM,
  kWhereAwayFromHome,
  kWhereTo,
  kWhereNumbers,
  kWhenHours,
  kWhenDays,
  kHowOftenAtLeast,
  kHowOftenWithinDays,
  kHowOftenNewAfterDays,
  kHowOftenDistinctCompanions,
  kHowOftenDwellMinutes,
  kHowOftenTotalMinutes,
  kHowOftenTimesNorm,
  kHowOftenTogetherBelow,
  kHowOftenSameNumber,
  kWithAtLeast,
  kWithWithinMinutes,
  kWithWho,
  kWithSpouse,
  kThenWhat,
  kThenTo,
  kThenWithinHours,
};
inline constexpr size_t kSlotCount = 25;
inline constexpr size_t kCheckedSlotCount = 21;  // slots before kWithSpouse

// "how_often.at_least".
std::string_view SlotName(Slot slot);
// "how_often".
std::string_view SlotSection(Slot slot);
// The kinds of evidence a slot applies to (where.to: tickets only, ...).
uint32_t SlotEvidenceBits(Slot slot);

// A set of slots.
class SlotSet {
 public:
  constexpr SlotSet() = default;
  constexpr SlotSet(std::initializer_list<Slot> slots) {
    for (Slot s : slots) bits_ |= Bit(s);
  }
  // Every slot.
  static constexpr SlotSet All() {
    SlotSet set;
    set.bits_ = (uint32_t{1} << kSlotCount) - 1;
    return set;
  }
  constexpr bool Contains(Slot s) const { return (bits_ & Bit(s)) != 0; }
  constexpr void Insert(Slot s) { bits_ |= Bit(s); }
  constexpr SlotSet operator|(SlotSet other) const { return FromBits(bits_ | other.bits_); }
  constexpr SlotSet operator-(SlotSet other) const { return FromBits(bits_ & ~other.bits_); }

 private:
  static constexpr uint32_t Bit(Slot s) { return uint32_t{1} << static_cast<unsigned>(s); }
  static constexpr SlotSet FromBits(uint32_t bits) {
    SlotSet set;
    set.bits_ = bits;
    return set;
  }
  uint32_t bits_ = 0;
};

// The slots every stream operator reads through its EventSource: where and when.
inline constexpr SlotSet kEventSlots = {
    Slot::kWhereAt, Slot::kWhereNear, Slot::kWhereWithinM, Slot::kWhereAwayFromHome,
    Slot::kWhereTo, Slot::kWhenHours, Slot::kWhenDays};

// A set of kinds of evidence.
class EvidenceSet {
 public:
  constexpr EvidenceSet() = default;
  constexpr EvidenceSet(std::initializer_list<Evidence> kinds) {
    for (Evidence e : kinds) bits_ |= Bit(e);
  }
  constexpr bool Contains(Evidence e) const { return (bits_ & Bit(e)) != 0; }
  constexpr uint32_t bits() const { return bits_; }

 private:
  static constexpr uint32_t Bit(Evidence e) { return uint32_t{1} << static_cast<unsigned>(e); }
  uint32_t bits_ = 0;
};

// The values a rule gave to its operator slots (how_often, with, then). Integers, list
// indices and enums are held as integers, fractions as doubles.
class SlotValues {
 public:
  bool Has(Slot s) const { return present_.Contains(s); }
  SlotSet present() const { return present_; }

  void SetInt(Slot s, int64_t value) {
    present_.Insert(s);
    ints_[Index(s)] = value;
  }
  void SetDouble(Slot s, double value) {
    present_.Insert(s);
    doubles_[Index(s)] = value;
  }
  // Marks a slot given whose value did not read cleanly (the rule is then not compiled).
  void MarkPresent(Slot s) { present_.Insert(s); }

  // The value, or `fallback` when the rule left the slot empty.
  int32_t Int(Slot s, int32_t fallback) const {
    return Has(s) ? static_cast<int32_t>(ints_[Index(s)]) : fallback;
  }
  uint32_t Who(Slot s, uint32_t fallback) const {
    return Has(s) ? static_cast<uint32_t>(ints_[Index(s)]) : fallback;
  }
  bool Bool(Slot s, bool fallback) const { return Has(s) ? ints_[Index(s)] != 0 : fallback; }
  double Double(Slot s, double fallback) const { return Has(s) ? doubles_[Index(s)] : fallback; }
  template <typename Enum>
  Enum EnumOf(Slot s, Enum fallback) const {
    return Has(s) ? static_cast<Enum>(ints_[Index(s)]) : fallback;
  }

 private:
  static size_t Index(Slot s) { return static_cast<size_t>(s); }
  SlotSet present_;
  std::array<int64_t, kSlotCount> ints_{};
  std::array<double, kSlotCount> doubles_{};
};

// What an operator's selector sees of a stream rule.
struct RuleShape {
  Evidence what = Evidence::kSighting;
  bool with_table = false;  // the rule has a `with` table
  bool then_table = false;  // the rule has a `then` table
  const SlotValues& slots;
};

}  // namespace oversight
