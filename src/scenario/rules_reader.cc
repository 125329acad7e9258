// Design: a rule is read in two passes. The first reads the shared slots (who, what, where,
// when, what follows) into RuleOptions and the operator slots (how_often, with, then) into
// SlotValues, checking each key's type and range. The second, only for a load without
// problems so far, asks the registry which operator answers the filled-in slots, lets that
// operator read its own parameters (and report combinations it cannot answer), and rejects
// slots the operator does not read or that do not apply to the evidence. Operators' own
// complaints about combinations that can never fire come last, so messages keep the order
// of the menu: evidence, slots, combinations.
#include "scenario/rules_reader.h"

#include <fmt/format.h>

#include <cassert>
#include <set>

#include "core/limits.h"
#include "core/sim_time.h"
#include "scenario/operator_registry.h"
#include "scenario/rule_common.h"

namespace oversight {

namespace {

// The slot's key in its table: "at" for where.at.
std::string_view SlotKey(Slot slot) { return SlotName(slot).substr(SlotSection(slot).size() + 1); }

// Marks each slot of `section` whose key the table has as given.
void MarkGiven(const TableReader& r, std::string_view section, SlotValues* slots) {
  for (size_t s = 0; s < kSlotCount; ++s) {
    const auto slot = static_cast<Slot>(s);
    if (SlotSection(slot) == section && r.Has(SlotKey(slot))) slots->MarkPresent(slot);
  }
}

void ReadNear(TableReader& r, WhereOptions* where) {
  if (r.Has("near")) {
    r.ChoiceArray("near", PlaceTypeNames(), "place type",
                  [&](size_t i) { where->near |= 1u << i; });
    if (r.Require("within_m", "the distance in metres that counts as near, e.g. 150")) {
      r.Double("within_m", 0.0, 100000.0, &where->near_m);
    }
  } else if (r.Has("within_m")) {
    r.Touch("within_m");
    r.Error("within_m", "'within_m' needs 'near' (the type of place to be near)");
  }
}

void ReadWhere(const SectionContext& ctx, TableReader& rule_reader, RuleOptions* rule,
               SlotValues* slots) {
  const toml::table* table = rule_reader.Table("where");
  if (table == nullptr) return;
  TableReader r(*table, rule_reader.context() + " where", ctx.diagnostics);
  WhereOptions& where = rule->where;
  r.ChoiceArray("at", PlaceTypeNames(), "place type", [&](size_t i) { where.at |= 1u << i; });
  ReadNear(r, &where);
  r.Double("nearby_m", 0.0, 100000.0, &where.nearby_m);
  r.Bool("away_from_home", &where.away_from_home);
  size_t to = static_cast<size_t>(where.to);
  r.Choice("to", ToStrings(kDestinationNames), "destination", &to);
  where.to = static_cast<Destination>(to);
  if (r.Has("numbers")) {
    size_t numbers = 0;
    r.Choice("numbers", {"out_of_town"}, "kind of number", &numbers);
    where.out_of_town = true;
  }
  MarkGiven(r, "where", slots);
  r.Finish();
}

void ReadHours(TableReader& r, const toml::table& table, RuleOptions* rule) {
  const toml::array* hours = table.get("hours")->as_array();
  r.Touch("hours");
  if (hours == nullptr || hours->size() != 2 || !(*hours)[0].is_integer() ||
      !(*hours)[1].is_integer()) {
    r.Error("hours",
            "'hours' must be [from, to]: two whole hours, e.g. [7, 18] for "
            "07:00-18:00 or [20, 7] for 20:00-07:00");
    return;
  }
  const int64_t from = *(*hours)[0].value<int64_t>();
  const int64_t to = *(*hours)[1].value<int64_t>();
  if (from < 0 || from > 23 || to < 1 || to > 24) {
    r.Error("hours", fmt::format("'hours' = [{}, {}]: from must be 0-23 and to 1-24", from, to));
  } else if (from == to) {
    r.Error("hours", fmt::format("rule '{}' can never fire: 'hours' = [{}, {}] is an "
                                 "empty span",
                                 rule->id, from, to));
  } else {
    rule->when.from_hour = static_cast<int32_t>(from);
    rule->when.to_hour = static_cast<int32_t>(to);
  }
}

void ReadWhen(const SectionContext& ctx, TableReader& rule_reader, RuleOptions* rule,
              SlotValues* slots) {
  const toml::table* table = rule_reader.Table("when");
  if (table == nullptr) return;
  TableReader r(*table, rule_reader.context() + " when", ctx.diagnostics);
  MarkGiven(r, "when", slots);
  if (r.Has("hours")) ReadHours(r, *table, rule);
  size_t days = static_cast<size_t>(rule->when.days);
  r.Choice("days", ToStrings(kDayFilterNames), "kind of day", &days);
  rule->when.days = static_cast<DayFilter>(days);
  r.Finish();
}

// An integer slot in [min, max]; a value out of range is reported and left unset.
void IntSlot(TableReader& r, Slot slot, int32_t min, int32_t max, SlotValues* slots) {
  const std::string_view key = SlotKey(slot);
  if (!r.Has(key)) return;
  int32_t value = min;
  r.Int32(key, min, max, &value);
  slots->SetInt(slot, value);
}

void DoubleSlot(TableReader& r, Slot slot, double min, double max, SlotValues* slots) {
  const std::string_view key = SlotKey(slot);
  if (!r.Has(key)) return;
  double value = min;
  r.Double(key, min, max, &value);
  slots->SetDouble(slot, value);
}

void ReadHowOften(const SectionContext& ctx, TableReader& rule_reader, SlotValues* slots) {
  const toml::table* table = rule_reader.Table("how_often");
  if (table == nullptr) return;
  TableReader r(*table, rule_reader.context() + " how_often", ctx.diagnostics);
  IntSlot(r, Slot::kHowOftenAtLeast, 1, 100000, slots);
  IntSlot(r, Slot::kHowOftenWithinDays, 1, 365, slots);
  IntSlot(r, Slot::kHowOftenNewAfterDays, 1, static_cast<int32_t>(kMaxDays), slots);
  IntSlot(r, Slot::kHowOftenDistinctCompanions, 1, kMaxCompanionsCount, slots);
  IntSlot(r, Slot::kHowOftenDwellMinutes, 1, kMinutesPerDay, slots);
  IntSlot(r, Slot::kHowOftenTotalMinutes, 1, 366 * kMinutesPerDay, slots);
  DoubleSlot(r, Slot::kHowOftenTimesNorm, 1.0, 1000.0, slots);
  DoubleSlot(r, Slot::kHowOftenTogetherBelow, 0.0, 1.0, slots);
  bool same_number = false;
  r.Bool("same_number", &same_number);
  if (r.Has("same_number")) slots->SetInt(Slot::kHowOftenSameNumber, same_number ? 1 : 0);
  r.Finish();
}

// Returns whether the rule has a `with` table.
bool ReadWith(const SectionContext& ctx, TableReader& rule_reader, SlotValues* slots) {
  const toml::table* table = rule_reader.Table("with");
  if (table == nullptr) return false;
  TableReader r(*table, rule_reader.context() + " with", ctx.diagnostics);
  bool spouse = false;
  r.Bool("spouse", &spouse);
  if (r.Has("spouse")) slots->SetInt(Slot::kWithSpouse, spouse ? 1 : 0);
  if (!spouse && !r.Has("who")) {
    r.Require("who", "the list the others must be on (or \"anyone\"), or spouse = true");
  }
  uint32_t who = kEveryone;
  if (ReadWho(ctx, r, "who", &who)) slots->SetInt(Slot::kWithWho, who);
  IntSlot(r, Slot::kWithAtLeast, 1, 100000, slots);
  IntSlot(r, Slot::kWithWithinMinutes, 1, kMinutesPerDay, slots);
  r.Finish();
  return true;
}

// Returns whether the rule has a `then` table.
bool ReadThen(const SectionContext& ctx, TableReader& rule_reader, SlotValues* slots) {
  const toml::table* table = rule_reader.Table("then");
  if (table == nullptr) return false;
  TableReader r(*table, rule_reader.context() + " then", ctx.diagnostics);
  size_t what = static_cast<size_t>(Evidence::kTicket);
  if (r.Require("what", "the kind of evidence that must follow, e.g. \"ticket\"")) {
    r.Choice("what", ToStrings(kEvidenceNames), "kind of evidence", &what);
    slots->SetInt(Slot::kThenWhat, static_cast<int64_t>(what));
  }
  if (r.Has("to")) {
    size_t to = static_cast<size_t>(Destination::kAnywhere);
    r.Choice("to", ToStrings(kDestinationNames), "destination", &to);
    slots->SetInt(Slot::kThenTo, static_cast<int64_t>(to));
  }
  IntSlot(r, Slot::kThenWithinHours, 1, 24 * 365, slots);
  if (r.Has("to") && static_cast<Evidence>(what) != Evidence::kTicket) {
    r.Error("to", "'to' (a ticket's destination) needs what = \"ticket\"");
  }
  r.Finish();
  return true;
}

// Rejects each filled-in slot the operator does not read, or that does not apply to the
// rule's evidence.
void CheckSlots(const OperatorSpec& op, const SlotValues& slots, RuleReadContext* read) {
  const Evidence what = read->what();
  const std::string_view what_name = kEvidenceNames[static_cast<size_t>(what)];
  for (size_t s = 0; s < kCheckedSlotCount; ++s) {
    const auto slot = static_cast<Slot>(s);
    if (!slots.Has(slot)) continue;
    if (!op.accepts.Contains(slot)) {
      read->Fail(slot, fmt::format("'{}' means nothing to a {} rule (what = \"{}\"); "
                                   "docs/RULES.md lists which slots each operator reads",
                                   SlotName(slot), op.name, what_name));
    } else if ((SlotEvidenceBits(slot) >> static_cast<unsigned>(what) & 1u) == 0) {
      read->Fail(slot,
                 fmt::format("'{}' does not apply to what = \"{}\"", SlotName(slot), what_name));
    }
  }
}

// Chooses the operator that answers the rule's filled-in slots, reads its parameters and
// rejects slots that mean nothing for it, or combinations that can never fire.
void CompileRule(const SectionContext& ctx, TableReader& r, const RuleShape& shape,
                 RuleOptions* rule) {
  const OperatorSpec* op = SelectOperator(shape);
  assert(op != nullptr && "the filter operator answers every rule no other one does");
  rule->op = op;
  RuleReadContext read(*rule, shape.slots, ctx.scenario.days, r);
  rule->params = op->read(read);
  CheckSlots(*op, shape.slots, &read);
  read.ReportCombinations();
}

}  // namespace

void ReadRules(SectionContext& ctx) {
  std::vector<RuleOptions>& rules = ctx.scenario.policy.rules;
  const toml::array* array = ctx.root.ArrayOfTables("rules");
  if (array == nullptr) return;
  std::set<std::string> ids;
  for (const toml::node& node : *array) {
    TableReader r(*node.as_table(), fmt::format("[[rules]] #{}", rules.size() + 1),
                  ctx.diagnostics);
    RuleOptions rule;
    if (!ReadRuleId(r, "a rule id such as \"near_school\"", &ids, &rule)) {
      r.Error("id", fmt::format("rule id '{}' is used twice", rule.id));
    }
    if (r.Has("kind")) {
      r.Touch("kind");
      r.Error("kind",
              "'kind' was replaced by the rule menu's slots (who, what, where, when, "
              "how_often, with, then); see docs/RULES.md");
    }
    ReadRuleWho(ctx, r, "the list the rule watches, or \"anyone\"", &rule);
    size_t what = static_cast<size_t>(rule.what);
    if (r.Require("what", "the kind of evidence, one of " + Quoted(kEvidenceNames))) {
      r.Choice("what", ToStrings(kEvidenceNames), "kind of evidence", &what);
    }
    rule.what = static_cast<Evidence>(what);
    SlotValues slots;
    ReadWhere(ctx, r, &rule, &slots);
    ReadWhen(ctx, r, &rule, &slots);
    ReadHowOften(ctx, r, &slots);
    const bool with_table = ReadWith(ctx, r, &slots);
    const bool then_table = ReadThen(ctx, r, &slots);
    ReadFollowUp(ctx, r, &rule);
    // Compile only rules whose slots all read cleanly.
    if (ctx.diagnostics->empty()) {
      CompileRule(ctx, r, RuleShape{rule.what, with_table, then_table, slots}, &rule);
    }
    r.Finish();
    rules.push_back(std::move(rule));
  }
}

}  // namespace oversight
