// Diagnostics: problems found in a user's input, each with file, line and column.
//
// The scenario loader collects *every* problem it finds instead of stopping at the first,
// so a user fixes a file in one pass. Format: "file:line:column: error: message" (the
// form compilers use, so editors can jump to it). Thread-safety: not thread-safe.
#pragma once

#include <absl/status/status.h>

#include <string>
#include <vector>

namespace oversight {

struct SourcePosition {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

struct Diagnostic {
  std::string file;
  SourcePosition position;
  std::string message;  // what is wrong and what was expected

  // "file:line:column: error: message".
  std::string ToString() const;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  void Error(SourcePosition position, std::string message);

  // Errors with no position (in input this file did not write, such as sections taken
  // from the built-in default city) are reported at `position` with `note` appended.
  void SetPositionForUnpositioned(SourcePosition position, std::string note) {
    unpositioned_at_ = position;
    unpositioned_note_ = std::move(note);
  }

  bool empty() const { return errors_.empty(); }
  size_t size() const { return errors_.size(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::string& file() const { return file_; }

  // All errors, one per line, in the order of their position in the file.
  std::string ToString() const;
  // OkStatus when empty, otherwise InvalidArgument carrying ToString().
  absl::Status ToStatus() const;

 private:
  std::string file_;
  std::vector<Diagnostic> errors_;
  SourcePosition unpositioned_at_;
  std::string unpositioned_note_;
};

}  // namespace oversight
