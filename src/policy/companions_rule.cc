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

#include <algorithm>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class CompanionsRule final : public CompiledRule {
 public:
  CompanionsRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), context_(context), source_(rule, context) {}

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
    const int32_t near = rule_.with.within_minutes;
    const int32_t window = rule_.how_often.within_days;
    size_t lo = 0;  // first companion candidate at the entry's place, within `near` before
    for (const Event& entry : entries_) {
      while (lo < others_.size() &&
             (others_[lo].place < entry.place ||
              (others_[lo].place == entry.place && others_[lo].time < entry.time - near))) {
        ++lo;
      }
      Key& key = keys_[static_cast<uint64_t>(entry.person.value) << 32 | entry.place.value];
      std::erase_if(key.entries, [&](Day d) { return d <= day.day - window; });
      std::erase_if(key.companions, [&](const auto& c) { return c.second <= day.day - window; });
      // Only the most recent `at_least` entries matter: there are at least that many in the
      // window exactly when the at_least-th most recent one is in it.
      if (static_cast<int32_t>(key.entries.size()) >= rule_.how_often.at_least) {
        key.entries.erase(key.entries.begin());
      }
      key.entries.push_back(day.day);
      for (size_t k = lo; k < others_.size() && others_[k].place == entry.place &&
                          others_[k].time <= entry.time + near;
           ++k) {
        const uint32_t companion = others_[k].person.value;
        if (companion == entry.person.value) continue;
        auto it = std::find_if(key.companions.begin(), key.companions.end(),
                               [&](const auto& c) { return c.first == companion; });
        if (it != key.companions.end()) {
          it->second = day.day;
        } else if (static_cast<int32_t>(key.companions.size()) <
                   rule_.how_often.distinct_companions) {
          key.companions.emplace_back(companion, day.day);
        } else {
          // Likewise only the `distinct_companions` most recently seen companions matter:
          // the new one replaces the one seen longest ago.
          *std::min_element(key.companions.begin(), key.companions.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; }) = {
              companion, day.day};
        }
      }
      const bool holds =
          static_cast<int32_t>(key.entries.size()) >= rule_.how_often.at_least &&
          static_cast<int32_t>(key.companions.size()) >= rule_.how_often.distinct_companions;
      if (holds && !key.fired) sink->Emit(entry.time, entry.person);
      key.fired = holds;
    }
    if (day.day % 7 == 0) {
      absl::erase_if(keys_, [&](const auto& entry) {
        return entry.second.entries.empty() || entry.second.entries.back() <= day.day - window;
      });
    }
  }

  size_t StateBytes() const override {
    size_t bytes = keys_.capacity() * (sizeof(uint64_t) + sizeof(Key) + 1);
    for (const auto& [k, key] : keys_) {
      bytes += key.entries.capacity() * sizeof(Day) +
               key.companions.capacity() * sizeof(std::pair<uint32_t, Day>);
    }
    return bytes;
  }
  size_t StateKeys() const override { return keys_.size(); }

  void Save(SnapshotWriter& out) const override { out(keys_); }
  void Load(SnapshotReader& in) override { in(keys_); }

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

  struct Key {
    // Days of the latest entries in the window (at most at_least), oldest first.
    std::vector<Day> entries;
    // The most recently seen companions in the window (at most distinct_companions), each
    // with the latest day seen.
    std::vector<std::pair<uint32_t, Day>> companions;
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
  absl::flat_hash_map<uint64_t, Key> keys_;  // (person, place)
};

}  // namespace

std::unique_ptr<CompiledRule> CompileCompanionsRule(const RuleOptions& rule,
                                                    const RuleContext& context) {
  return std::make_unique<CompanionsRule>(rule, context);
}

}  // namespace oversight
