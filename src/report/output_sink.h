// Where a run's files go.
//
// All output passes through this interface, so tests write to memory (MemoryOutput) and
// runs write to a folder that appears only once complete (DirectoryOutput).
// Thread-safety: not thread-safe.
#pragma once

#include <absl/status/status.h>

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace oversight {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Writes the whole file `name` (a plain file name, no folders).
  virtual absl::Status Write(std::string_view name, std::string_view content) = 0;

  // Writes each (name, content) in order; stops at the first failure.
  absl::Status WriteAll(std::initializer_list<std::pair<std::string_view, std::string>> files) {
    for (const auto& [name, content] : files) {
      if (absl::Status s = Write(name, content); !s.ok()) return s;
    }
    return absl::OkStatus();
  }
};

// Keeps files in memory; for tests.
class MemoryOutput : public OutputSink {
 public:
  absl::Status Write(std::string_view name, std::string_view content) override {
    files_[std::string(name)] = std::string(content);
    return absl::OkStatus();
  }
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace oversight
