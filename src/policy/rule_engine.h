// The tripwire rules: turn the day's observations and records into alerts.
//
// Each rule of the scenario is compiled (policy/compiled_rule.h) to the incremental
// operator its slots call for; docs/RULES.md gives every operator's exact semantics. The
// engine feeds each one the day, in parallel across rules, merges their alerts in
// AlertBefore order (independent of the thread count), then updates the watchlists from
// them. Persons on the red list never raise an alert; what they would have raised is kept
// (suppressed()) so the audit can count what the exemption hides.
//
// The engine sees only observations, records and the register (never the truth).
// Thread-safety: Evaluate() is not reentrant.
#pragma once

#include <memory>
#include <vector>

#include "core/snapshot_fwd.h"
#include "policy/alert.h"
#include "policy/compiled_rule.h"
#include "policy/watchlists.h"
#include "scenario/policy_options.h"
#include "scenario/world_options.h"
#include "sense/observation.h"
#include "sense/records.h"
#include "world/records_view.h"

namespace oversight {

class RuleEngine {
 public:
  RuleEngine(const PolicyOptions& options, const RecordsView& records,
             const CalendarOptions& calendar, uint64_t seed);

  // Alerts for day `day`'s observations (ordered by ObservationBefore) and records, by
  // AlertBefore; then updates the watchlists from them. Days must come in order. The
  // results stay valid until the next call.
  const std::vector<Alert>& Evaluate(Day day, const std::vector<Observation>& observations,
                                     const DayRecords& records);
  // Today's would-be alerts on red-listed persons.
  const std::vector<Alert>& suppressed() const { return suppressed_; }
  // Today's risk-score level changes, rule by rule in person order.
  const std::vector<ScoreChange>& score_changes() const { return score_changes_; }

  const Watchlists& watchlists() const { return watchlists_; }
  // The police put `person` on `list` (respond: list_after_visit).
  void AddToList(ListId list, PersonId person) { watchlists_.Add(list, person); }
  // Checkpoints: the lists and every rule's state. Load REQUIRES an engine built from the
  // same options for the same city.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);
  const PolicyOptions& options() const { return options_; }
  // State each rule carries across days (bytes, keys).
  size_t StateBytes(RuleId rule) const { return rules_[rule.index()]->StateBytes(); }
  size_t StateKeys(RuleId rule) const { return rules_[rule.index()]->StateKeys(); }
  // Seconds each rule has spent so far (evaluating days and after them), for --profile.
  double Seconds(RuleId rule) const { return seconds_[rule.index()]; }

 private:
  PolicyOptions options_;
  CalendarOptions calendar_;
  const RecordsView records_;
  Watchlists watchlists_;
  RuleContext context_;
  std::vector<std::unique_ptr<CompiledRule>> rules_;
  std::vector<AlertSink> sinks_;  // per rule
  std::vector<double> seconds_;   // per rule
  std::vector<Alert> alerts_;
  std::vector<Alert> suppressed_;
  std::vector<ScoreChange> score_changes_;
};

}  // namespace oversight
