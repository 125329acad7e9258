#include "sim/profile.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/human_numbers.h"

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
  for (const RuleCost& rule : rules_) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {:.3f} s", rule.id, rule.seconds);
  }
  return out;
}

std::string Profile::RuleStateToString() const {
  std::vector<const RuleCost*> by_size;
  for (const RuleCost& rule : rules_) by_size.push_back(&rule);
  std::stable_sort(by_size.begin(), by_size.end(), [](const RuleCost* a, const RuleCost* b) {
    return a->state_bytes > b->state_bytes;
  });
  std::string out;
  for (const RuleCost* rule : by_size) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {:.1f} MiB", rule->id,
                       static_cast<double>(rule->state_bytes) / (1024.0 * 1024.0));
    if (rule->state_keys > 0) out += fmt::format(" ({} keys)", WithThousands(rule->state_keys));
  }
  return out;
}

}  // namespace oversight
