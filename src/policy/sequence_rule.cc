// The sequence operator (`then`): a person on `who` produces the rule's evidence (the
// first step, with its where and when) and then, within `then.within_hours`, evidence of
// kind `then.what` (to `then.to`, for tickets). The alert comes at the second step; each
// first step is used at most once. State: per person, the latest unused first step, kept
// while it can still be followed.
#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class SequenceRule final : public CompiledRule {
 public:
  SequenceRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        context_(context),
        source_(rule, context),
        then_rule_(ThenRule(rule)),
        then_source_(then_rule_, context) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    steps_.clear();
    source_.CollectOwn(day, &steps_);
    for (Event& e : steps_) e.counterpart = 0;  // first step
    const size_t firsts = steps_.size();
    then_source_.Collect(
        day, rule_.then.what, rule_.then.to,
        [&](PersonId p) { return context_.Watched(rule_.who, p); }, &steps_);
    for (size_t k = firsts; k < steps_.size(); ++k) steps_[k].counterpart = 1;  // second step
    // In time order; at the same minute a first step comes before a second one.
    std::sort(steps_.begin(), steps_.end(), [](const Event& a, const Event& b) {
      if (a.time != b.time) return a.time < b.time;
      if (a.counterpart != b.counterpart) return a.counterpart < b.counterpart;
      return a.person < b.person;
    });
    const Minute within = rule_.then.within_hours * kMinutesPerHour;
    for (const Event& e : steps_) {
      if (e.counterpart == 0) {
        pending_[e.person.value] = e.time;
        continue;
      }
      auto it = pending_.find(e.person.value);
      if (it == pending_.end() || e.time - it->second > within) continue;
      sink->Emit(e.time, e.person);
      pending_.erase(it);
    }
    const Minute horizon = DayStart(day.day + 1) - within;
    absl::erase_if(pending_, [&](const auto& entry) { return entry.second < horizon; });
  }

  size_t StateBytes() const override {
    return pending_.capacity() * (sizeof(uint32_t) + sizeof(Minute) + 1);
  }
  size_t StateKeys() const override { return pending_.size(); }

  void Save(SnapshotWriter& out) const override { out(pending_); }
  void Load(SnapshotReader& in) override { in(pending_); }

 private:
  // The second step's filter: no place or hour conditions, only its kind and destination.
  static RuleOptions ThenRule(const RuleOptions& rule) {
    RuleOptions then;
    then.what = rule.then.what;
    then.who = rule.who;
    then.when.days = DayFilter::kAny;
    then.where.to = rule.then.to;
    return then;
  }

  const RuleOptions& rule_;
  const RuleContext& context_;
  EventSource source_;
  RuleOptions then_rule_;
  EventSource then_source_;
  std::vector<Event> steps_;
  absl::flat_hash_map<uint32_t, Minute> pending_;  // person -> latest unused first step
};

}  // namespace

std::unique_ptr<CompiledRule> CompileSequenceRule(const RuleOptions& rule,
                                                  const RuleContext& context) {
  return std::make_unique<SequenceRule>(rule, context);
}

}  // namespace oversight
