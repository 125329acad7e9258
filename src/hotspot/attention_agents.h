// The allocation rules of the attention-allocation experiment (D'Amour et al., "Fairness is
// not static", FAT* 2020; google/ml-fairness-gym), each splitting `units` units of
// attention over the sites every step:
//   - uniform: Multinomial(units, 1/K);
//   - proportional (epsilon): with probability epsilon the uniform draw, otherwise
//     Multinomial(units, p) with p proportional to each site's incidents discovered so far
//     plus one (a prior of one incident a site, so no site starts at zero);
//   - greedy (alpha): uniform for the first `burn_in` steps and, after them, on a tenth of
//     the steps (ml-fairness-gym's exploration); otherwise each site's rate is the
//     censored-Poisson maximum-likelihood estimate over its last `window` steps
//     (attention_estimate.h), and the allocation maximises the expected discoveries
//     sum_k sum_{v=1..a_k} P(Y_k >= v) subject to ml-fairness-gym's constraint
//     |f_i(a_i) - f_j(a_j)| <= alpha for every pair, f the share of a site's incidents its
//     units are expected to discover. alpha >= 1 leaves no constraint: one unit at a time
//     to the largest marginal gain. alpha < 1: every split of the units is tried (the
//     scenario reader bounds their number); ties go to the first split tried (the first site's
//     units from most to fewest, then the second's, ...); with no split within alpha, the
//     unconstrained allocation;
//   - oracle: Multinomial(units, r / sum r) on the true current rates (uniform when all
//     are zero), a bound on what knowing the rates gives.
//
// An agent sees only its own allocations and discoveries (and the oracle the truth). Draws
// come from the caller's Rng: words [first_word, first_word + units + 1).
// Thread-safety: one agent per thread.
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "core/rng.h"
#include "scenario/attention_options.h"

namespace oversight {

class AttentionAgent {
 public:
  AttentionAgent(const AttentionAgentSpec& spec, const AttentionScenarioOptions& options);

  // Step `step`'s allocation (sums to `units`). `true_rates` is read by the oracle only.
  std::vector<int32_t> Allocate(int32_t step, std::span<const double> true_rates, Rng& rng,
                                uint32_t first_word);

  // The step's outcome: what each site was given and what was discovered there.
  void Observe(std::span<const int32_t> allocation, std::span<const int32_t> discovered);

  // The greedy agent's last rate estimates (empty before its first estimate).
  const std::vector<double>& estimates() const { return estimates_; }

 private:
  std::vector<int32_t> Multinomial(std::span<const double> weights, Rng& rng, uint32_t first);
  std::vector<int32_t> Greedy();

  AttentionAgentSpec spec_;
  int32_t units_ = 0;
  size_t sites_ = 0;
  int32_t burn_in_ = 0;
  size_t window_ = 0;
  std::vector<int64_t> found_;  // per site: incidents discovered so far
  // The greedy agent's last `window` steps: per step, per site, (allocated, discovered).
  std::deque<std::vector<std::pair<int32_t, int32_t>>> history_;
  std::vector<double> estimates_;
};

}  // namespace oversight
