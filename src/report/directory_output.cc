// Design: rename(2) of a folder is atomic on one file system, so the temporary folder is a
// sibling of the destination. Replacing an earlier output renames it aside first and
// deletes it after the new one is in place; a crash between the two renames leaves the
// old output under "<dir>.old-<pid>", never a half-written one under <dir>.
#include "report/directory_output.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string>
#include <system_error>

namespace oversight {

namespace fs = std::filesystem;

namespace {

// Removes "<final>.partial-<pid>" folders whose process is gone (a run killed before it
// could clean up, e.g. by SIGKILL or a power cut). A live process's folder is left alone.
void RemoveStalePartials(const fs::path& final_path) {
  std::error_code ec;
  const std::string prefix = final_path.filename().string() + ".partial-";
  for (const fs::directory_entry& entry : fs::directory_iterator(final_path.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

}  // namespace

fs::path DirectoryOutput::FolderPath(const fs::path& dir) {
  std::error_code ec;
  fs::path path = fs::absolute(dir, ec).lexically_normal();
  if (ec) return fs::path();
  while (path.has_relative_path() && path.filename().empty()) path = path.parent_path();
  return path;
}

absl::StatusOr<std::unique_ptr<DirectoryOutput>> DirectoryOutput::Create(const fs::path& dir,
                                                                         std::string_view marker) {
  std::error_code ec;
  const fs::path final_path = FolderPath(dir);
  if (final_path.empty() || !final_path.has_relative_path()) {
    return absl::InvalidArgumentError(fmt::format("bad output path '{}'", dir.string()));
  }
  if (fs::exists(final_path, ec)) {
    if (!fs::is_directory(final_path, ec) || !fs::exists(final_path / marker, ec)) {
      return absl::FailedPreconditionError(
          fmt::format("folder '{}' exists and is not an Oversight output folder (no {}); "
                      "choose another path or remove it",
                      dir.string(), marker));
    }
  }
  RemoveStalePartials(final_path);
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
