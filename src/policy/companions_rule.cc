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
#include <absl/container/flat_hash_map.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <map>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class CompanionsRule final : public CompiledRule {
 public:
  CompanionsRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        context_(context),
        source_(rule, context),
        places_(context.city.place_count()) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    entries_.clear();
    others_.clear();
    source_.CollectOwn(day, &entries_);
    source_.Collect(
        day, rule_.what, rule_.where.to,
        [&](PersonId p) { return context_.Watched(rule_.with.who, p); }, &others_,
        /*personal=*/false);
    // By place, then EventBefore. Sightings come in the observation order (time, place,
    // person), so for them a stable counting sort on the place gives that order in linear
    // time (the comparison sorts were a third of this rule's time); phone locations come
    // in person order and need the whole comparison.
    if (rule_.what == Evidence::kSighting) {
      SortByPlace(&entries_);
      SortByPlace(&others_);
    } else {
      auto by_place = [](const Event& a, const Event& b) {
        if (a.place != b.place) return a.place < b.place;
        return EventBefore(a, b);
      };
      std::sort(entries_.begin(), entries_.end(), by_place);
      std::sort(others_.begin(), others_.end(), by_place);
    }
    // The keys hold a place, so the places' shards are independent: each is a task with
    // its own keys and alerts (entries and arrivals are in place order, so a shard's are
    // one stretch of each).
    tbb::parallel_for(tbb::blocked_range<size_t>(0, kShards, 1),
                      [&](const tbb::blocked_range<size_t>& range) {
                        for (size_t s = range.begin(); s != range.end(); ++s) {
                          EvaluateShard(day.day, s, &shards_[s]);
                        }
                      });
    for (Shard& shard : shards_) {
      for (const auto& [time, person] : shard.alerts) sink->Emit(time, person);
      shard.alerts.clear();
    }
  }

  size_t StateBytes() const override {
    size_t bytes = 0;
    for (const Shard& shard : shards_) {
      bytes += shard.keys.capacity() * (sizeof(uint64_t) + sizeof(uint32_t) + 1) +
               (shard.pool.capacity() + shard.free.capacity()) * sizeof(uint32_t);
    }
    return bytes;
  }
  size_t StateKeys() const override {
    size_t keys = 0;
    for (const Shard& shard : shards_) keys += shard.keys.size();
    return keys;
  }

 private:
  // Keys by place: the places in kShards stretches of ids (a fixed number, so the work
  // does not depend on the thread count).
  static constexpr size_t kShards = 8;
  struct Shard {
    absl::flat_hash_map<uint64_t, uint32_t> keys;  // (person, place) -> slot
    std::vector<uint32_t> pool;                    // the slots, SlotWords() words each
    std::vector<uint32_t> free;                    // slots of keys dropped
    std::vector<std::pair<Minute, PersonId>> alerts;
  };
  size_t ShardOf(PlaceId place) const {
    return static_cast<size_t>(place.value) * kShards / std::max<size_t>(places_, 1);
  }
  // The first of `events` (in place order) whose place is in shard `s` or later.
  size_t ShardStart(const std::vector<Event>& events, size_t s) const {
    return static_cast<size_t>(
        std::partition_point(events.begin(), events.end(),
                             [&](const Event& e) { return ShardOf(e.place) < s; }) -
        events.begin());
  }

  void EvaluateShard(Day today_day, size_t s, Shard* shard) {
    const int32_t near = rule_.with.within_minutes;
    const int32_t window = rule_.how_often.within_days;
    const auto at_least = static_cast<uint32_t>(rule_.how_often.at_least);
    const auto distinct = static_cast<uint32_t>(rule_.how_often.distinct_companions);
    const auto today = static_cast<uint32_t>(today_day);
    // Stale: a day <= today - window (days are >= 0; `window` may exceed today).
    auto stale = [&](uint32_t d) { return static_cast<int64_t>(d) <= today_day - window; };
    const size_t end = ShardStart(entries_, s + 1);
    const size_t others_end = ShardStart(others_, s + 1);
    size_t lo = ShardStart(others_, s);  // first companion candidate at the entry's place,
                                         // within `near` before
    for (size_t i = ShardStart(entries_, s); i < end; ++i) {
      const Event& entry = entries_[i];
      while (lo < others_end &&
             (others_[lo].place < entry.place ||
              (others_[lo].place == entry.place && others_[lo].time < entry.time - near))) {
        ++lo;
      }
      Slot key = SlotOf(shard, static_cast<uint64_t>(entry.person.value) << 32 | entry.place.value);
      // Drop what left the window, keeping the order (entries oldest first).
      uint32_t kept = 0;
      for (uint32_t k = 0; k < key.entries(); ++k) {
        if (!stale(key.entry(k))) key.entry(kept++) = key.entry(k);
      }
      key.set_entries(kept);
      kept = 0;
      for (uint32_t k = 0; k < key.companions(); ++k) {
        if (stale(key.seen(k))) continue;
        key.companion(kept) = key.companion(k);
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
      for (size_t k = lo; k < others_end && others_[k].place == entry.place &&
                          others_[k].time <= entry.time + near;
           ++k) {
        const uint32_t companion = others_[k].person.value;
        if (companion == entry.person.value) continue;
        uint32_t found = 0;
        while (found < key.companions() && key.companion(found) != companion) ++found;
        if (found < key.companions()) {
          key.seen(found) = today;
        } else if (key.companions() < distinct) {
          key.companion(found) = companion;
          key.seen(found) = today;
          key.set_companions(found + 1);
        } else {
          // Likewise only the `distinct_companions` most recently seen companions matter:
          // the new one replaces the one seen longest ago (the first of them).
          uint32_t oldest = 0;
          for (uint32_t c = 1; c < key.companions(); ++c) {
            if (key.seen(c) < key.seen(oldest)) oldest = c;
          }
          key.companion(oldest) = companion;
          key.seen(oldest) = today;
        }
      }
      const bool holds = key.entries() >= at_least && key.companions() >= distinct;
      if (holds && !key.fired()) shard->alerts.emplace_back(entry.time, entry.person);
      key.set_fired(holds);
    }
    if (today_day % 7 == 0) {
      absl::erase_if(shard->keys, [&](const auto& entry) {
        const Slot key = SlotAt(*shard, entry.second);
        if (key.entries() > 0 && !stale(key.entry(key.entries() - 1))) return false;
        shard->free.push_back(entry.second);
        return true;
      });
    }
  }

 public:
  // Checkpoints hold each key's entries and companions in key order, whatever the slots.
  void Save(SnapshotWriter& out) const override {
    std::map<uint64_t, Key> keys;
    for (const Shard& shard : shards_) {
      for (const auto& [id, slot] : shard.keys) {
        const Slot key = SlotAt(shard, slot);
        Key& saved = keys[id];
        for (uint32_t k = 0; k < key.entries(); ++k) saved.entries.push_back(key.entry(k));
        for (uint32_t k = 0; k < key.companions(); ++k) {
          saved.companions.emplace_back(key.companion(k), key.seen(k));
        }
        saved.fired = key.fired();
      }
    }
    out(keys);
  }
  void Load(SnapshotReader& in) override {
    std::map<uint64_t, Key> keys;
    in(keys);
    for (Shard& shard : shards_) shard = Shard();
    for (const auto& [id, saved] : keys) {
      if (saved.entries.size() > static_cast<size_t>(rule_.how_often.at_least) ||
          saved.companions.size() > static_cast<size_t>(rule_.how_often.distinct_companions)) {
        throw cereal::Exception("companions state larger than the rule keeps");
      }
      const PlaceId place(static_cast<uint32_t>(id & 0xFFFFFFFFu));
      if (place.index() >= places_) throw cereal::Exception("companions state of another city");
      Slot key = SlotOf(&shards_[ShardOf(place)], id);
      for (uint32_t k = 0; k < saved.entries.size(); ++k) key.entry(k) = saved.entries[k];
      key.set_entries(static_cast<uint32_t>(saved.entries.size()));
      for (uint32_t k = 0; k < saved.companions.size(); ++k) {
        key.companion(k) = saved.companions[k].first;
        key.seen(k) = saved.companions[k].second;
      }
      key.set_companions(static_cast<uint32_t>(saved.companions.size()));
      key.set_fired(saved.fired);
    }
  }

 private:
  // A stable counting sort of `events` on the place, over the range of places they hold.
  void SortByPlace(std::vector<Event>* events) {
    if (events->size() < 2) return;
    uint32_t lo = UINT32_MAX, hi = 0;
    for (const Event& e : *events) {
      lo = std::min(lo, e.place.value);
      hi = std::max(hi, e.place.value);
    }
    starts_.assign(static_cast<size_t>(hi - lo) + 2, 0);
    for (const Event& e : *events) ++starts_[e.place.value - lo + 1];
    for (size_t k = 1; k < starts_.size(); ++k) starts_[k] += starts_[k - 1];
    sorted_.resize(events->size());
    for (const Event& e : *events) sorted_[starts_[e.place.value - lo]++] = e;
    events->swap(sorted_);
  }

  // A key's state in the pool: the number of entries, a word with the number of companions
  // and (top bit) `fired`, then the days of the latest entries (at most at_least, oldest
  // first), then the most recently seen companions (at most distinct_companions, both at
  // most 100: the loader's limit), each as (person, day last seen). One contiguous slot per
  // key instead of two vectors: at 14,000,000 persons the rule was 80% of the policy phase,
  // chasing pointers.
  class Slot {
   public:
    Slot(uint32_t* words, uint32_t at_least) : w_(words), at_least_(at_least) {}
    uint32_t entries() const { return w_[0]; }
    uint32_t companions() const { return w_[1] & 0x7FFFFFFFu; }
    bool fired() const { return (w_[1] >> 31) != 0; }
    void set_entries(uint32_t n) { w_[0] = n; }
    void set_companions(uint32_t n) { w_[1] = (w_[1] & 0x80000000u) | n; }
    void set_fired(bool fired) { w_[1] = (w_[1] & 0x7FFFFFFFu) | (fired ? 0x80000000u : 0u); }
    uint32_t& entry(uint32_t k) const { return w_[2 + k]; }
    uint32_t& companion(uint32_t k) const { return w_[2 + at_least_ + 2 * k]; }
    uint32_t& seen(uint32_t k) const { return w_[3 + at_least_ + 2 * k]; }

   private:
    uint32_t* w_;
    uint32_t at_least_;
  };

  size_t SlotWords() const {
    return 2 + static_cast<size_t>(rule_.how_often.at_least) +
           2 * static_cast<size_t>(rule_.how_often.distinct_companions);
  }
  Slot SlotAt(const Shard& shard, uint32_t slot) const {
    return Slot(const_cast<uint32_t*>(shard.pool.data()) + slot * SlotWords(),
                static_cast<uint32_t>(rule_.how_often.at_least));
  }
  // The key's slot, a new empty one for a new key.
  Slot SlotOf(Shard* shard, uint64_t id) {
    auto [it, fresh] = shard->keys.try_emplace(id, 0);
    if (fresh) {
      if (!shard->free.empty()) {
        it->second = shard->free.back();
        shard->free.pop_back();
        std::fill_n(shard->pool.begin() + static_cast<std::ptrdiff_t>(it->second * SlotWords()),
                    SlotWords(), 0u);
      } else {
        it->second = static_cast<uint32_t>(shard->pool.size() / SlotWords());
        shard->pool.resize(shard->pool.size() + SlotWords(), 0u);
      }
    }
    return SlotAt(*shard, it->second);
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
  const RuleContext& context_;
  EventSource source_;
  std::vector<Event> entries_, others_, sorted_;
  std::vector<uint32_t> starts_;             // SortByPlace's counts, then each place's next slot
  size_t places_;
  std::vector<Shard> shards_ = std::vector<Shard>(kShards);
};

}  // namespace

std::unique_ptr<CompiledRule> CompileCompanionsRule(const RuleOptions& rule,
                                                    const RuleContext& context) {
  return std::make_unique<CompanionsRule>(rule, context);
}

}  // namespace oversight
