// The dwell operator: time spent at matching places, from phone locations (cameras see
// arrivals only, so they cannot tell how long anyone stayed).
//
//   dwell_minutes  one stay at least this long alerts at arrival + dwell_minutes, the moment
//                  the condition first holds; at most once per person per rule per day.
//   total_minutes  stays summed over the last `within_days` days (today included) alert at
//                  the minute the sum reaches the threshold; the rule re-arms for that
//                  person once the sum over the window, at the start of a day, is below it.
//
// Stays are cut at midnight by the location records, so one stay never spans two days.
// State (total only): per person with matching stays, the minutes of each recent day.
#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class DwellRule final : public CompiledRule {
 public:
  DwellRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), source_(rule, context) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);  // person order, then time
    if (rule_.how_often.dwell_minutes > 0) {
      EvaluateStays(sink);
    } else {
      EvaluateTotals(day.day, sink);
    }
  }

  size_t StateBytes() const override {
    size_t bytes = totals_.capacity() * (sizeof(uint32_t) + sizeof(Totals) + 1);
    for (const auto& [person, totals] : totals_)
      bytes += totals.days.capacity() * sizeof(DayMinutes);
    return bytes;
  }
  size_t StateKeys() const override { return totals_.size(); }

  void Save(SnapshotWriter& out) const override { out(totals_); }
  void Load(SnapshotReader& in) override { in(totals_); }

 private:
  // 4 bytes: a day (< 2^21) and its minutes (<= 1440 < 2^11).
  struct DayMinutes {
    uint32_t packed = 0;
    static DayMinutes Of(Day day, int32_t minutes) {
      return DayMinutes{static_cast<uint32_t>(day) << 11 | static_cast<uint32_t>(minutes)};
    }
    Day day() const { return static_cast<Day>(packed >> 11); }
    int32_t minutes() const { return static_cast<int32_t>(packed & 2047u); }

    template <class Archive>
    void serialize(Archive& archive) {
      archive(packed);
    }
  };
  struct Totals {
    std::vector<DayMinutes> days;  // oldest first
    bool fired = false;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(days, fired);
    }
  };

  void EvaluateStays(AlertSink* sink) {
    const int32_t dwell = rule_.how_often.dwell_minutes;
    PersonId last;
    for (const Event& e : events_) {
      if (e.leave - e.time < dwell || e.person == last) continue;
      sink->Emit(e.time + dwell, e.person);
      last = e.person;
    }
  }

  void EvaluateTotals(Day today, AlertSink* sink) {
    const int32_t window = rule_.how_often.within_days;
    const int32_t total = rule_.how_often.total_minutes;
    for (size_t i = 0; i < events_.size();) {
      const PersonId person = events_[i].person;
      Totals& t = totals_[person.value];
      std::erase_if(t.days, [&](const DayMinutes& d) { return d.day() <= today - window; });
      int32_t sum = 0;
      for (const DayMinutes& d : t.days) sum += d.minutes();
      if (sum < total) t.fired = false;  // re-armed: the window's sum fell below
      int32_t minutes_today = 0;
      for (; i < events_.size() && events_[i].person == person; ++i) {
        const Event& e = events_[i];
        const int32_t stay = e.leave - e.time;
        if (!t.fired && sum + stay >= total) {
          t.fired = true;
          sink->Emit(e.time + (total - sum), person);
        }
        sum += stay;
        minutes_today += stay;
      }
      t.days.push_back(DayMinutes::Of(today, std::min(minutes_today, kMinutesPerDay)));
    }
    if (today % 7 == 0) Prune(today);
  }

  // Drops persons with no minutes left in the window (their sum is zero, so they re-arm).
  void Prune(Day today) {
    const int32_t window = rule_.how_often.within_days;
    absl::erase_if(totals_, [&](const auto& entry) {
      return entry.second.days.empty() || entry.second.days.back().day() <= today - window;
    });
  }

  const RuleOptions& rule_;
  EventSource source_;
  std::vector<Event> events_;
  absl::flat_hash_map<uint32_t, Totals> totals_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileDwellRule(const RuleOptions& rule,
                                               const RuleContext& context) {
  return std::make_unique<DwellRule>(rule, context);
}

}  // namespace oversight
