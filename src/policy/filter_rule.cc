// The filter operator: each event that satisfies who / what / where / when alerts, at most
// once per person per rule per day (at the person's first such event). Stateless across
// days; the "near" condition was resolved per place at compile time, so a sighting costs
// one lookup.
#include <absl/container/flat_hash_set.h>

#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class FilterRule final : public CompiledRule {
 public:
  FilterRule(const RuleOptions& rule, const RuleContext& context) : source_(rule, context) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);
    alerted_.clear();
    // Records come in person order, observations in time order; a person's first event is
    // their earliest in both.
    for (const Event& e : events_) {
      if (alerted_.insert(e.person).second) sink->Emit(e.time, e.person);
    }
  }

 private:
  EventSource source_;
  std::vector<Event> events_;
  absl::flat_hash_set<PersonId> alerted_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileFilterRule(const RuleOptions& rule,
                                                const RuleContext& context) {
  return std::make_unique<FilterRule>(rule, context);
}

}  // namespace oversight
