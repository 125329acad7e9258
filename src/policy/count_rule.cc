// The count operator ("how often"): a person on `who` with at least `how_often.at_least`
// matching events within the last `how_often.within_days` days (today included) is alerted
// at the event that reaches the count, at most once per `within_days`.
//
// For calls with `how_often.new_after_days`, only calls to numbers new to the caller count
// (policy/new_number_calls.h). State: the days of each counted person's recent events,
// pruned as the window slides; nothing for persons without events.
#include <absl/container/flat_hash_map.h>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "policy/new_number_calls.h"

namespace oversight {

namespace {

class CountRule final : public CompiledRule {
 public:
  CountRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), context_(context), source_(rule, context) {
    if (rule.how_often.new_after_days > 0) {
      novelty_ = std::make_unique<NewNumberCalls>(rule.how_often.new_after_days,
                                                  rule.how_often.within_days);
    }
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);
    if (novelty_ != nullptr) novelty_->Filter(day.day, &events_);
    // No sort: state is per person, and each person's events are already in time order
    // (observations by time, records by person then time).
    const int32_t window = rule_.how_often.within_days;
    for (const Event& e : events_) {
      std::vector<Day>& days = counted_[e.person.value];
      days.push_back(day.day);
      size_t stale = 0;
      while (stale < days.size() && days[stale] <= day.day - window) ++stale;
      days.erase(days.begin(), days.begin() + static_cast<std::ptrdiff_t>(stale));
      if (static_cast<int32_t>(days.size()) < rule_.how_often.at_least) continue;
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
    const int32_t window = rule_.how_often.within_days;
    absl::erase_if(counted_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= day - window;
    });
    absl::erase_if(last_alert_, [&](const auto& entry) { return entry.second <= day - window; });
  }

  const RuleOptions& rule_;
  const RuleContext& context_;
  EventSource source_;
  std::unique_ptr<NewNumberCalls> novelty_;
  std::vector<Event> events_;
  absl::flat_hash_map<uint32_t, std::vector<Day>> counted_;  // person -> days of events
  absl::flat_hash_map<uint32_t, Day> last_alert_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileCountRule(const RuleOptions& rule,
                                               const RuleContext& context) {
  return std::make_unique<CountRule>(rule, context);
}

}  // namespace oversight
