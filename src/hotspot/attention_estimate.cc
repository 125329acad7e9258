// Design: pmf values come from the recursion pmf(k) = pmf(k - 1) rate / k from pmf(0) =
// exp(-rate) (no underflow up to kMaxAttentionRate); the tail is summed upward from v
// when v is beyond the rate (where 1 - cdf would cancel) and as 1 - cdf otherwise.
#include "hotspot/attention_estimate.h"

#include <algorithm>
#include <cmath>

namespace oversight {

namespace {

// P(Y >= v) given pmf(v) and the cdf up to v - 1 (see the design note).
double TailFrom(int32_t v, double rate, double pmf_v, double cdf_below) {
  if (static_cast<double>(v) <= rate) return std::max(0.0, 1.0 - cdf_below);
  double term = pmf_v, sum = 0;
  for (int32_t k = v; term > 1e-300 && term > sum * 1e-17; ++k) {
    sum += term;
    term *= rate / (k + 1);
  }
  return std::min(1.0, sum);
}

// The score (derivative of the log-likelihood) at `rate`.
double Score(const CensoredPoissonData& d, double rate) {
  double score = static_cast<double>(d.exact_sum) / rate - static_cast<double>(d.exact_steps);
  double pmf = std::exp(-rate), cdf = 0;  // pmf(k) and P(Y < k) for k = 0, 1, ...
  for (size_t a = 1; a < d.censored_at.size(); ++a) {
    const double pmf_below = pmf;  // pmf(a - 1)
    cdf += pmf;
    pmf *= rate / static_cast<double>(a);
    if (d.censored_at[a] == 0) continue;
    // d/d rate of log P(Y >= a) is pmf(a - 1) / P(Y >= a).
    const double tail = TailFrom(static_cast<int32_t>(a), rate, pmf, cdf);
    if (tail <= 0) return 1.0;  // far below the censoring point: the rate must rise
    score += static_cast<double>(d.censored_at[a]) * pmf_below / tail;
  }
  return score;
}

}  // namespace

double PoissonTail(int32_t v, double rate) {
  if (v <= 0) return 1.0;
  if (rate <= 0) return 0.0;
  double pmf = std::exp(-rate), cdf = 0;
  for (int32_t k = 0; k < v; ++k) {
    cdf += pmf;
    pmf *= rate / (k + 1);
  }
  return TailFrom(v, rate, pmf, cdf);
}

double DiscoveryFraction(int32_t v, double rate) {
  if (v <= 0) return 0.0;
  // pmf(0) (nothing occurred: counted as all discovered), every c <= v in full, and v / c
  // of each larger c, summed until the terms vanish.
  double pmf = std::exp(-rate);
  double out = pmf;
  const int32_t last = static_cast<int32_t>(rate + 12 * std::sqrt(rate) + 30) + v;
  for (int32_t c = 1; c <= last; ++c) {
    pmf *= rate / c;
    out += pmf * std::min(1.0, static_cast<double>(v) / c);
  }
  return std::min(1.0, out);
}

void CensoredPoissonData::Add(int32_t discovered, int32_t allocated) {
  if (allocated <= 0) return;
  if (discovered < allocated) {
    ++exact_steps;
    exact_sum += discovered;
    return;
  }
  if (censored_at.size() <= static_cast<size_t>(allocated)) {
    censored_at.resize(static_cast<size_t>(allocated) + 1, 0);
  }
  ++censored_at[static_cast<size_t>(allocated)];
}

double CensoredPoissonRate(const CensoredPoissonData& data, double fallback) {
  bool any_censored = false;
  for (const int64_t n : data.censored_at) any_censored |= n > 0;
  if (data.exact_steps == 0 && !any_censored) return fallback;
  // The score falls with the rate (log-concavity): bisect its sign change in log space.
  double lo = std::log(kMinAttentionRate), hi = std::log(kMaxAttentionRate);
  if (Score(data, std::exp(lo)) <= 0) return kMinAttentionRate;
  if (Score(data, std::exp(hi)) >= 0) return kMaxAttentionRate;
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    (Score(data, std::exp(mid)) > 0 ? lo : hi) = mid;
  }
  return std::exp((lo + hi) / 2);
}

}  // namespace oversight
