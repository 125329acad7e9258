// Options of an attention-allocation scenario (`[scenario] model = "attention"`): D'Amour et
// al.'s "Fairness is not static" (FAT* 2020) experiment from google/ml-fairness-gym, in
// which an agent splits a few units of police attention over sites whose incident rates
// respond to the attention (hotspot/attention_run.h). `[scenario] days` is the number of
// steps of each run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace oversight {

// The allocation rules compared (hotspot/attention_agents.h).
enum class AttentionAgentKind : uint8_t { kUniform, kProportional, kGreedy, kOracle };

// One agent of the experiment, with its parameter: epsilon for the proportional agent,
// alpha for the greedy one, unused otherwise.
struct AttentionAgentSpec {
  AttentionAgentKind kind = AttentionAgentKind::kUniform;
  double parameter = 0;
};

// The most splits of the units over the sites a constrained greedy agent may try each step
// (the reader refuses more).
inline constexpr int64_t kMaxAttentionSplits = 200'000;

struct AttentionScenarioOptions {
  std::vector<std::string> sites = {"1", "2", "3", "4", "5"};
  std::vector<double> rates = {8, 6, 4, 3, 1.5};  // incidents a step at the start, per site
  int32_t units = 6;                              // attention units allocated each step
  double drift = 0.0;             // d: rate gained unattended / lost per unit of attention
  double miss_probability = 0.0;  // chance an attended incident is still missed
  int32_t runs = 50;
  // The agents: uniform, proportional for each epsilon, greedy for each alpha, oracle.
  std::vector<AttentionAgentSpec> agents = {
      {AttentionAgentKind::kUniform, 0},        {AttentionAgentKind::kProportional, 0.1},
      {AttentionAgentKind::kProportional, 0.5}, {AttentionAgentKind::kGreedy, 1.0},
      {AttentionAgentKind::kGreedy, 0.75},      {AttentionAgentKind::kOracle, 0}};
  int32_t burn_in = 25;  // greedy: steps of uniform allocation before the first estimate
  int32_t window = 100;  // greedy: steps of observations the estimate uses
};

}  // namespace oversight
