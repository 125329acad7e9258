#include "cli/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <string>

namespace oversight {

bool IsTerminal(FILE* stream) { return isatty(fileno(stream)) != 0; }

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(int32_t done, int32_t total) {
  if (!enabled_ || total <= 0) return;
  constexpr int kWidth = 30;
  const int filled = done * kWidth / total;
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start_)
          .count();
  const std::string bar = std::string(static_cast<size_t>(filled), '#') +
                          std::string(static_cast<size_t>(kWidth - filled), '-');
  fmt::print(stderr, "\r[{}] day {}/{}  {}:{:02} elapsed", bar, done, total, elapsed / 60,
             elapsed % 60);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (!enabled_ || !drawn_) return;
  fmt::print(stderr, "\r{:70}\r", "");
  std::fflush(stderr);
}

}  // namespace oversight
