// The norm operator ("ratio to a norm"): a household whose water use per registered
// resident exceeds `how_often.times_norm` times the day's median over all reporting
// households alerts its account holder (the head on the register) at the end of the day,
// if the holder is on `who`. The norm is the peer median of the same day, so it needs no
// state across days.
#include <algorithm>

#include "policy/compiled_rule.h"
#include "policy/event_source.h"

namespace oversight {

namespace {

class NormRule final : public CompiledRule {
 public:
  NormRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), context_(context), source_(rule, context) {}

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
    const double threshold = rule_.how_often.times_norm * static_cast<double>(*middle);
    const Minute end_of_day = DayStart(day.day + 1) - 1;
    for (const MeterRecord& m : meters) {
      if (static_cast<double>(per_resident(m)) <= threshold) continue;
      const PersonId holder = context_.records.account_holder(m.household);
      if (context_.Watched(rule_.who, holder)) sink->Emit(end_of_day, holder);
    }
  }

 private:
  const RuleOptions& rule_;
  const RuleContext& context_;
  EventSource source_;
  std::vector<float> values_;
};

}  // namespace

std::unique_ptr<CompiledRule> CompileNormRule(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<NormRule>(rule, context);
}

}  // namespace oversight
