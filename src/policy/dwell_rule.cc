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
#include <fmt/format.h>

#include <algorithm>
#include <cassert>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "scenario/operator_registry.h"
#include "scenario/rule_words.h"

namespace oversight {

namespace {

// The dwell operator's parameters (how_often): one of the two thresholds is set.
struct DwellParams {
  int32_t dwell_minutes = 0;  // one stay at least this long (0: use total_minutes)
  int32_t total_minutes = 0;  // stays within within_days summing to this
  int32_t within_days = 1;    // the sliding window of total_minutes, today included
};

class DwellRule final : public CompiledRule {
 public:
  DwellRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), params_(rule.Params<DwellParams>()), source_(rule, context) {
    assert((params_.dwell_minutes > 0) != (params_.total_minutes > 0) &&
           "the loader enforces one of dwell_minutes and total_minutes");
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);  // person order, then time
    if (params_.dwell_minutes > 0) {
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
    const int32_t dwell = params_.dwell_minutes;
    PersonId last;
    for (const Event& e : events_) {
      if (e.leave - e.time < dwell || e.person == last) continue;
      sink->Emit(e.time + dwell, e.person);
      last = e.person;
    }
  }

  void EvaluateTotals(Day today, AlertSink* sink) {
    const int32_t window = params_.within_days;
    const int32_t total = params_.total_minutes;
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
    const int32_t window = params_.within_days;
    absl::erase_if(totals_, [&](const auto& entry) {
      return entry.second.days.empty() || entry.second.days.back().day() <= today - window;
    });
  }

  const RuleOptions& rule_;
  const DwellParams& params_;
  EventSource source_;
  std::vector<Event> events_;
  absl::flat_hash_map<uint32_t, Totals> totals_;
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<DwellRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kLocation}, "a dwell time (cameras see arrivals only)");
  const bool total = slots.Has(Slot::kHowOftenTotalMinutes);
  if (slots.Has(Slot::kHowOftenDwellMinutes) && total) {
    ctx.Fail("how_often",
             "give either dwell_minutes (one stay) or total_minutes (stays "
             "summed over within_days), not both");
  }
  DwellParams p;
  p.dwell_minutes = slots.Int(Slot::kHowOftenDwellMinutes, p.dwell_minutes);
  p.total_minutes = slots.Int(Slot::kHowOftenTotalMinutes, p.total_minutes);
  p.within_days = slots.Int(Slot::kHowOftenWithinDays, p.within_days);
  if (total && p.total_minutes > p.within_days * kMinutesPerDay) {
    ctx.FailCombination("how_often",
                        fmt::format("rule '{}' can never fire: total_minutes {} exceeds the "
                                    "minutes in within_days ({})",
                                    ctx.rule().id, p.total_minutes, p.within_days));
  }
  return p;
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>&) {
  const DwellParams& p = rule.Params<DwellParams>();
  return p.total_minutes > 0
             ? fmt::format(", {} or more in all within {} days", MinutesWords(p.total_minutes),
                           p.within_days)
             : fmt::format(", one stay of {} or more", MinutesWords(p.dwell_minutes));
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const DwellParams& p = rule.Params<DwellParams>();
  out->dwell_minutes = p.dwell_minutes;
  out->total_minutes = p.total_minutes;
  out->within_days = p.within_days;
}

const OperatorRegistrar kDwell({
    .name = "dwell",
    .precedence = 30,
    .accepts = kEventSlots | SlotSet{Slot::kHowOftenDwellMinutes, Slot::kHowOftenTotalMinutes,
                                     Slot::kHowOftenWithinDays},
    .evidence = {Evidence::kLocation},
    .selects =
        [](const RuleShape& shape) {
          return shape.slots.Has(Slot::kHowOftenDwellMinutes) ||
                 shape.slots.Has(Slot::kHowOftenTotalMinutes);
        },
    .read = Read,
    .describe = Describe,
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
