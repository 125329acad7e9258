// Design: rename(2) of a folder is atomic on one file system, so the temporary folder is a
// sibling of the destination. Replacing an earlier output renames it aside first and
// deletes it after the new one is in place; a crash between the two renames leaves the
// old output under "<dir>.old-<pid>", never a half-written one under <dir>.
#include "report/directory_output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <system_error>

namespace oversight {

namespace fs = std::filesystem;

absl::StatusOr<std::unique_ptr<DirectoryOutput>> DirectoryOutput::Create(const fs::path& dir) {
  std::error_code ec;
  const fs::path final_path = fs::absolute(dir, ec);
  if (ec) return absl::InvalidArgumentError(fmt::format("bad output path '{}'", dir.string()));
  if (fs::exists(final_path, ec)) {
    if (!fs::is_directory(final_path, ec) || !fs::exists(final_path / "report.json", ec)) {
      return absl::FailedPreconditionError(fmt::format(
          "output folder '{}' exists and is not an Oversight output folder (no report.json); "
          "choose another --out or remove it",
          dir.string()));
    }
  }
  fs::path temp = final_path;
  temp += fmt::format(".partial-{}", getpid());
  fs::remove_all(temp, ec);
  if (!fs::create_directories(temp, ec) || ec) {
    return absl::PermissionDeniedError(fmt::format("cannot create folder '{}': {}", temp.string(),
                                                   ec ? ec.message() : "unknown error"));
  }
  return std::unique_ptr<DirectoryOutput>(new DirectoryOutput(final_path, temp));
}

DirectoryOutput::~DirectoryOutput() {
  if (!committed_) Abandon();
}

absl::Status DirectoryOutput::Write(std::string_view name, std::string_view content) {
  const fs::path path = temp_ / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return absl::DataLossError(fmt::format("cannot write '{}'", path.string()));
  return absl::OkStatus();
}

absl::Status DirectoryOutput::Commit() {
  std::error_code ec;
  fs::path old;
  if (fs::exists(final_, ec)) {
    old = final_;
    old += fmt::format(".old-{}", getpid());
    fs::remove_all(old, ec);
    fs::rename(final_, old, ec);
    if (ec) {
      return absl::PermissionDeniedError(
          fmt::format("cannot replace '{}': {}", final_.string(), ec.message()));
    }
  }
  fs::rename(temp_, final_, ec);
  if (ec) {
    return absl::PermissionDeniedError(
        fmt::format("cannot move output into '{}': {}", final_.string(), ec.message()));
  }
  committed_ = true;
  if (!old.empty()) fs::remove_all(old, ec);
  return absl::OkStatus();
}

void DirectoryOutput::Abandon() {
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

}  // namespace oversight
