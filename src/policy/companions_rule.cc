// The companions operator: a person on `who` who keeps entering the same place (not their
// home, with `where.away_from_home`) with varying companions.
//
// A companion of an entry is a person on `with.who` (someone else) arriving at the same
// place within `with.within_minutes` of it, before or after: all a camera at a gate can
// tell. Keyed by (person, place), over the last `how_often.within_days` days: the latest
// `at_least` entries and the `distinct_companions` most recently seen companions, each
// with its latest day (all the test below needs). The person is alerted at the entry that makes
// both entries >= `how_often.at_least` and distinct companions >= `how_often.distinct_companions`
// hold; the key re-arms when they stop holding at a later entry.
//
// The keys' state is a ShardedKeySet (policy/sharded_set.h) of PackedDayKey states
// (policy/packed_day_keys.h), sharded by place.
#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <vector>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "policy/packed_day_keys.h"
#include "policy/sharded_set.h"
#include "scenario/operator_registry.h"
#include "scenario/rule_words.h"

namespace oversight {

namespace {

// The companions operator's parameters (how_often and with).
struct CompanionsParams {
  int32_t at_least = 1;             // entries into the place within the window
  int32_t within_days = 1;          // the sliding window, today included
  int32_t distinct_companions = 0;  // different companions within the window
  uint32_t who = kEveryone;         // with.who: the list companions must be on
  int32_t within_minutes = 120;     // with.within_minutes: arrivals this close are companions
};

class CompanionsRule final : public CompiledRule {
 public:
  CompanionsRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        params_(rule.Params<CompanionsParams>()),
        context_(context),
        source_(rule, context),
        places_(context.city.place_count()),
        entered_(places_, 0),
        keys_(kShards, places_, StateWords()),
        shards_(kShards) {
    assert(params_.at_least <= kMaxCompanionsCount &&
           params_.distinct_companions <= kMaxCompanionsCount &&
           "the loader enforces the companions limits the slots are sized for");
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    for (Shard& shard : shards_) {
      shard.entries.clear();
      shard.others.clear();
    }
    // The keys hold a place, so the places' shards are independent: arrivals go to their
    // place's shard, and each shard is then a task with its own arrivals, keys and alerts.
    ArrivalsOut own{this, /*entries=*/true};
    source_.CollectOwn(day, &own);
    // Only arrivals at a place someone on `who` entered today can be companions: the others
    // are never looked at, so they are not kept (at a country's size they would be most of
    // the rule's memory).
    for (const Shard& shard : shards_) {
      for (const Arrival& e : shard.entries) entered_[e.place] = 1;
    }
    ArrivalsOut at_entered{this, /*entries=*/false};
    source_.Collect(
        day, rule_.what, rule_.where.to,
        [&](PersonId p) { return context_.Watched(params_.who, p); }, &at_entered,
        /*personal=*/false);
    for (const Shard& shard : shards_) {
      for (const Arrival& e : shard.entries) entered_[e.place] = 0;
    }
    tbb::parallel_for(tbb::blocked_range<size_t>(0, kShards, 1),
                      [&](const tbb::blocked_range<size_t>& range) {
                        for (size_t s = range.begin(); s != range.end(); ++s) {
                          Shard* shard = &shards_[s];
                          SortByPlace(&shard->entries);
                          SortByPlace(&shard->others);
                          EvaluateShard(day.day, &keys_.shard(s), shard);
                        }
                      });
    for (Shard& shard : shards_) {
      for (const auto& [time, person] : shard.alerts) sink->Emit(time, person);
      shard.alerts.clear();
    }
  }

  size_t StateBytes() const override { return keys_.MemoryBytes(); }
  size_t StateKeys() const override { return keys_.size(); }

