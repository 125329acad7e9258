#include "core/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>

namespace oversight {

std::string Diagnostic::ToString() const {
  return fmt::format("{}:{}:{}: error: {}", file, position.line, position.column, message);
}

void Diagnostics::Error(SourcePosition position, std::string message) {
  if (position.line == 0 && unpositioned_at_.line > 0) {
    position = unpositioned_at_;
    message += unpositioned_note_;
  }
  errors_.push_back(Diagnostic{file_, position, std::move(message)});
}

std::string Diagnostics::ToString() const {
  std::vector<const Diagnostic*> sorted;
  sorted.reserve(errors_.size());
  for (const Diagnostic& d : errors_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (a->position.line != b->position.line) return a->position.line < b->position.line;
    return a->position.column < b->position.column;
  });
  std::string out;
  for (const Diagnostic* d : sorted) {
    out += d->ToString();
    out += '\n';
  }
  return out;
}

absl::Status Diagnostics::ToStatus() const {
  if (errors_.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(ToString());
}

}  // namespace oversight
