// An output folder that appears only when complete.
//
// Files are written into a hidden temporary sibling folder ("<dir>.partial-<pid>");
// Commit() renames it to <dir>, replacing an earlier Oversight output there. If the run
// stops before Commit() (an error, Ctrl-C), Abandon() or the destructor removes the
// temporary folder, so no folder that looks complete is ever left behind.
// Thread-safety: not thread-safe.
#pragma once

#include <absl/status/status.h>
#include <absl/status/statusor.h>

#include <filesystem>
#include <memory>
#include <string>

#include "report/output_sink.h"

namespace oversight {

class DirectoryOutput : public OutputSink {
 public:
  // Creates the temporary folder next to `dir`. Fails when `dir` exists and is not an
  // Oversight output folder of this kind (it has no `marker` file: report.json for a run,
  // trace.json for a trace), so a user's own folder is never replaced.
  static absl::StatusOr<std::unique_ptr<DirectoryOutput>> Create(
      const std::filesystem::path& dir, std::string_view marker = "report.json");

  // The folder `dir` names, absolute and without a trailing separator ("runs/a/" and
  // "runs/./a" are "<cwd>/runs/a"), so that siblings ("<dir>.partial-<pid>",
  // "<dir>.checkpoint") sit beside it, not inside. Empty if `dir` cannot be made absolute.
  static std::filesystem::path FolderPath(const std::filesystem::path& dir);

  ~DirectoryOutput() override;

  absl::Status Write(std::string_view name, std::string_view content) override;
  // Moves the finished folder into place.
  absl::Status Commit();
  // Removes the temporary folder (idempotent).
  void Abandon();

  const std::filesystem::path& final_path() const { return final_; }
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  DirectoryOutput(std::filesystem::path final_path, std::filesystem::path temp_path)
      : final_(std::move(final_path)), temp_(std::move(temp_path)) {}

  std::filesystem::path final_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

}  // namespace oversight