 private:
  // Shards of the keys (keys_).
  static constexpr size_t kShards = 8;
  // An arrival as this rule needs it (a third smaller than an Event).
  struct Arrival {
    Minute time;
    uint32_t person;
    uint32_t place;
  };
  using KeySet = SlabKeySet<uint16_t>;
  // A shard's day: today's arrivals at its places, by the rule's own (entries) and by those
  // it pairs with (others), each sorted by place, then time and person; and its alerts.
  struct Shard {
    std::vector<Arrival> entries, others;
    std::vector<std::pair<Minute, PersonId>> alerts;
  };
  // Collects arrivals into their place's shard: the rule's entries, or the others at the
  // places entered today (entered_).
  struct ArrivalsOut {
    CompanionsRule* rule;
    bool entries;
    void push_back(const Event& e) {
      if (!entries && rule->entered_[e.place.index()] == 0) return;
      Shard& shard = rule->shards_[rule->keys_.ShardOf(e.place.value)];
      (entries ? shard.entries : shard.others)
          .push_back(Arrival{e.time, e.person.value, e.place.value});
    }
  };
  void EvaluateShard(Day today_day, KeySet* keys, Shard* shard) {
    const int32_t near = params_.within_minutes;
    const int32_t window = params_.within_days;
    const auto at_least = static_cast<uint32_t>(params_.at_least);
    const auto distinct = static_cast<uint32_t>(params_.distinct_companions);
    const uint16_t today = PackedDayKey::Day16(today_day);
    // Stale: a day <= today - window (days are >= 0; `window` may exceed today).
    auto stale = [&](uint32_t d) { return static_cast<int64_t>(d) <= today_day - window; };
    const std::vector<Arrival>& others = shard->others;
    const size_t others_end = others.size();
    size_t lo = 0;  // first companion candidate at the entry's place, within `near` before
    for (const Arrival& entry : shard->entries) {
      while (lo < others_end &&
             (others[lo].place < entry.place ||
              (others[lo].place == entry.place && others[lo].time < entry.time - near))) {
        ++lo;
      }
      const PackedDayKey key =
          KeyView(keys->FindOrAdd(static_cast<uint64_t>(entry.person) << 32 | entry.place));
      // Drop what left the window, keeping the order (entries oldest first).
      uint32_t kept = 0;
      for (uint32_t k = 0; k < key.entries(); ++k) {
        if (!stale(key.entry(k))) key.entry(kept++) = key.entry(k);
      }
      key.set_entries(kept);
      kept = 0;
      for (uint32_t k = 0; k < key.companions(); ++k) {
        if (stale(key.seen(k))) continue;
        key.set_companion(kept, key.companion(k));
        key.seen(kept++) = key.seen(k);
      }
      key.set_companions(kept);
      // Only the most recent `at_least` entries matter: there are at least that many in the
      // window exactly when the at_least-th most recent one is in it.
      if (key.entries() >= at_least) {
        for (uint32_t k = 1; k < key.entries(); ++k) key.entry(k - 1) = key.entry(k);
        key.set_entries(key.entries() - 1);
      }
      key.entry(key.entries()) = today;
      key.set_entries(key.entries() + 1);
      for (size_t k = lo;
           k < others_end && others[k].place == entry.place && others[k].time <= entry.time + near;
           ++k) {
        const uint32_t companion = others[k].person;
        if (companion == entry.person) continue;
        uint32_t found = 0;
        while (found < key.companions() && key.companion(found) != companion) ++found;
        if (found < key.companions()) {
          key.seen(found) = today;
        } else if (key.companions() < distinct) {
          key.set_companion(found, companion);
          key.seen(found) = today;
          key.set_companions(found + 1);
        } else {
          // Likewise only the `distinct_companions` most recently seen companions matter:
          // the new one replaces the one seen longest ago (the first of them).
          uint32_t oldest = 0;
          for (uint32_t c = 1; c < key.companions(); ++c) {
            if (key.seen(c) < key.seen(oldest)) oldest = c;
          }
          key.set_companion(oldest, companion);
          key.seen(oldest) = today;
        }
      }
      const bool holds = key.entries() >= at_least && key.companions() >= distinct;
      if (holds && !key.fired()) shard->alerts.emplace_back(entry.time, entry.person);
      key.set_fired(holds);
    }
    if (today_day % 7 == 0) {
      keys->EraseIf([&](uint64_t, const uint16_t* state) {
        const ConstPackedDayKey key = KeyView(state);
        return key.entries() == 0 || stale(key.entry(key.entries() - 1));
      });
    }
  }

 public:
  // Checkpoints hold each key's entries and companions in key order, whatever the slots.
  void Save(SnapshotWriter& out) const override {
    std::map<uint64_t, Key> keys;
    for (size_t s = 0; s < keys_.shard_count(); ++s) {
      keys_.shard(s).ForEach([&](uint64_t id, const uint16_t* state) {
        const ConstPackedDayKey key = KeyView(state);
        Key& saved = keys[id];
        for (uint32_t k = 0; k < key.entries(); ++k) saved.entries.push_back(key.entry(k));
        for (uint32_t k = 0; k < key.companions(); ++k) {
          saved.companions.emplace_back(key.companion(k), key.seen(k));
        }
        saved.fired = key.fired();
      });
    }
    out(keys);
  }
  void Load(SnapshotReader& in) override {
    std::map<uint64_t, Key> keys;
    in(keys);
    keys_.Clear();
    for (Shard& shard : shards_) shard.alerts.clear();
    for (const auto& [id, saved] : keys) {
      if (saved.entries.size() > static_cast<size_t>(params_.at_least) ||
          saved.companions.size() > static_cast<size_t>(params_.distinct_companions)) {
        throw cereal::Exception("companions state larger than the rule keeps");
      }
      const PlaceId place(static_cast<uint32_t>(id & 0xFFFFFFFFu));
      if (place.index() >= places_) throw cereal::Exception("companions state of another city");
      const PackedDayKey key = KeyView(keys_.shard(keys_.ShardOf(place.value)).FindOrAdd(id));
      for (uint32_t k = 0; k < saved.entries.size(); ++k) {
        key.entry(k) = static_cast<uint16_t>(saved.entries[k]);
      }
      key.set_entries(static_cast<uint32_t>(saved.entries.size()));
      for (uint32_t k = 0; k < saved.companions.size(); ++k) {
        key.set_companion(k, saved.companions[k].first);
        key.seen(k) = static_cast<uint16_t>(saved.companions[k].second);
      }
      key.set_companions(static_cast<uint32_t>(saved.companions.size()));
      key.set_fired(saved.fired);
    }
  }

