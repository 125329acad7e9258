// The pair operator (with = { spouse = true }): a couple married on the register who are
// rarely located together.
//
// Over tumbling periods of `how_often.within_days` days (day 0 starts the first), for each
// registered couple it sums, within `when.hours`, the minutes each spouse's phone was
// located anywhere (present_a, present_b) and the minutes both were located at the same
// place (together). When a period closes, a couple with together < together_below x
// min(present_a, present_b) is alerted: each spouse on `who`, at the period's last minute.
// A couple with no located time for one spouse is not judged (there is nothing to compare).
// The pairs come from the register, so the cost is one pass over the day's locations.
// Spouses are the first two members of their household, so the sums live in an array by
// household, read in the order the records come (person order): no hashing, and no random
// access (docs/PERFORMANCE.md has what a hash map by couple cost).
#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "scenario/operator_registry.h"

namespace oversight {

namespace {

// The pair operator's parameters (how_often; with.spouse selects it).
struct PairParams {
  double together_below = 0.0;  // share of observed time together below which it alerts
  int32_t within_days = 1;      // the tumbling period the share is measured over
};

class PairRule final : public CompiledRule {
 public:
  PairRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        params_(rule.Params<PairParams>()),
        context_(context),
        source_(rule, context),
        sums_(context.records.household_count()) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    if (source_.ActiveOn(day.kind)) Accumulate(day);
    const int32_t period = params_.within_days;
    if ((day.day + 1) % period != 0) return;
    // The period closes: judge every couple seen in it, in household (so person) order.
    const Minute end = DayStart(day.day + 1) - 1;
    for (size_t h = 0; h < sums_.size(); ++h) {
      const Sums& sums = sums_[h];
      const int64_t base = std::min(sums.present_a, sums.present_b);
      if (base <= 0) continue;
      if (static_cast<double>(sums.together) >=
          params_.together_below * static_cast<double>(base)) {
        continue;
      }
      const PersonId a = context_.records.account_holder(HouseholdId(static_cast<uint32_t>(h)));
      const PersonId b = context_.records.spouse(a);
      if (context_.Watched(rule_.who, a)) sink->Emit(end, a);
      if (context_.Watched(rule_.who, b)) sink->Emit(end, b);
    }
    std::fill(sums_.begin(), sums_.end(), Sums());
  }

  size_t StateBytes() const override { return sums_.capacity() * sizeof(Sums); }
  size_t StateKeys() const override {
    return static_cast<size_t>(std::count_if(sums_.begin(), sums_.end(), [](const Sums& s) {
      return s.present_a > 0 || s.present_b > 0;
    }));
  }

  void Save(SnapshotWriter& out) const override { out(sums_); }
  void Load(SnapshotReader& in) override {
    const size_t households = sums_.size();
    in(sums_);
    ExpectSize(sums_.size(), households, "couples");
  }

 private:
  struct Sums {
    int64_t present_a = 0;
    int64_t present_b = 0;
    int64_t together = 0;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(present_a, present_b, together);
    }
  };

  // Minutes of [a, b) (within day `day`) inside the rule's hours.
  int64_t Active(Minute a, Minute b, Day day) const {
    const WhenOptions& when = rule_.when;
    const Minute start = DayStart(day);
    auto overlap = [&](int32_t from_hour, int32_t to_hour) {
      const Minute lo = std::max(a, start + from_hour * kMinutesPerHour);
      const Minute hi = std::min(b, start + to_hour * kMinutesPerHour);
      return std::max<int64_t>(0, hi - lo);
    };
    if (when.from_hour <= when.to_hour) return overlap(when.from_hour, when.to_hour);
    return overlap(0, when.to_hour) + overlap(when.from_hour, 24);
  }

  // Each person's stays (a run of the records: a person's are in one block) in person
  // order; the couple's time together when the second spouse's run follows the first's.
  void Accumulate(const RuleDay& day) {
    std::span<const LocationRecord> previous;  // the last run seen
    for (std::span<const LocationRecord> block : day.records.locations.pieces()) {
      for (size_t i = 0; i < block.size();) {
        size_t end = i + 1;
        while (end < block.size() && block[end].person == block[i].person) ++end;
        const std::span<const LocationRecord> run = block.subspan(i, end - i);
        AccumulateRun(run, previous, day.day);
        previous = run;
        i = end;
      }
    }
  }

  void AccumulateRun(std::span<const LocationRecord> run, std::span<const LocationRecord> previous,
                     Day day) {
    const PersonId person = run.front().person;
    const PersonId spouse = context_.records.spouse(person);
    if (!spouse.valid() ||
        !(context_.Watched(rule_.who, person) || context_.Watched(rule_.who, spouse))) {
      return;
    }
    // The spouse with the smaller id is a, whose records come first.
    const bool first = person < spouse;
    Sums& sums = sums_[context_.records.household(person).index()];
    int64_t present = 0;
    for (const LocationRecord& l : run) present += Active(l.enter, l.leave, day);
    (first ? sums.present_a : sums.present_b) += present;
    if (first || previous.empty() || previous.front().person != spouse) return;
    for (const LocationRecord& x : previous) {
      for (const LocationRecord& y : run) {
        if (x.place != y.place) continue;
        sums.together += Active(std::max(x.enter, y.enter), std::min(x.leave, y.leave), day);
      }
    }
  }

  const RuleOptions& rule_;
  const PairParams& params_;
  const RuleContext& context_;
  EventSource source_;
  std::vector<Sums> sums_;  // per household: its couple's sums this period (zero if none)
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<PairRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kLocation}, "a couple's time together");
  if (!slots.Has(Slot::kHowOftenTogetherBelow)) {
    ctx.Fail("how_often",
             "with.spouse needs how_often.together_below (the share of time "
             "the couple is located together below which it alerts)");
  }
  if (!slots.Has(Slot::kHowOftenWithinDays)) {
    ctx.Fail("how_often",
             "with.spouse needs how_often.within_days (the period the share is "
             "measured over)");
  }
  PairParams p;
  p.together_below = slots.Double(Slot::kHowOftenTogetherBelow, p.together_below);
  p.within_days = slots.Int(Slot::kHowOftenWithinDays, p.within_days);
  if (p.within_days > ctx.scenario_days()) {
    ctx.FailCombination("how_often",
                        fmt::format("it can never fire: it judges couples at the end of each "
                                    "period of within_days ({}) days, longer than the run ({} "
                                    "days)",
                                    p.within_days, ctx.scenario_days()));
  }
  return p;
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const PairParams& p = rule.Params<PairParams>();
  out->with_present = true;
  out->with_spouse = true;
  out->together_below = p.together_below;
  out->within_days = p.within_days;
}

const OperatorRegistrar kPair({
    .name = "pair",
    .precedence = 70,
    .accepts = {Slot::kWhereTo, Slot::kWhenHours, Slot::kWhenDays, Slot::kHowOftenTogetherBelow,
                Slot::kHowOftenWithinDays, Slot::kWithSpouse},
    .evidence = {Evidence::kLocation},
    .selects =
        [](const RuleShape& shape) {
          return shape.with_table && shape.slots.Bool(Slot::kWithSpouse, false);
        },
    .read = Read,
    .describe =
        [](const RuleOptions& rule, const std::vector<ListOptions>&) {
          const PairParams& p = rule.Params<PairParams>();
          return fmt::format(
              ": with the registered spouse less than {:g}% of the time over {} days",
              p.together_below * 100, p.within_days);
        },
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
