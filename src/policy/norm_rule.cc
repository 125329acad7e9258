// The norm operator ("ratio to a norm"): a household whose water use per registered
// resident exceeds `how_often.times_norm` times the day's median over all reporting
// households alerts its account holder (the head on the register) at the end of the day,
// if the holder is on `who`. The norm is the peer median of the same day, so it needs no
// state across days.
#include <fmt/format.h>

#include <algorithm>

#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "scenario/operator_registry.h"

namespace oversight {

namespace {

// The norm operator's parameters (how_often).
struct NormParams {
  double times_norm = 0.0;  // alert above this factor over the day's median
};

class NormRule final : public CompiledRule {
 public:
  NormRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        params_(rule.Params<NormParams>()),
        context_(context),
        source_(rule, context) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    const RecordRange<MeterRecord>& meters = day.records.meters;
    if (meters.empty() || !source_.ActiveOn(day.kind)) return;
    auto per_resident = [](const MeterRecord& m) {
      return m.water_l / static_cast<float>(std::max<uint8_t>(m.registered, 1));
    };
    values_.clear();
    for (const MeterRecord& m : meters) values_.push_back(per_resident(m));
    const auto middle = values_.begin() + static_cast<std::ptrdiff_t>(values_.size() / 2);
    std::nth_element(values_.begin(), middle, values_.end());
    const double threshold = params_.times_norm * static_cast<double>(*middle);
    const Minute end_of_day = DayStart(day.day + 1) - 1;
    for (const MeterRecord& m : meters) {
      if (static_cast<double>(per_resident(m)) <= threshold) continue;
      const PersonId holder = context_.records.account_holder(m.household);
      if (context_.Watched(rule_.who, holder)) sink->Emit(end_of_day, holder);
    }
  }

 private:
  const RuleOptions& rule_;
  const NormParams& params_;
  const RuleContext& context_;
  EventSource source_;
  std::vector<float> values_;
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<NormRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  if (!slots.Has(Slot::kHowOftenTimesNorm)) {
    ctx.Fail("how_often",
             "a meter rule needs how_often.times_norm (the factor over the day's "
             "median use per registered resident)");
  }
  NormParams p;
  p.times_norm = slots.Double(Slot::kHowOftenTimesNorm, p.times_norm);
  return p;
}

const OperatorRegistrar kNorm({
    .name = "norm",
    .precedence = 40,
    .accepts = (kEventSlots - SlotSet{Slot::kWhenHours}) | SlotSet{Slot::kHowOftenTimesNorm},
    .evidence = {Evidence::kMeter},
    .selects = [](const RuleShape& shape) { return shape.what == Evidence::kMeter; },
    .read = Read,
    .describe =
        [](const RuleOptions& rule, const std::vector<ListOptions>&) {
          return fmt::format(" per registered resident above {:g} times the day's median",
                             rule.Params<NormParams>().times_norm);
        },
    .export_slots =
        [](const RuleOptions& rule, TraceRuleSlots* out) {
          out->times_norm = rule.Params<NormParams>().times_norm;
        },
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
