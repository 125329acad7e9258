// The pair operator (with = { spouse = true }): a couple married on the register who are
// rarely located together.
//
// Over tumbling periods of `how_often.within_days` days (day 0 starts the first), for each
// registered couple it sums, within `when.hours`, the minutes each spouse's phone was
// located anywhere (present_a, present_b) and the minutes both were located at the same
// place (together). When a period closes, a couple with together < together_below x
// min(present_a, present_b) is alerted: each spouse on `who`, at the period's last minute.
// A couple with no located time for one spouse is not judged (there is nothing to compare).
// The pairs come from the register, so the cost is one pass over the day's locations.
#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class PairRule final : public CompiledRule {
 public:
  PairRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), context_(context), source_(rule, context) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    if (source_.ActiveOn(day.kind)) Accumulate(day);
    const int32_t period = rule_.how_often.within_days;
    if ((day.day + 1) % period != 0) return;
    // The period closes: judge every couple seen in it, in person order.
    std::vector<std::pair<uint32_t, Sums>> couples(sums_.begin(), sums_.end());
    std::sort(couples.begin(), couples.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const Minute end = DayStart(day.day + 1) - 1;
    for (const auto& [first, sums] : couples) {
      const int64_t base = std::min(sums.present_a, sums.present_b);
      if (base <= 0) continue;
      if (static_cast<double>(sums.together) >=
          rule_.how_often.together_below * static_cast<double>(base)) {
        continue;
      }
      const PersonId a(first);
      const PersonId b = context_.records.spouse(a);
      if (context_.Watched(rule_.who, a)) sink->Emit(end, a);
      if (context_.Watched(rule_.who, b)) sink->Emit(end, b);
    }
    sums_.clear();
  }

  size_t StateBytes() const override {
    return sums_.capacity() * (sizeof(uint32_t) + sizeof(Sums) + 1);
  }
  size_t StateKeys() const override { return sums_.size(); }

  void Save(SnapshotWriter& out) const override { out(sums_); }
  void Load(SnapshotReader& in) override { in(sums_); }

 private:
  struct Sums {
    int64_t present_a = 0;
    int64_t present_b = 0;
    int64_t together = 0;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(present_a, present_b, together);
    }
  };

  // Minutes of [a, b) (within day `day`) inside the rule's hours.
  int64_t Active(Minute a, Minute b, Day day) const {
    const WhenOptions& when = rule_.when;
    const Minute start = DayStart(day);
    auto overlap = [&](int32_t from_hour, int32_t to_hour) {
      const Minute lo = std::max(a, start + from_hour * kMinutesPerHour);
      const Minute hi = std::min(b, start + to_hour * kMinutesPerHour);
      return std::max<int64_t>(0, hi - lo);
    };
    if (when.from_hour <= when.to_hour) return overlap(when.from_hour, when.to_hour);
    return overlap(0, when.to_hour) + overlap(when.from_hour, 24);
  }

  void Accumulate(const RuleDay& day) {
    const std::vector<LocationRecord>& locations = day.records.locations;
    auto range_end = [&](size_t i) {
      size_t j = i;
      while (j < locations.size() && locations[j].person == locations[i].person) ++j;
      return j;
    };
    for (size_t i = 0; i < locations.size();) {
      const PersonId person = locations[i].person;
      const size_t end = range_end(i);
      const PersonId spouse = context_.records.spouse(person);
      if (!spouse.valid() ||
          !(context_.Watched(rule_.who, person) || context_.Watched(rule_.who, spouse))) {
        i = end;
        continue;
      }
      // Couples are keyed by the spouse with the smaller id, whose records come first.
      const bool first = person < spouse;
      Sums& sums = sums_[first ? person.value : spouse.value];
      int64_t present = 0;
      for (size_t k = i; k < end; ++k)
        present += Active(locations[k].enter, locations[k].leave, day.day);
      (first ? sums.present_a : sums.present_b) += present;
      if (first && end < locations.size() && locations[end].person == spouse) {
        const size_t spouse_end = range_end(end);
        for (size_t x = i; x < end; ++x) {
          for (size_t y = end; y < spouse_end; ++y) {
            if (locations[x].place != locations[y].place) continue;
            sums.together += Active(std::max(locations[x].enter, locations[y].enter),
                                    std::min(locations[x].leave, locations[y].leave), day.day);
          }
        }
      }
      i = end;
    }
  }

  const RuleOptions& rule_;
  const RuleContext& context_;
  EventSource source_;
  absl::flat_hash_map<uint32_t, Sums> sums_;  // couple (smaller id) -> this period's sums
};

}  // namespace

std::unique_ptr<CompiledRule> CompilePairRule(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<PairRule>(rule, context);
}

}  // namespace oversight
