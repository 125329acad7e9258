// The day loop: world -> sense -> policy -> respond -> audit, one day at a time.
//
// The Simulation owns one instance of each stage and calls them in turn; feedback flows as
// data (police interventions change the world through ResponseTarget). Outputs depend only on the
// scenario (and its seed), never on the thread count.
// Thread-safety: not thread-safe; Step() uses TBB internally, within the task arena of the
// caller (RunScenario sets one up with the requested thread count).
#pragma once

#include <absl/status/statusor.h>

#include <atomic>
#include <functional>
#include <memory>

#include "audit/audit_result.h"
#include "audit/auditor.h"
#include "core/snapshot_fwd.h"
#include "policy/rule_engine.h"
#include "report/run_facts.h"
#include "respond/patrols.h"
#include "respond/police.h"
#include "scenario/scenario.h"
#include "sense/sensors.h"
#include "sim/profile.h"
#include "world/world.h"

namespace oversight {

// Everything the apparatus saw and did on one day, for tracing (oversight explain). Valid
// only during the callback.
struct DayView {
  Day day = 0;
  const std::vector<Observation>& observations;
  const DayRecords& records;
  const std::vector<Alert>& alerts;
  const std::vector<Alert>& suppressed;
  const std::vector<ScoreChange>& score_changes;
  const ResponseDay& response;
  const Watchlists& lists;  // after the day's additions and removals
};

class Simulation {
 public:
  // Builds the world and installs the apparatus on it. REQUIRES: a validated scenario.
  explicit Simulation(const Scenario& scenario);

  // Simulates day `day` through every stage. REQUIRES: days are stepped 0, 1, 2, ...
  void Step(Day day);

  AuditResult audit() const { return auditor_->Finish(police_->queue_size()); }
  RunFacts facts() const;
  // Time per phase, and the policy phase rule by rule.
  Profile profile() const;
  const World& world() const { return *world_; }
  const Scenario& scenario() const { return scenario_; }
  const RuleEngine& rules() const { return *rules_; }
  // Checkpoints (sim/checkpoint.h): every stage's state after the last day stepped. Load
  // REQUIRES a new simulation of the same scenario; the next Step() is then the day after
  // the one saved.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);
  // Called at the end of every Step() with the day's view.
  // An observer sees every record, payments and plate reads included (which a run without
  // one only counts: no rule reads them).
  void SetObserver(std::function<void(const DayView&)> observer);

 private:
  // The parts of Step: the patrols sent today, and the responses that act through the
  // sensors and the lists rather than on the world.
  void SendPatrols(Day day);
  void ApplySilentResponses(const ResponseDay& response);
  Scenario scenario_;
  Profile profile_;
  std::unique_ptr<World> world_;
  std::unique_ptr<World> twin_;  // the same lives with the policy off (scenario.audit.twin)
  std::unique_ptr<Sensors> sensors_;
  std::unique_ptr<RuleEngine> rules_;
  std::unique_ptr<Police> police_;
  std::unique_ptr<Patrols> patrols_;
  std::unique_ptr<Auditor> auditor_;
  EvidenceCounts observations_by_kind_{};  // over the run, by EvidenceStream
  std::function<void(const DayView&)> observer_;
};

struct RunOptions {
  int threads = 0;  // worker threads; 0 = all cores
  // Called after each day with (days done, days in total), from the calling thread.
  std::function<void(int32_t, int32_t)> progress;
  // When set and it becomes true, the run stops after the current day.
  const std::atomic<bool>* cancel = nullptr;
  // When set, called with each day's view (Simulation::SetObserver).
  std::function<void(const DayView&)> observer;
  // When set, called once on the new simulation before any day is stepped, to load a
  // checkpoint; returns the last day the loaded state has done (the run goes on from the
  // day after).
  std::function<absl::StatusOr<Day>(Simulation*)> restore;
  // When set, called once with the new simulation (after `restore`) before its first day;
  // an error fails the run.
  std::function<absl::Status(const Simulation&)> started;
  // When set, called with the simulation after every `checkpoint_every`-th day of the run
  // (days 0-based: after day k - 1, 2k - 1, ...), and after the last day done when the run
  // is cancelled; an error fails the run.
  int32_t checkpoint_every = 0;
  std::function<absl::Status(const Simulation&, Day)> checkpoint;
};

struct RunOutput {
  AuditResult audit;
  RunFacts facts;
  Profile profile;
};

// Runs the whole scenario. Fails with CancelledError when `options.cancel` was raised.
absl::StatusOr<RunOutput> RunScenario(const Scenario& scenario, const RunOptions& options);

}  // namespace oversight
