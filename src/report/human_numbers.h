// Numbers as people read them in the summary and the HTML page.
#pragma once

#include <cstdint>
#include <string>

namespace oversight {

// 1234567 -> "1,234,567".
std::string WithThousands(uint64_t n);
// "41.2% (412 of 1,000)"; "n/a (0 of 0)" when the denominator is 0.
std::string Percent(uint64_t numerator, uint64_t denominator);
// "82.4" (per 1,000); "n/a" when the denominator is 0.
std::string PerThousand(uint64_t numerator, uint64_t denominator);

}  // namespace oversight