 private:
  // Sorts a shard's arrivals by place, then time and person (EventBefore's order within a
  // place). Sightings come in the observation order (time, place, person), so for them a
  // stable counting sort on the place gives that order in linear time (the comparison sorts
  // were a third of this rule's time); phone locations come in person order and need the
  // whole comparison.
  void SortByPlace(std::vector<Arrival>* events) {
    if (events->size() < 2) return;
    if (rule_.what != Evidence::kSighting) {
      std::sort(events->begin(), events->end(), [](const Arrival& a, const Arrival& b) {
        if (a.place != b.place) return a.place < b.place;
        if (a.time != b.time) return a.time < b.time;
        return a.person < b.person;
      });
      return;
    }
    uint32_t lo = UINT32_MAX, hi = 0;
    for (const Arrival& e : *events) {
      lo = std::min(lo, e.place);
      hi = std::max(hi, e.place);
    }
    Scratch& scratch = scratch_.local();
    std::vector<uint32_t>& starts = scratch.starts;
    starts.assign(static_cast<size_t>(hi - lo) + 2, 0);
    for (const Arrival& e : *events) ++starts[e.place - lo + 1];
    for (size_t k = 1; k < starts.size(); ++k) starts[k] += starts[k - 1];
    scratch.sorted.resize(events->size());
    for (const Arrival& e : *events) scratch.sorted[starts[e.place - lo]++] = e;
    // The scratch (one per thread) is all the copy there is: a shard's arrivals, not the day's.
    events->swap(scratch.sorted);
  }

  // A key's state (PackedDayKey): the latest `at_least` entries and the
  // `distinct_companions` most recently seen companions.
  size_t StateWords() const {
    return 2 + static_cast<size_t>(params_.at_least) +
           3 * static_cast<size_t>(params_.distinct_companions);
  }
  template <typename Word>
  PackedDayKeyView<Word> KeyView(Word* state) const {
    return PackedDayKeyView<Word>(state, static_cast<uint32_t>(params_.at_least));
  }

  // A key as checkpoints hold it.
  struct Key {
    std::vector<uint32_t> entries;
    std::vector<std::pair<uint32_t, uint32_t>> companions;
    bool fired = false;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(entries, companions, fired);
    }
  };

  const RuleOptions& rule_;
  const CompanionsParams& params_;
  const RuleContext& context_;
  EventSource source_;
  // SortByPlace's: the counts, then each place's next position; the arrivals in order.
  struct Scratch {
    std::vector<uint32_t> starts;
    std::vector<Arrival> sorted;
  };
  tbb::enumerable_thread_specific<Scratch> scratch_;
  size_t places_;
  std::vector<uint8_t> entered_;  // per place: entered today by someone on `who`
  // The keys (person << 32 | place), sharded by place in kShards stretches of ids (a fixed
  // number, so the work does not depend on the thread count), and each shard's day.
  ShardedKeySet<uint16_t> keys_;
  std::vector<Shard> shards_;
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<CompanionsRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kSighting, Evidence::kLocation}, "companions");
  CompanionsParams p;
  p.at_least = slots.Int(Slot::kHowOftenAtLeast, p.at_least);
  p.within_days = slots.Int(Slot::kHowOftenWithinDays, p.within_days);
  p.distinct_companions = slots.Int(Slot::kHowOftenDistinctCompanions, p.distinct_companions);
  p.who = slots.Who(Slot::kWithWho, p.who);
  p.within_minutes = slots.Int(Slot::kWithWithinMinutes, p.within_minutes);
  // The rule keeps each (person, place)'s latest entries and companions in one slot.
  if (p.at_least > kMaxCompanionsCount) {
    ctx.Fail("how_often",
             fmt::format("a companions rule counts at most {} entries (how_often.at_least)",
                         kMaxCompanionsCount));
  }
  return p;
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>&) {
  const CompanionsParams& p = rule.Params<CompanionsParams>();
  return fmt::format(
      ", at least {} entries with {} different companions (arriving within {}) within {} days",
      p.at_least, p.distinct_companions, MinutesWords(p.within_minutes), p.within_days);
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const CompanionsParams& p = rule.Params<CompanionsParams>();
  out->at_least = p.at_least;
  out->within_days = p.within_days;
  out->distinct_companions = p.distinct_companions;
  out->with_present = true;
  out->with_who = p.who;
  out->with_within_minutes = p.within_minutes;
}

const OperatorRegistrar kCompanions({
    .name = "companions",
    .precedence = 60,
    .accepts = kEventSlots | SlotSet{Slot::kHowOftenAtLeast, Slot::kHowOftenWithinDays,
                                     Slot::kHowOftenDistinctCompanions, Slot::kWithWho,
                                     Slot::kWithWithinMinutes},
    .evidence = {Evidence::kSighting, Evidence::kLocation},
    .selects =
        [](const RuleShape& shape) {
          return shape.with_table && shape.slots.Has(Slot::kHowOftenDistinctCompanions);
        },
    .read = Read,
    .describe = Describe,
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
