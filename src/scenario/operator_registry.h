// The registry of rule operators: every incremental operator a [[rules]] or [[scores]] entry
// can compile to, each declared in its own file (policy/<operator>_rule.cc).
//
// An operator declares an OperatorSpec: its name, the slots of the police menu it accepts
// (a typed SlotSet), the evidence it reads, when it answers a rule (a selector with a
// precedence: the highest-precedence operator whose selector accepts the filled-in slots
// wins), how it reads its own parameter struct from the slots and checks it (positioned
// diagnostics), how it is described in words, what it exports to the trace and how it is
// compiled. It registers the spec with a static OperatorRegistrar; the loader, the engine,
// the report text and the trace export look operators up here and never name one.
//
// The registry lives in the scenario stage because the loader consults it; the compile
// function is a pointer to the policy stage's factory (CompiledRule and RuleContext are
// only declared here), so the scenario library does not depend on the policy library.
// Every program that loads rules links the policy library whole (see
// src/policy/CMakeLists.txt), so no registrar is dropped by the linker.
//
// Thread-safety: registration happens during static initialisation (single-threaded);
// afterwards the registry is only read, from any thread.
#pragma once

#include <any>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/policy_options.h"
#include "scenario/rule_slots.h"

namespace oversight {

class CompiledRule;
struct RuleContext;
class RuleReadContext;
class TableReader;

// The trace export's view of a rule's operator slots (`how_often`, `with`, `then`), with the
// defaults a rule that leaves a slot empty shows. Each operator writes its own parameters
// over these defaults; bench/sql-baseline reads the same keys for every rule.
struct TraceRuleSlots {
  int32_t at_least = 1;
  int32_t within_days = 1;
  int32_t new_after_days = 0;
  int32_t distinct_companions = 0;
  int32_t dwell_minutes = 0;
  int32_t total_minutes = 0;
  double times_norm = 0.0;
  double together_below = 0.0;
  bool with_present = false;
  uint32_t with_who = kEveryone;
  int32_t with_at_least = 1;
  int32_t with_within_minutes = 120;
  bool with_spouse = false;
  bool then_present = false;
  Evidence then_what = Evidence::kTicket;
  Destination then_to = Destination::kAnywhere;
  int32_t then_within_hours = 24;
};

struct OperatorSpec {
  std::string_view name;  // as in the report, the trace and docs/RULES.md
  // Selection order: the operator with the highest precedence whose `selects` accepts the
  // rule answers it. Unique among the registered operators; 0 is the fallback (filter).
  int precedence = 0;
  bool is_score = false;  // from [[scores]] (read by scores_reader.cc, never selected)
  SlotSet accepts;        // the operator slots (how_often, with, ...) it reads
  EvidenceSet evidence;   // the kinds of evidence (`what`) it reads
  // Whether the operator answers a rule with these filled-in slots (stream rules only).
  bool (*selects)(const RuleShape& shape) = nullptr;
  // Reads and checks the operator's own parameter struct from the filled-in slots; reports
  // problems through `ctx`. Returns the parameters (held type-erased in RuleOptions).
  std::any (*read)(RuleReadContext& ctx) = nullptr;
  // Words after the shared part of a stream rule's description ("who: what where when"),
  // or the whole description after "who: " for a score.
  std::string (*describe)(const RuleOptions& rule, const std::vector<ListOptions>& lists) = nullptr;
  // Writes the operator's parameters over the trace's defaults.
  void (*export_slots)(const RuleOptions& rule, TraceRuleSlots* out) = nullptr;
  // The policy stage's factory. REQUIRES: `rule` was accepted by the loader for this operator.
  std::unique_ptr<CompiledRule> (*compile)(const RuleOptions& rule,
                                           const RuleContext& context) = nullptr;
};

// Every registered operator, highest precedence first. Pointers stay valid for the program.
const std::vector<const OperatorSpec*>& Operators();

// The operator named `name`, or nullptr.
const OperatorSpec* FindOperator(std::string_view name);

// The operator that answers a stream rule with these filled-in slots (never nullptr once
// the fallback is registered).
const OperatorSpec* SelectOperator(const RuleShape& shape);

// Registers `spec` (a static object of the operator's file). Aborts on a duplicate name or
// precedence: that is a build bug.
class OperatorRegistrar {
 public:
  explicit OperatorRegistrar(const OperatorSpec& spec);
  OperatorRegistrar(const OperatorRegistrar&) = delete;
  OperatorRegistrar& operator=(const OperatorRegistrar&) = delete;

 private:
  OperatorSpec spec_;  // registered by address: the registrar is a static object
};

// What an operator's reader sees: the rule read so far (id, who, what, where, when), the
// filled-in slots, and where to report problems ("rule 'x' cannot be compiled: ...").
class RuleReadContext {
 public:
  RuleReadContext(const RuleOptions& rule, const SlotValues& slots, int32_t scenario_days,
                  TableReader& reader)
      : rule_(rule), slots_(slots), scenario_days_(scenario_days), reader_(reader) {}

  const RuleOptions& rule() const { return rule_; }
  Evidence what() const { return rule_.what; }
  const SlotValues& slots() const { return slots_; }
  int32_t scenario_days() const { return scenario_days_; }

  // Reports "rule '<id>' cannot be compiled: <why>" at the slot's section (e.g. how_often).
  void Fail(Slot slot, const std::string& why) { Fail(SlotSection(slot), why); }
  void Fail(std::string_view section, const std::string& why);
  // Reports "<why> needs what = "a" or "b", not "c"" unless `what` is in `allowed`.
  void RequireWhat(EvidenceSet allowed, std::string_view why);
  // As Fail, for values that can never fire together: reported after the loader's check of
  // which slots the operator reads.
  void FailCombination(std::string_view section, const std::string& why) {
    combinations_.emplace_back(section, why);
  }
  // Reports what FailCombination held back (the loader calls it).
  void ReportCombinations() {
    for (const auto& [section, why] : combinations_) Fail(section, why);
    combinations_.clear();
  }

 private:
  const RuleOptions& rule_;
  const SlotValues& slots_;
  int32_t scenario_days_;
  TableReader& reader_;
  std::vector<std::pair<std::string_view, std::string>> combinations_;
};

}  // namespace oversight
