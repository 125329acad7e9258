// A rate with its numerator and denominator, as every report shows them.
#pragma once

#include <cstdint>
#include <optional>

namespace oversight {

struct Rate {
  uint64_t numerator = 0;
  uint64_t denominator = 0;

  // numerator / denominator, or nothing when the denominator is 0.
  std::optional<double> value() const {
    if (denominator == 0) return std::nullopt;
    return static_cast<double>(numerator) / static_cast<double>(denominator);
  }
};

}  // namespace oversight
