// Design: the constrained greedy search walks the splits of the units recursively with
// per-site tables of the expected discoveries and of f (both functions of a site's units
// alone), so each split costs one pass over the sites.
#include "hotspot/attention_agents.h"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "hotspot/attention_estimate.h"

namespace oversight {

namespace {

// The share of steps on which the greedy agent, past its burn-in, allocates uniformly
// instead (ml-fairness-gym's default epsilon for it), so that a site it stopped attending
// is seen again.
constexpr double kGreedyExploration = 0.1;

// Per site, per number of units v = 0..units: expected discoveries and f(v).
struct SiteTables {
  std::vector<std::vector<double>> yield, fraction;
};

SiteTables Tables(std::span<const double> rates, int32_t units) {
  SiteTables t;
  for (const double rate : rates) {
    std::vector<double> yield(static_cast<size_t>(units) + 1, 0.0);
    std::vector<double> fraction(static_cast<size_t>(units) + 1, 0.0);
    for (int32_t v = 1; v <= units; ++v) {
      yield[static_cast<size_t>(v)] = yield[static_cast<size_t>(v - 1)] + PoissonTail(v, rate);
      fraction[static_cast<size_t>(v)] = DiscoveryFraction(v, rate);
    }
    t.yield.push_back(std::move(yield));
    t.fraction.push_back(std::move(fraction));
  }
  return t;
}

// One unit at a time to the site whose next unit is likeliest to discover (lowest index on
// ties): optimal without a constraint, the marginal gains P(Y >= v + 1) falling with v.
std::vector<int32_t> Unconstrained(const SiteTables& t, int32_t units) {
  std::vector<int32_t> a(t.yield.size(), 0);
  for (int32_t u = 0; u < units; ++u) {
    size_t best = 0;
    double gain = -1;
    for (size_t k = 0; k < a.size(); ++k) {
      const auto v = static_cast<size_t>(a[k]);
      const double g = t.yield[k][v + 1] - t.yield[k][v];
      if (g > gain) {
        gain = g;
        best = k;
      }
    }
    ++a[best];
  }
  return a;
}

// Exhaustive search of the splits within alpha.
class SplitSearch {
 public:
  SplitSearch(const SiteTables& t, double alpha) : t_(t), alpha_(alpha) {}

  std::vector<int32_t> Run(int32_t units) {
    current_.assign(t_.yield.size(), 0);
    Visit(0, units);
    assert(visited_ <= kMaxAttentionSplits);  // the reader bounds the splits
    return best_;
  }

 private:
  void Visit(size_t site, int32_t left) {
    if (site + 1 == current_.size()) {
      current_[site] = left;
      Score();
      return;
    }
    for (int32_t v = left; v >= 0; --v) {
      current_[site] = v;
      Visit(site + 1, left - v);
    }
  }

  void Score() {
    ++visited_;
    double lo = 1, hi = 0, yield = 0;
    for (size_t k = 0; k < current_.size(); ++k) {
      const auto v = static_cast<size_t>(current_[k]);
      lo = std::min(lo, t_.fraction[k][v]);
      hi = std::max(hi, t_.fraction[k][v]);
      yield += t_.yield[k][v];
    }
    if (hi - lo > alpha_ || yield <= best_yield_) return;
    best_yield_ = yield;
    best_ = current_;
  }

  const SiteTables& t_;
  double alpha_;
  std::vector<int32_t> current_, best_;
  double best_yield_ = -1;
  int64_t visited_ = 0;
};

}  // namespace

AttentionAgent::AttentionAgent(const AttentionAgentSpec& spec,
                               const AttentionScenarioOptions& options)
    : spec_(spec),
      units_(options.units),
      sites_(options.rates.size()),
      burn_in_(options.burn_in),
      window_(static_cast<size_t>(options.window)),
      found_(options.rates.size(), 0) {}

std::vector<int32_t> AttentionAgent::Multinomial(std::span<const double> weights, Rng& rng,
                                                 uint32_t first) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int32_t> a(sites_, 0);
  for (int32_t u = 0; u < units_; ++u) {
    const double x = rng.UniformAt(first + static_cast<uint32_t>(u)) * total;
    double cumulative = 0;
    size_t k = 0;
    for (; k + 1 < sites_; ++k) {
      cumulative += weights[k];
      if (x < cumulative) break;
    }
    ++a[k];
  }
  return a;
}

std::vector<int32_t> AttentionAgent::Greedy() {
  if (estimates_.empty()) estimates_.assign(sites_, 1.0);
  for (size_t k = 0; k < sites_; ++k) {
    CensoredPoissonData data;
    for (const auto& step : history_) data.Add(step[k].second, step[k].first);
    estimates_[k] = CensoredPoissonRate(data, estimates_[k]);
  }
  const SiteTables t = Tables(estimates_, units_);
  if (spec_.parameter < 1) {
    std::vector<int32_t> a = SplitSearch(t, spec_.parameter).Run(units_);
    if (!a.empty()) return a;
  }
  return Unconstrained(t, units_);
}

std::vector<int32_t> AttentionAgent::Allocate(int32_t step, std::span<const double> true_rates,
                                              Rng& rng, uint32_t first_word) {
  const std::vector<double> even(sites_, 1.0);
  switch (spec_.kind) {
    case AttentionAgentKind::kUniform:
      return Multinomial(even, rng, first_word);
    case AttentionAgentKind::kProportional: {
      if (rng.UniformAt(first_word + static_cast<uint32_t>(units_)) < spec_.parameter) {
        return Multinomial(even, rng, first_word);
      }
      std::vector<double> weights(sites_);
      for (size_t k = 0; k < sites_; ++k) weights[k] = 1.0 + static_cast<double>(found_[k]);
      return Multinomial(weights, rng, first_word);
    }
    case AttentionAgentKind::kGreedy: {
      const bool explore =
          rng.UniformAt(first_word + static_cast<uint32_t>(units_)) < kGreedyExploration;
      return step < burn_in_ || explore ? Multinomial(even, rng, first_word) : Greedy();
    }
    case AttentionAgentKind::kOracle: {
      const double total = std::accumulate(true_rates.begin(), true_rates.end(), 0.0);
      return Multinomial(total > 0 ? true_rates : std::span<const double>(even), rng, first_word);
    }
  }
  return Multinomial(even, rng, first_word);
}

void AttentionAgent::Observe(std::span<const int32_t> allocation,
                             std::span<const int32_t> discovered) {
  assert(allocation.size() == sites_ && discovered.size() == sites_);
  std::vector<std::pair<int32_t, int32_t>> step(sites_);
  for (size_t k = 0; k < sites_; ++k) {
    found_[k] += discovered[k];
    step[k] = {allocation[k], discovered[k]};
  }
  if (spec_.kind != AttentionAgentKind::kGreedy) return;
  history_.push_back(std::move(step));
  if (history_.size() > window_) history_.pop_front();
}

}  // namespace oversight
