// `oversight run --export-trace DIR`: the synthetic evidence stream a run's rules read, as
// CSV, for benchmarking other engines on the same rules (bench/sql-baseline/) and for
// teaching.
//
// The trace holds what the authorities hold, never the truth: the map, the register (home,
// spouse, household head), the watchlists as the rules saw them each day, and every
// observation and record kind a rule reads (sightings, tickets, hotel registrations, calls,
// dark phones, phone locations, meter readings), then the alerts the run raised. Every
// person in it is synthetic. docs/OUTPUTS.md ("The trace") lists the files and columns.
//
// Like the run's outputs, the trace is written to "<DIR>.partial-<pid>" and moved into
// place only when the run finishes, so an interrupted run leaves no trace that looks whole.
// Thread-safety: not thread-safe; called from the day loop's thread.
#pragma once

#include <absl/status/status.h>
#include <absl/status/statusor.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "report/directory_output.h"
#include "sim/simulation.h"

namespace oversight {

class TraceExport {
 public:
  // Creates the temporary folder for a trace at `dir` (which may hold an earlier trace).
  static absl::StatusOr<std::unique_ptr<TraceExport>> Create(const std::filesystem::path& dir);
  ~TraceExport();

  // Before day 0: the map, the register, the rules and the lists as they start.
  absl::Status Start(const Simulation& simulation);
  // After each day: its evidence and alerts; changes to the lists count from the next day.
  // A write error shows at Commit().
  void Record(const DayView& day);
  // After the last day: closes every file and moves the folder into place.
  absl::Status Commit();
  // Drops the temporary folder (idempotent; the destructor does it when not committed).
  void Abandon();

  const std::filesystem::path& final_path() const { return output_->final_path(); }

 private:
  class CsvFile;

  explicit TraceExport(std::unique_ptr<DirectoryOutput> output);
  absl::Status WriteStatic(const Simulation& simulation);
  absl::Status WriteManifest(const Simulation& simulation);
  // Writes table `name` (CSV with `header`): `rows` adds its rows to the file.
  template <typename Rows>
  absl::Status WriteTable(const char* name, std::string_view header, const Rows& rows);
  absl::Status WriteMembers();
  CsvFile& File(size_t index) { return *files_[index]; }

  std::unique_ptr<DirectoryOutput> output_;
  std::vector<std::unique_ptr<CsvFile>> files_;  // the per-day streams (see trace_export.cc)
  int32_t days_ = 0;
  size_t lists_ = 0;
  int64_t destination_[2] = {-1, -1};  // the place ids of the capital and of out_of_town
  // Per person: the lists they are on now (bit l), and since which day each bit is set.
  std::vector<uint32_t> membership_;
  std::vector<std::vector<int32_t>> since_;  // [list][person]: day the membership began
  std::string members_;                      // closed memberships, as CSV rows
};

}  // namespace oversight
