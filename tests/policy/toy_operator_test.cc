// A rule operator added from this file alone: its parameter struct, reader, selector,
// description, trace export and compiled rule, registered with one line. The rule runs from
// scenario text through the loader and the rule engine like any shipped operator.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>
#include <gmock/gmock.h>

#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "rule_fixture.h"
#include "scenario/operator_registry.h"

namespace oversight {
namespace {

// "once": a person's ticket alerts, then the person is quiet for `quiet_days` days.
struct OnceParams {
  int32_t quiet_days = 1;  // days after an alert without another (how_often.within_days)
};

class OnceRule final : public CompiledRule {
 public:
  OnceRule(const RuleOptions& rule, const RuleContext& context)
      : params_(rule.Params<OnceParams>()), source_(rule, context) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.CollectOwn(day, &events_);
    for (const Event& e : events_) {
      auto [last, fresh] = last_alert_.try_emplace(e.person.value, day.day);
      if (!fresh && day.day - last->second < params_.quiet_days) continue;
      last->second = day.day;
      sink->Emit(e.time, e.person);
    }
  }

 private:
  const OnceParams& params_;
  EventSource source_;
  std::vector<Event> events_;
  absl::flat_hash_map<uint32_t, Day> last_alert_;  // person -> day of the last alert
};

std::any ReadOnce(RuleReadContext& ctx) {
  ctx.RequireWhat({Evidence::kTicket}, "a quiet period");
  OnceParams p;
  p.quiet_days = ctx.slots().Int(Slot::kHowOftenWithinDays, p.quiet_days);
  return p;
}

// The registration line: above count (a window without a count), below dwell.
const OperatorRegistrar kOnceOperator({
    .name = "once",
    .precedence = 25,
    .accepts = kEventSlots | SlotSet{Slot::kHowOftenWithinDays},
    .evidence = {Evidence::kTicket},
    .selects =
        [](const RuleShape& shape) {
          return shape.slots.Has(Slot::kHowOftenWithinDays) &&
                 !shape.slots.Has(Slot::kHowOftenAtLeast) &&
                 !shape.slots.Has(Slot::kHowOftenNewAfterDays);
        },
    .read = ReadOnce,
    .describe =
        [](const RuleOptions& rule, const std::vector<ListOptions>&) {
          return fmt::format(", then quiet for {} days", rule.Params<OnceParams>().quiet_days);
        },
    .export_slots =
        [](const RuleOptions& rule, TraceRuleSlots* out) {
          out->within_days = rule.Params<OnceParams>().quiet_days;
        },
    .compile = [](const RuleOptions& rule, const RuleContext& context)
        -> std::unique_ptr<CompiledRule> { return std::make_unique<OnceRule>(rule, context); },
});

using ToyOperatorTest = RuleFixture;

constexpr std::string_view kOnce = R"(
[[rules]]
id = "once"
who = "petitioners"
what = "ticket"
how_often = { within_days = 3 }
)";

TEST_F(ToyOperatorTest, LoaderChoosesTheToyAndTheEngineRunsIt) {
  std::vector<Input> days(5);
  days[0].observations = {Ticket(600, 4, true), Ticket(700, 4, false),  // first: alert
                          Ticket(610, 0, true),                         // not a petitioner
                          Ticket(620, 5, true)};                // a petitioner, but red-listed
  days[1].observations = {Ticket(DayStart(1) + 600, 4, true)};  // quiet
  days[2].observations = {Ticket(DayStart(2) + 600, 4, true)};  // still quiet
  days[3].observations = {Ticket(DayStart(3) + 900, 4, true)};  // 3 days on: alert
  days[4].observations = {Ticket(DayStart(4) + 600, 4, true)};
  const std::vector<Alert> alerts = Run(kOnce, days);
  const RuleOptions& rule = engine_->options().rules[0];
  EXPECT_EQ(rule.OperatorName(), "once");
  EXPECT_EQ(rule.Params<OnceParams>().quiet_days, 3);
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(Persons(alerts), (std::vector<uint32_t>{4, 4}));
  EXPECT_EQ(alerts[0].time, 600);
  EXPECT_EQ(alerts[1].time, DayStart(3) + 900);
}

TEST_F(ToyOperatorTest, DescribesAndExportsItsOwnParameters) {
  const PolicyOptions policy = Policy(kOnce);
  ASSERT_EQ(policy.rules.size(), 1u);
  const RuleOptions& rule = policy.rules[0];
  EXPECT_EQ(rule.op->describe(rule, policy.lists), ", then quiet for 3 days");
  TraceRuleSlots slots;
  rule.op->export_slots(rule, &slots);
  EXPECT_EQ(slots.within_days, 3);
  EXPECT_EQ(slots.at_least, 1);  // the shared default
}

TEST_F(ToyOperatorTest, PrecedenceKeepsTheShippedOperatorsAndTheToyChecksItsEvidence) {
  // A count in the window still compiles to count, which outranks the toy's absence of one.
  EXPECT_EQ(Policy(R"(
[[rules]]
id = "count"
who = "petitioners"
what = "ticket"
how_often = { at_least = 2, within_days = 3 }
)")
                .rules[0]
                .OperatorName(),
            "count");
  Diagnostics diagnostics("rules.toml");
  ParseScenario(std::string(kLists) + R"(
[[rules]]
id = "seen"
who = "drug"
what = "sighting"
how_often = { within_days = 3 }
)",
                &diagnostics);
  EXPECT_THAT(diagnostics.ToString(),
              ::testing::HasSubstr("rule 'seen' cannot be compiled: a quiet period needs what = "
                                   "\"ticket\", not \"sighting\""));
}

}  // namespace
}  // namespace oversight
