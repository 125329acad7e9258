// The attention-allocation experiment (D'Amour et al., "Fairness is not static", FAT* 2020;
// google/ml-fairness-gym): K sites with incident rates r_k; each step Y_k ~ Poisson(r_k)
// incidents occur, an agent (attention_agents.h) splits `units` units of attention, and
// min(a_k, Y_k) incidents are discovered at each site, each then missed with
// `miss_probability`. The rates respond to attention: r_k += d where no unit went, else
// r_k = max(0, r_k - d a_k), with d = `drift`.
//
// Step t of run r draws from Stream::kAttention keyed by (run r, step t): words 0..K-1 the
// incidents, K..2K-1 the misses, 2K.. the agent's; so every agent meets the same incident
// draws as long as its rates match. Runs are made in parallel (TBB, the caller's task
// arena) and summarised in run order: the result does not depend on the thread count.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/scenario.h"

namespace oversight {

// One run of one agent: per step, per site (row-major by step).
struct AttentionRun {
  std::vector<int32_t> occurred, discovered, allocated;
  std::vector<double> rate;  // at the start of the step
};

AttentionRun RunAttention(const AttentionScenarioOptions& options, const AttentionAgentSpec& agent,
                          int32_t steps, uint64_t seed, uint32_t run);

// Delta: the largest gap between two sites' discovered / occurred over a run (sites where
// nothing occurred are left out).
double AttentionDelta(const std::vector<double>& occurred, const std::vector<double>& discovered);

struct AttentionArm {
  AttentionAgentSpec agent;
  std::string name;  // e.g. "greedy (alpha 0.75)"
  // Per step, per site (row-major by step), mean over the runs.
  std::vector<double> occurred, discovered, rate;
  // Per site, mean over the runs: totals over the steps.
  std::vector<double> total_occurred, total_discovered;
  double delta_mean = 0, delta_sd = 0;  // Delta per run: mean and sd over the runs
  double discovered_all = 0;            // mean over the runs: all sites, all steps
  double missed_all = 0;                // occurred and not discovered, likewise
};

struct AttentionExperiment {
  int32_t steps = 0;
  int32_t runs = 0;
  int32_t sites = 0;
  std::vector<AttentionArm> arms;  // in the scenario's order of agents
};

// The agent's name in outputs.
std::string AttentionAgentName(const AttentionAgentSpec& agent);

AttentionExperiment RunAttentionExperiment(const Scenario& scenario);

// Bytes the experiment holds at its peak: one agent's runs (all kept until summarised) and
// every arm's per-step means.
double AttentionMemoryBytes(const Scenario& scenario);

}  // namespace oversight
