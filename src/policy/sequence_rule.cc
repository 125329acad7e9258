// The sequence operator (`then`): a person on `who` produces the rule's evidence (the
// first step, with its where and when) and then, within `then.within_hours`, evidence of
// kind `then.what` (to `then.to`, for tickets). The alert comes at the second step; each
// first step is used at most once. State: per person, the latest unused first step, kept
// while it can still be followed.
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

// The sequence operator's parameters (then): the second step.
struct SequenceParams {
  Evidence what = Evidence::kTicket;        // the kind of evidence that must follow
  Destination to = Destination::kAnywhere;  // tickets: their destination
  int32_t within_hours = 24;                // after the first step
};

class SequenceRule final : public CompiledRule {
 public:
  SequenceRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        params_(rule.Params<SequenceParams>()),
        context_(context),
        source_(rule, context),
        then_rule_(ThenRule(rule)),
        then_source_(then_rule_, context) {
    assert(params_.what != Evidence::kCall && params_.what != Evidence::kMeter &&
           "the loader enforces a second step an EventSource collects");
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    steps_.clear();
    source_.CollectOwn(day, &steps_);
    for (Event& e : steps_) e.counterpart = 0;  // first step
    const size_t firsts = steps_.size();
    then_source_.Collect(
        day, params_.what, params_.to, [&](PersonId p) { return context_.Watched(rule_.who, p); },
        &steps_);
    for (size_t k = firsts; k < steps_.size(); ++k) steps_[k].counterpart = 1;  // second step
    // In time order; at the same minute a first step comes before a second one.
    std::sort(steps_.begin(), steps_.end(), [](const Event& a, const Event& b) {
      if (a.time != b.time) return a.time < b.time;
      if (a.counterpart != b.counterpart) return a.counterpart < b.counterpart;
      return a.person < b.person;
    });
    const Minute within = params_.within_hours * kMinutesPerHour;
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
    then.what = rule.Params<SequenceParams>().what;
    then.who = rule.who;
    then.when.days = DayFilter::kAny;
    then.where.to = rule.Params<SequenceParams>().to;
    return then;
  }

  const RuleOptions& rule_;
  const SequenceParams& params_;
  const RuleContext& context_;
  EventSource source_;
  RuleOptions then_rule_;
  EventSource then_source_;
  std::vector<Event> steps_;
  absl::flat_hash_map<uint32_t, Minute> pending_;  // person -> latest unused first step
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<SequenceRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn, Evidence::kPhoneDark,
                   Evidence::kLocation},
                  "'then'");
  SequenceParams p;
  p.what = slots.EnumOf(Slot::kThenWhat, p.what);
  p.to = slots.EnumOf(Slot::kThenTo, p.to);
  p.within_hours = slots.Int(Slot::kThenWithinHours, p.within_hours);
  if (p.what == Evidence::kCall || p.what == Evidence::kMeter) {
    ctx.Fail("then", "'then' takes sighting, ticket, check_in, phone_dark or location evidence");
  }
  return p;
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>&) {
  const SequenceParams& p = rule.Params<SequenceParams>();
  return fmt::format(", then {}{} within {} hours", EvidenceWords(p.what),
                     p.to != Destination::kAnywhere ? fmt::format(" to {}", DestinationWords(p.to))
                                                    : std::string(),
                     p.within_hours);
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const SequenceParams& p = rule.Params<SequenceParams>();
  out->then_present = true;
  out->then_what = p.what;
  out->then_to = p.to;
  out->then_within_hours = p.within_hours;
}

const OperatorRegistrar kSequence({
    .name = "sequence",
    .precedence = 80,
    .accepts = kEventSlots | SlotSet{Slot::kThenWhat, Slot::kThenTo, Slot::kThenWithinHours},
    .evidence = {Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn, Evidence::kPhoneDark,
                 Evidence::kLocation},
    .selects = [](const RuleShape& shape) { return shape.then_table; },
    .read = Read,
    .describe = Describe,
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
