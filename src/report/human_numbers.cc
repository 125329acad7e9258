#include "report/human_numbers.h"

#include <fmt/format.h>

#include "audit/rate.h"

namespace oversight {

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  const size_t lead = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i >= lead && (i - lead) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Percent(uint64_t numerator, uint64_t denominator) {
  const auto v = Rate{numerator, denominator}.value();
  const std::string share = v ? fmt::format("{:.1f}%", *v * 100.0) : std::string("n/a");
  return fmt::format("{} ({} of {})", share, WithThousands(numerator), WithThousands(denominator));
}

std::string PerThousand(uint64_t numerator, uint64_t denominator) {
  if (denominator == 0) return "n/a";
  return fmt::format("{:.1f}",
                     1000.0 * static_cast<double>(numerator) / static_cast<double>(denominator));
}

}  // namespace oversight
