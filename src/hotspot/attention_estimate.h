// Poisson arithmetic of the attention-allocation agents (attention_agents.h): tail
// probabilities, the expected share of a site's incidents that v units discover, and the
// censored-Poisson maximum-likelihood rate of ml-fairness-gym's greedy agent.
//
// A site's step is observed as (discovered, allocated): with discovered < allocated every
// incident was seen (the count is exact); with discovered == allocated the units were all
// used and the count is censored (at least that many occurred). The likelihood of a rate
// lambda is then prod pmf(discovered) over exact steps times prod P(Y >= allocated) over
// censored ones; it is log-concave in lambda, so its maximum is where the score changes
// sign, found by bisection.
//
// Thread-safety: pure functions; CensoredPoissonData is a plain value.
#pragma once

#include <cstdint>
#include <vector>

namespace oversight {

// P(Y >= v) for Y ~ Poisson(rate); 1 for v <= 0.
double PoissonTail(int32_t v, double rate);

// E[min(v, Y) / Y] for Y ~ Poisson(rate), with 0 / 0 = 1 when v >= 1 (ml-fairness-gym's
// "candidate discovery probability" f(v)); 0 for v = 0.
double DiscoveryFraction(int32_t v, double rate);

// The sufficient statistics of a site's observations.
struct CensoredPoissonData {
  int64_t exact_steps = 0;           // steps with discovered < allocated
  int64_t exact_sum = 0;             // incidents discovered on them
  std::vector<int64_t> censored_at;  // [a]: steps with discovered == allocated == a (a >= 1)

  void Add(int32_t discovered, int32_t allocated);
};

inline constexpr double kMinAttentionRate = 1e-4;
inline constexpr double kMaxAttentionRate = 500.0;

// The maximum-likelihood rate in [kMinAttentionRate, kMaxAttentionRate], or `fallback`
// when the data say nothing (no step had any attention).
double CensoredPoissonRate(const CensoredPoissonData& data, double fallback);

}  // namespace oversight
