#include "sim/profile.h"

#include <fmt/format.h>

namespace oversight {

double Profile::total() const {
  double sum = 0.0;
  for (double s : seconds_) sum += s;
  return sum;
}

std::string Profile::ToString() const {
  std::string out;
  for (size_t i = 0; i < kPhaseCount; ++i) {
    if (i > 0) out += ", ";
    out += fmt::format("{} {:.3f} s", kPhaseNames[i], seconds_[i]);
  }
  return out;
}

std::string Profile::RulesToString() const {
  std::string out;
  for (const auto& [rule, seconds] : rules_) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {:.3f} s", rule, seconds);
  }
  return out;
}

}  // namespace oversight
