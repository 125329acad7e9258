// The auditor: the only stage that sees both the truth and what the apparatus did.
//
// Fed once per day after the response, it counts alerts, false alarms, police responses and
// the acts they stopped, per group (of the person concerned), per rule and per day.
// Thread-safety: not thread-safe.
#pragma once

#include <array>
#include <vector>

#include "audit/audit_result.h"
#include "core/snapshot_fwd.h"
#include "policy/alert.h"
#include "policy/watchlists.h"
#include "respond/police.h"
#include "scenario/scenario.h"
#include "world/world.h"

namespace oversight {

class Auditor {
 public:
  Auditor(const Scenario& scenario, const World& world, const Watchlists& watchlists);

  // Counts one day. REQUIRES: `world` holds the day's events with the responses applied.
  // `suppressed` are the day's would-be alerts on red-listed persons.
  void RecordDay(Day day, const World& world, size_t observations, const std::vector<Alert>& alerts,
                 const std::vector<Alert>& suppressed, const ResponseDay& response);

  // Counts today's patrol units per district (Patrols::units) against the persons living
  // in each district, by group. REQUIRES: called after RecordDay for the same day.
  void RecordPatrols(const std::vector<uint16_t>& units);

  // Counts the acts of the twin world's day (the policy off). REQUIRES: called after
  // RecordDay for the same day.
  void RecordTwinDay(const World& twin);

  // The findings so far; `waiting` is the number of alerts still queued.
  AuditResult Finish(size_t waiting) const;

  // Checkpoints: the counts so far and who has been flagged. Load REQUIRES an auditor of the
  // same scenario and world.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

 private:
  // The parts of RecordDay, in order.
  void CountSuppressed(const Population& population, const std::vector<Alert>& suppressed);
  void CountAlerts(const Population& population, const std::vector<Alert>& alerts,
                   DayCounts* today);
  void CountResponses(const Population& population, const ResponseDay& response, DayCounts* today);
  void CountActs(const World& world, DayCounts* today);
  void CountPersonDays(const World& world, DayCounts* today);
  // The person's group x sex and group x status cells.
  std::array<GroupCounts*, 2> Cells(const Population& population, size_t p);

  const Watchlists& watchlists_;
  size_t sex_cells_ = 0;  // intersections before the group x status cells
  AuditResult result_;
  std::vector<uint8_t> flagged_;                  // per person
  std::vector<std::vector<uint64_t>> residents_;  // per district, per group
  // Per rule, per person: kFlagged | kWatchedAtStart, two bits a person (32 a word), so
  // the marks stay small beside the population at a country's size.
  static constexpr uint64_t kFlagged = 1;
  static constexpr uint64_t kWatchedAtStart = 2;
  uint64_t Marks(size_t rule, size_t p) const {
    return flagged_by_rule_[rule][p / 32] >> (2 * (p % 32)) & 3u;
  }
  void Mark(size_t rule, size_t p, uint64_t marks) {
    flagged_by_rule_[rule][p / 32] |= marks << (2 * (p % 32));
  }
  std::vector<std::vector<uint64_t>> flagged_by_rule_;
};

}  // namespace oversight
