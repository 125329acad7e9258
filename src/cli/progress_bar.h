// A one-line progress bar on stderr, drawn only when stderr is a terminal.
//
// Thread-safety: not thread-safe; call from the thread that runs the day loop.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace oversight {

class ProgressBar {
 public:
  // enabled = false makes every call a no-op (not a terminal, or --quiet).
  explicit ProgressBar(bool enabled);
  // Redraws "[#####-----] day 12/30  0:04 elapsed".
  void Update(int32_t done, int32_t total);
  // Clears the line.
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

// Whether `stream` is an interactive terminal.
bool IsTerminal(FILE* stream);

}  // namespace oversight
