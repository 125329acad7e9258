#include "hotspot/attention_run.h"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "core/count_draws.h"
#include "core/rng.h"
#include "hotspot/attention_agents.h"

namespace oversight {

namespace {

// The step's incidents, discoveries and the rates' response, for allocation `a`.
void Step(const AttentionScenarioOptions& o, Rng& rng, const std::vector<int32_t>& a,
          std::vector<double>& rates, std::vector<int32_t>& occurred,
          std::vector<int32_t>& discovered) {
  const size_t sites = rates.size();
  for (size_t k = 0; k < sites; ++k) {
    const auto word = static_cast<uint32_t>(k);
    occurred[k] =
        rates[k] > 0 ? static_cast<int32_t>(PoissonCount(rng.UniformAt(word), rates[k])) : 0;
    int32_t seen = std::min(a[k], occurred[k]);
    if (o.miss_probability > 0 && seen > 0) {
      seen -= static_cast<int32_t>(
          BinomialCount(rng.UniformAt(static_cast<uint32_t>(sites + k)), seen, o.miss_probability));
    }
    discovered[k] = seen;
    rates[k] = a[k] == 0 ? rates[k] + o.drift : std::max(0.0, rates[k] - o.drift * a[k]);
  }
}

AttentionArm Summarise(const AttentionAgentSpec& agent, const std::vector<AttentionRun>& runs,
                       size_t sites) {
  AttentionArm arm;
  arm.agent = agent;
  arm.name = AttentionAgentName(agent);
  const size_t cells = runs.front().occurred.size();
  const auto n = static_cast<double>(runs.size());
  arm.occurred.assign(cells, 0.0);
  arm.discovered.assign(cells, 0.0);
  arm.rate.assign(cells, 0.0);
  arm.total_occurred.assign(sites, 0.0);
  arm.total_discovered.assign(sites, 0.0);
  double sum_sq = 0;
  for (const AttentionRun& run : runs) {
    std::vector<double> occurred(sites, 0.0), discovered(sites, 0.0);
    for (size_t i = 0; i < cells; ++i) {
      arm.occurred[i] += run.occurred[i] / n;
      arm.discovered[i] += run.discovered[i] / n;
      arm.rate[i] += run.rate[i] / n;
      occurred[i % sites] += run.occurred[i];
      discovered[i % sites] += run.discovered[i];
    }
    for (size_t k = 0; k < sites; ++k) {
      arm.total_occurred[k] += occurred[k] / n;
      arm.total_discovered[k] += discovered[k] / n;
      arm.discovered_all += discovered[k] / n;
      arm.missed_all += (occurred[k] - discovered[k]) / n;
    }
    const double delta = AttentionDelta(occurred, discovered);
    arm.delta_mean += delta / n;
    sum_sq += delta * delta / n;
  }
  arm.delta_sd = std::sqrt(std::max(0.0, sum_sq - arm.delta_mean * arm.delta_mean));
  return arm;
}

}  // namespace

AttentionRun RunAttention(const AttentionScenarioOptions& options, const AttentionAgentSpec& agent,
                          int32_t steps, uint64_t seed, uint32_t run) {
  const size_t sites = options.rates.size();
  AttentionAgent allocator(agent, options);
  std::vector<double> rates = options.rates;
  std::vector<int32_t> occurred(sites), discovered(sites);
  AttentionRun out;
  const size_t cells = static_cast<size_t>(steps) * sites;
  out.occurred.reserve(cells);
  out.discovered.reserve(cells);
  out.allocated.reserve(cells);
  out.rate.reserve(cells);
  for (int32_t t = 0; t < steps; ++t) {
    Rng rng(seed, Stream::kAttention, run, t);
    const std::vector<int32_t> a =
        allocator.Allocate(t, rates, rng, static_cast<uint32_t>(2 * sites));
    out.rate.insert(out.rate.end(), rates.begin(), rates.end());
    Step(options, rng, a, rates, occurred, discovered);
    allocator.Observe(a, discovered);
    out.occurred.insert(out.occurred.end(), occurred.begin(), occurred.end());
    out.discovered.insert(out.discovered.end(), discovered.begin(), discovered.end());
    out.allocated.insert(out.allocated.end(), a.begin(), a.end());
  }
  return out;
}

double AttentionDelta(const std::vector<double>& occurred, const std::vector<double>& discovered) {
  double lo = 1, hi = 0;
  bool any = false;
  for (size_t k = 0; k < occurred.size(); ++k) {
    if (occurred[k] <= 0) continue;
    const double share = discovered[k] / occurred[k];
    lo = std::min(lo, share);
    hi = std::max(hi, share);
    any = true;
  }
  return any ? hi - lo : 0.0;
}

std::string AttentionAgentName(const AttentionAgentSpec& agent) {
  switch (agent.kind) {
    case AttentionAgentKind::kUniform:
      return "uniform";
    case AttentionAgentKind::kProportional:
      return fmt::format("proportional (epsilon {:g})", agent.parameter);
    case AttentionAgentKind::kGreedy:
      return fmt::format("greedy (alpha {:g})", agent.parameter);
    case AttentionAgentKind::kOracle:
      return "oracle";
  }
  return "agent";
}

double AttentionMemoryBytes(const Scenario& scenario) {
  const AttentionScenarioOptions& o = scenario.attention;
  const double cells = static_cast<double>(scenario.days) * static_cast<double>(o.rates.size());
  const double per_run = cells * (3 * sizeof(int32_t) + sizeof(double));
  const double per_arm = cells * 3 * sizeof(double);
  return per_run * o.runs + per_arm * static_cast<double>(o.agents.size()) +
         static_cast<double>(o.runs) * o.window * static_cast<double>(o.rates.size()) * 8.0;
}

AttentionExperiment RunAttentionExperiment(const Scenario& scenario) {
  const AttentionScenarioOptions& o = scenario.attention;
  AttentionExperiment e{.steps = scenario.days,
                        .runs = o.runs,
                        .sites = static_cast<int32_t>(o.rates.size()),
                        .arms = {}};
  for (const AttentionAgentSpec& agent : o.agents) {
    std::vector<AttentionRun> runs(static_cast<size_t>(o.runs));
    tbb::parallel_for(
        tbb::blocked_range<size_t>(0, runs.size()), [&](const tbb::blocked_range<size_t>& r) {
          for (size_t k = r.begin(); k != r.end(); ++k) {
            runs[k] =
                RunAttention(o, agent, scenario.days, scenario.seed, static_cast<uint32_t>(k));
          }
        });
    e.arms.push_back(Summarise(agent, runs, o.rates.size()));
  }
  return e;
}

}  // namespace oversight
