#include "audit/interval.h"

#include <array>
#include <cmath>

namespace oversight {

double StudentT975(size_t degrees_of_freedom) {
  // Exact to the printed digits for 1-30 degrees of freedom; beyond, the values for 40, 60,
  // 120 and the normal limit, taking the next smaller tabulated row (a slightly wider,
  // conservative interval).
  static constexpr std::array<double, 30> kTable = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (degrees_of_freedom == 0) return 0.0;
  if (degrees_of_freedom <= kTable.size()) return kTable[degrees_of_freedom - 1];
  if (degrees_of_freedom < 40) return 2.042;
  if (degrees_of_freedom < 60) return 2.021;
  if (degrees_of_freedom < 120) return 2.000;
  return 1.980;
}

Estimate MeanInterval(const std::vector<double>& values) {
  Estimate out;
  out.n = values.size();
  if (values.empty()) return out;
  double sum = 0.0;
  for (double v : values) sum += v;
  out.mean = sum / static_cast<double>(out.n);
  out.low = out.high = out.mean;
  if (out.n < 2) return out;
  double squares = 0.0;
  for (double v : values) squares += (v - out.mean) * (v - out.mean);
  out.sd = std::sqrt(squares / static_cast<double>(out.n - 1));
  const double half = StudentT975(out.n - 1) * out.sd / std::sqrt(static_cast<double>(out.n));
  out.low = out.mean - half;
  out.high = out.mean + half;
  return out;
}

}  // namespace oversight
