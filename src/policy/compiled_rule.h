// A tripwire rule compiled to an incremental operator.
//
// The loader decides which operator answers a rule's slots (RuleOptions::op, an entry of
// the operator registry); Compile() builds it with the factory the operator registered. Each
// operator keeps only the keyed state its window needs (never the history) and is fed one day at a
// time. Operators of different rules share nothing but read-only inputs, so the engine evaluates
// them in parallel; each writes its own AlertSink.
#pragma once

#include <memory>
#include <vector>

#include "core/snapshot_fwd.h"
#include "policy/alert.h"
#include "policy/watchlists.h"
#include "scenario/policy_options.h"
#include "scenario/world_options.h"
#include "sense/observation.h"
#include "sense/records.h"
#include "world/daily_life.h"
#include "world/records_view.h"

namespace oversight {

// What every operator may consult: the map, what is on file, the lists, the calendar.
struct RuleContext {
  const City& city;
  const RecordsView& records;
  const Watchlists& lists;
  PlaceId capital;

  bool Watched(uint32_t who, PersonId person) const {
    return who == kEveryone || lists.Contains(ListId(who), person);
  }
};

// One day of input.
struct RuleDay {
  Day day = 0;
  DayKind kind = DayKind::kWorkday;
  const std::vector<Observation>& observations;
  const DayRecords& records;
};

// Where one rule's alerts go: matches on red-listed persons are kept apart.
class AlertSink {
 public:
  AlertSink(RuleId rule, const RuleOptions& options, const Watchlists& lists)
      : rule_(rule),
        category_(options.category),
        priority_(options.EffectivePriority()),
        lists_(lists) {}

  void Emit(Minute time, PersonId person) {
    const Alert alert{time, person, rule_, category_, priority_};
    (lists_.Exempt(person) ? suppressed_ : alerts_).push_back(alert);
  }
  void ScoreChanged(Minute time, PersonId person, double score, int from, int to) {
    score_changes_.push_back(ScoreChange{time, person, rule_, static_cast<float>(score),
                                         static_cast<uint8_t>(from), static_cast<uint8_t>(to)});
  }
  void Clear() {
    alerts_.clear();
    suppressed_.clear();
    score_changes_.clear();
  }
  const std::vector<ScoreChange>& score_changes() const { return score_changes_; }
  RuleId rule() const { return rule_; }
  const std::vector<Alert>& alerts() const { return alerts_; }
  const std::vector<Alert>& suppressed() const { return suppressed_; }

 private:
  RuleId rule_;
  Category category_;
  int32_t priority_;
  const Watchlists& lists_;
  std::vector<Alert> alerts_;
  std::vector<Alert> suppressed_;
  std::vector<ScoreChange> score_changes_;
};

class CompiledRule {
 public:
  virtual ~CompiledRule() = default;
  // Feeds day `day` (days come in order, none skipped); emits the day's alerts.
  virtual void Evaluate(const RuleDay& day, AlertSink* sink) = 0;
  // After every rule has seen day `day`: the day's alerts of all rules (for scores that
  // learn from the system's own records).
  virtual void AfterDay(Day day, const std::vector<Alert>& alerts) {
    (void)day;
    (void)alerts;
  }
  // Bytes of state carried across days, and the keys (persons, pairs, places) holding it.
  virtual size_t StateBytes() const { return 0; }
  virtual size_t StateKeys() const { return 0; }
  // Checkpoints: the state carried across days (none for rules that judge each day alone).
  // Load REQUIRES a rule compiled from the same options for the same city.
  virtual void Save(SnapshotWriter& out) const { (void)out; }
  virtual void Load(SnapshotReader& in) { (void)in; }
};

// Builds the rule's operator through the registry (scenario/operator_registry.h).
// REQUIRES: `rule` was accepted by the loader (its op matches its slots and parameters).
std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context);

}  // namespace oversight
