// The filter operator: each event that satisfies who / what / where / when alerts, at most
// once per person per rule per day (at the person's first such event). Stateless across
// days; the "near" condition was resolved per place at compile time, so a sighting costs
// one lookup.
#include <absl/container/flat_hash_set.h>

#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "scenario/operator_registry.h"

namespace oversight {

namespace {

// The filter operator reads nothing beyond the shared slots.
struct FilterParams {};

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

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<FilterRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  if (ctx.what() == Evidence::kCall) {
    ctx.Fail("what", "a call rule needs how_often (at_least, within_days, new_after_days)");
  }
  return FilterParams{};
}

// The fallback: a rule no other operator answers.
const OperatorRegistrar kFilter({
    .name = "filter",
    .precedence = 0,
    .accepts = kEventSlots,
    .evidence = {Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn, Evidence::kPhoneDark,
                 Evidence::kLocation},
    .selects = [](const RuleShape&) { return true; },
    .read = Read,
    .describe = [](const RuleOptions&, const std::vector<ListOptions>&) { return std::string(); },
    .export_slots = nullptr,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
