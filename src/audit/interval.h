// An estimate: the mean of replicate values with a Student-t 95% confidence interval.
//
// With n values the interval is mean +/- t(0.975, n - 1) x sd / sqrt(n), sd the sample
// standard deviation (n - 1 in the denominator). With one value it is that value, with no
// width (nothing to estimate spread from); with none, n = 0 and everything is 0.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <vector>

namespace oversight {

struct Estimate {
  size_t n = 0;
  double mean = 0;
  double sd = 0;
  double low = 0;
  double high = 0;
};

Estimate MeanInterval(const std::vector<double>& values);

// The 0.975 quantile of Student's t with `degrees_of_freedom` (>= 1) degrees of freedom.
double StudentT975(size_t degrees_of_freedom);

}  // namespace oversight
