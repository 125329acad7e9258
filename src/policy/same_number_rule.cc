// The same-number operator ("too many calls to the same number", the drug-user tripwire): a
// person on `who` who makes at least `how_often.at_least` calls to ONE number within the last
// `how_often.within_days` days (today included) is alerted at the call that brings the count
// for that number to `at_least`. The (caller, number) tripwire then stays quiet until the
// count for that number falls below `at_least` in the sliding window, and re-arms.
//
// State: per (caller, number) pair called within the window, the days of its recent calls
// and whether the tripwire is armed; each call updates only its own pair (no rescan of
// history), and pairs whose calls all left the window are dropped weekly. The count between
// two calls of a pair only falls, so the count just before a call (after the window slid)
// is the lowest since the previous call: the pair re-arms exactly when that is below
// `at_least`. Calls come in record order (caller, then time), so the result does not depend
// on the number of threads.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <cassert>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "scenario/operator_registry.h"

namespace oversight {

namespace {

// The same-number operator's parameters (how_often).
struct SameNumberParams {
  int32_t at_least = 2;     // calls to one number ...
  int32_t within_days = 1;  // ... within this many days, today included
};

// One (caller, number) pair's recent calls.
struct PairCalls {
  std::vector<Day> days;  // the days of its calls within the window, oldest first
  bool armed = true;      // whether reaching `at_least` alerts

  template <class Archive>
  void serialize(Archive& archive) {
    archive(days, armed);
  }
};

class SameNumberRule final : public CompiledRule {
 public:
  SameNumberRule(const RuleOptions& rule, const RuleContext& context)
      : params_(rule.Params<SameNumberParams>()), source_(rule, context) {
    assert(rule.what == Evidence::kCall && "the loader enforces what = \"call\"");
    assert(params_.at_least >= 2 && "the loader enforces at_least >= 2");
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);
    for (const Event& e : events_) {
      const uint64_t key = static_cast<uint64_t>(e.person.value) << 32 | e.counterpart;
      PairCalls& pair = pairs_[key];
      Slide(day.day, &pair.days);
      if (static_cast<int32_t>(pair.days.size()) < params_.at_least) pair.armed = true;
      pair.days.push_back(day.day);
      if (!pair.armed || static_cast<int32_t>(pair.days.size()) < params_.at_least) continue;
      pair.armed = false;
      sink->Emit(e.time, e.person);
    }
    if (day.day % 7 == 0) Prune(day.day);
  }

  size_t StateBytes() const override {
    size_t bytes = pairs_.capacity() * (sizeof(uint64_t) + sizeof(PairCalls) + 1);
    for (const auto& [key, pair] : pairs_) bytes += pair.days.capacity() * sizeof(Day);
    return bytes;
  }
  size_t StateKeys() const override { return pairs_.size(); }

  void Save(SnapshotWriter& out) const override { out(pairs_); }
  void Load(SnapshotReader& in) override { in(pairs_); }

 private:
  // Drops the days that left the window ending on `today`.
  void Slide(Day today, std::vector<Day>* days) const {
    size_t stale = 0;
    while (stale < days->size() && (*days)[stale] <= today - params_.within_days) ++stale;
    days->erase(days->begin(), days->begin() + static_cast<std::ptrdiff_t>(stale));
  }

  // Drops pairs without a call in the window: their count is 0, so they would re-arm anyway.
  void Prune(Day today) {
    absl::erase_if(pairs_, [&](const auto& entry) {
      return entry.second.days.empty() || entry.second.days.back() <= today - params_.within_days;
    });
  }

  const SameNumberParams& params_;
  EventSource source_;
  std::vector<Event> events_;
  absl::flat_hash_map<uint64_t, PairCalls> pairs_;  // caller << 32 | number -> calls
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<SameNumberRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kCall}, "how_often.same_number (calls to one number)");
  SameNumberParams p;
  if (!slots.Bool(Slot::kHowOftenSameNumber, false)) {
    ctx.Fail(Slot::kHowOftenSameNumber,
             "how_often.same_number = false counts calls to any number: leave it out");
  }
  if (!slots.Has(Slot::kHowOftenAtLeast)) {
    ctx.Fail(Slot::kHowOftenSameNumber,
             "how_often.same_number needs how_often.at_least (the calls to one number that "
             "alert, e.g. 5)");
  }
  p.at_least = slots.Int(Slot::kHowOftenAtLeast, p.at_least);
  p.within_days = slots.Int(Slot::kHowOftenWithinDays, p.within_days);
  if (p.at_least < 2) {
    ctx.Fail(Slot::kHowOftenAtLeast,
             fmt::format("how_often.at_least ({}) must be at least 2 with same_number: one call "
                         "is any call (a rule without how_often says that)",
                         p.at_least));
  }
  return p;
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>&) {
  const SameNumberParams& p = rule.Params<SameNumberParams>();
  return fmt::format(", at least {} calls to the same number within {} day{}", p.at_least,
                     p.within_days, p.within_days == 1 ? "" : "s");
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const SameNumberParams& p = rule.Params<SameNumberParams>();
  out->at_least = p.at_least;
  out->within_days = p.within_days;
}

const OperatorRegistrar kSameNumber({
    .name = "same_number",
    .precedence = 22,
    .accepts = kEventSlots | SlotSet{Slot::kWhereNumbers, Slot::kHowOftenAtLeast,
                                     Slot::kHowOftenWithinDays, Slot::kHowOftenSameNumber},
    .evidence = {Evidence::kCall},
    .selects = [](const RuleShape& shape) { return shape.slots.Has(Slot::kHowOftenSameNumber); },
    .read = Read,
    .describe = Describe,
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
