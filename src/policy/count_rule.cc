// The count operator ("how often"): a person on `who` with at least `how_often.at_least`
// matching events within the last `how_often.within_days` days (today included) is alerted
// at the event that reaches the count, at most once per `within_days`.
//
// For calls with `how_often.new_after_days`, only calls to numbers new to the caller count
// (policy/new_number_calls.h). State: the days of each counted person's recent events,
// pruned as the window slides; nothing for persons without events.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <cassert>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "policy/new_number_calls.h"
#include "scenario/operator_registry.h"

namespace oversight {

namespace {

// The count operator's parameters (how_often).
struct CountParams {
  int32_t at_least = 1;        // matching events ...
  int32_t within_days = 1;     // ... within this many days, today included
  int32_t new_after_days = 0;  // calls: a number is new if not called this long (0: any)
};

class CountRule final : public CompiledRule {
 public:
  CountRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        params_(rule.Params<CountParams>()),
        context_(context),
        source_(rule, context) {
    assert((params_.new_after_days == 0 || params_.within_days <= params_.new_after_days) &&
           "the loader enforces a window no longer than the lookback");
    if (rule.Params<CountParams>().new_after_days > 0) {
      novelty_ = std::make_unique<NewNumberCalls>(rule.Params<CountParams>().new_after_days,
                                                  rule.Params<CountParams>().within_days);
    }
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);
    if (novelty_ != nullptr) novelty_->Filter(day.day, &events_);
    // No sort: state is per person, and each person's events are already in time order
    // (observations by time, records by person then time).
    const int32_t window = params_.within_days;
    for (const Event& e : events_) {
      std::vector<Day>& days = counted_[e.person.value];
      days.push_back(day.day);
      size_t stale = 0;
      while (stale < days.size() && days[stale] <= day.day - window) ++stale;
      days.erase(days.begin(), days.begin() + static_cast<std::ptrdiff_t>(stale));
      if (static_cast<int32_t>(days.size()) < params_.at_least) continue;
      auto [last, fresh] = last_alert_.try_emplace(e.person.value, day.day);
      if (!fresh && last->second > day.day - window) continue;
      last->second = day.day;
      sink->Emit(e.time, e.person);
    }
    if (day.day % 7 == 0) Prune(day.day);
  }

  size_t StateBytes() const override {
    size_t bytes = (counted_.size() + last_alert_.size()) * 32;
    for (const auto& [person, days] : counted_) bytes += days.capacity() * sizeof(Day);
    return bytes + (novelty_ != nullptr ? novelty_->StateBytes() : 0);
  }
  size_t StateKeys() const override {
    return counted_.size() + (novelty_ != nullptr ? novelty_->pairs() : 0);
  }

  void Save(SnapshotWriter& out) const override {
    out(counted_, last_alert_);
    if (novelty_ != nullptr) novelty_->Save(out);
  }
  void Load(SnapshotReader& in) override {
    in(counted_, last_alert_);
    if (novelty_ != nullptr) novelty_->Load(in);
  }

 private:
  void Prune(Day day) {
    const int32_t window = params_.within_days;
    absl::erase_if(counted_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= day - window;
    });
    absl::erase_if(last_alert_, [&](const auto& entry) { return entry.second <= day - window; });
  }

  const RuleOptions& rule_;
  const CountParams& params_;
  const RuleContext& context_;
  EventSource source_;
  std::unique_ptr<NewNumberCalls> novelty_;
  std::vector<Event> events_;
  absl::flat_hash_map<uint32_t, std::vector<Day>> counted_;  // person -> days of events
  absl::flat_hash_map<uint32_t, Day> last_alert_;
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<CountRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn, Evidence::kCall,
                   Evidence::kPhoneDark, Evidence::kLocation},
                  "how_often.at_least");
  if (slots.Has(Slot::kHowOftenNewAfterDays)) {
    ctx.RequireWhat({Evidence::kCall}, "how_often.new_after_days (new numbers)");
  }
  CountParams p;
  p.at_least = slots.Int(Slot::kHowOftenAtLeast, p.at_least);
  p.within_days = slots.Int(Slot::kHowOftenWithinDays, p.within_days);
  p.new_after_days = slots.Int(Slot::kHowOftenNewAfterDays, p.new_after_days);
  if (p.new_after_days > 0 && p.within_days > p.new_after_days) {
    ctx.FailCombination(
        "how_often", fmt::format("how_often.within_days ({}) must not exceed new_after_days ({})",
                                 p.within_days, p.new_after_days));
  }
  return p;
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>&) {
  const CountParams& p = rule.Params<CountParams>();
  std::string out = fmt::format(", at least {} times within {} day{}", p.at_least, p.within_days,
                                p.within_days == 1 ? "" : "s");
  if (p.new_after_days > 0) {
    out += fmt::format(" (numbers not called in {} days)", p.new_after_days);
  }
  return out;
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const CountParams& p = rule.Params<CountParams>();
  out->at_least = p.at_least;
  out->within_days = p.within_days;
  out->new_after_days = p.new_after_days;
}

const OperatorRegistrar kCount({
    .name = "count",
    .precedence = 20,
    .accepts = kEventSlots | SlotSet{Slot::kWhereNumbers, Slot::kHowOftenAtLeast,
                                     Slot::kHowOftenWithinDays, Slot::kHowOftenNewAfterDays},
    .evidence = {Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn, Evidence::kCall,
                 Evidence::kPhoneDark, Evidence::kLocation},
    .selects =
        [](const RuleShape& shape) {
          return shape.slots.Has(Slot::kHowOftenAtLeast) ||
                 shape.slots.Has(Slot::kHowOftenNewAfterDays);
        },
    .read = Read,
    .describe = Describe,
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
