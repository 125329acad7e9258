// Checkpoints: a run's whole state after a day, written to one file, from which a later
// process continues to the same bytes as a run never stopped.
//
// The file holds a header (format, Oversight version, the scenario's fingerprint, the
// replicate in progress and its last day done, and the findings of replicates already
// finished), then every stage's state (Simulation::Save), then an XXH3-64 checksum of all
// that. What a stage rebuilds from the scenario and seed (the city, the people, their ties)
// is not stored: random numbers are counter-based, so nothing else is needed. A
// checkpoint is written under a temporary name and renamed, so a kill while writing
// leaves the previous checkpoint whole.
//
// A checkpoint is read only by the version that wrote it, for the same scenario file and
// overrides (the fingerprint); anything else, or a damaged file, is refused with a message.
// Thread-safety: functions are thread-compatible.
#pragma once

#include <absl/status/status.h>
#include <absl/status/statusor.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

#include "audit/audit_result.h"
#include "core/sim_time.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace oversight {

// Everything in a checkpoint besides the simulation's state.
struct CheckpointHeader {
  uint64_t fingerprint = 0;  // of the scenario and overrides (the caller's choice of hash)
  int32_t replicate = 0;     // the replicate in progress (0-based)
  Day day = -1;              // its last day done
  // Replicates before it, in order: their findings, and the first one's facts (which the
  // report describes) when it is finished.
  std::vector<AuditResult> finished;
  RunFacts first_facts;
};

// The fingerprint of a run: the scenario file's text with the overrides that change what it
// computes (seed, days, persons, the twin, the replicate count); not the thread count.
uint64_t CheckpointFingerprint(std::string_view scenario_text, const Scenario& scenario,
                               int replicates);

// Writes `header` and the simulation's state to `path` (via `path` + ".tmp" and a rename).
absl::Status WriteCheckpoint(const std::filesystem::path& path, const CheckpointHeader& header,
                             const Simulation& simulation);

// An open checkpoint whose checksum, format, version and fingerprint have been checked.
class CheckpointReader {
 public:
  // Fails with NotFound when there is no file, FailedPrecondition when it belongs to another
  // version or scenario, DataLoss when it is damaged.
  static absl::StatusOr<std::unique_ptr<CheckpointReader>> Open(const std::filesystem::path& path,
                                                                uint64_t fingerprint);
  ~CheckpointReader();

  const CheckpointHeader& header() const { return header_; }
  // Loads the stages' state into `simulation`. REQUIRES: a new simulation of the replicate
  // the header names; called once.
  absl::Status Restore(Simulation* simulation);

 private:
  CheckpointReader() = default;

  std::filesystem::path path_;
  std::ifstream in_;
  uint64_t payload_end_ = 0;  // where the checksum starts
  CheckpointHeader header_;
  struct Archive;
  std::unique_ptr<Archive> archive_;
};

}  // namespace oversight
