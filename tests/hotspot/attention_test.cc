#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/count_draws.h"
#include "core/rng.h"
#include "hotspot/attention_agents.h"
#include "hotspot/attention_estimate.h"
#include "hotspot/attention_run.h"
#include "report/attention_report.h"
#include "report/output_sink.h"
#include "scenario/attention_reader.h"

namespace oversight {
namespace {

AttentionScenarioOptions FiveSites(double drift) {
  AttentionScenarioOptions o;
  o.rates = {8, 6, 4, 3, 1.5};
  o.units = 6;
  o.drift = drift;
  return o;
}

double Binomial(int n, int k, double p) {
  return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0)) *
         std::pow(p, k) * std::pow(1 - p, n - k);
}

// P(Y >= v) for Y ~ Poisson(rate), from the pmf (independent of PoissonTail).
double Tail(int v, double rate) {
  double cdf = 0;
  for (int k = 0; k < v; ++k) cdf += std::exp(k * std::log(rate) - rate - std::lgamma(k + 1.0));
  return 1 - cdf;
}

// Under the uniform agent with no drift a site's units are A ~ Binomial(N, 1/K),
// independent of its incidents Y ~ Poisson(r), so its expected discoveries a step are
// E[min(A, Y)] = sum_a P(A = a) sum_{v=1..a} P(Y >= v). Over 20 runs x 1,000 steps
// (20,000 independent steps) the mean's standard error is at most sd(min(A, Y)) / sqrt(20,000)
// <= sqrt(E[A^2]) / 141 = sqrt(0.96 + 1.44) / 141 = 0.011; tolerance 0.045, 4 standard errors.
TEST(AttentionTest, UniformAgentMatchesTheClosedForm) {
  const AttentionScenarioOptions o = FiveSites(0.0);
  const AttentionAgentSpec uniform{AttentionAgentKind::kUniform, 0};
  const int runs = 20, steps = 1000;
  std::vector<double> found(o.rates.size(), 0.0);
  for (int r = 0; r < runs; ++r) {
    const AttentionRun run = RunAttention(o, uniform, steps, 99, static_cast<uint32_t>(r));
    for (size_t i = 0; i < run.discovered.size(); ++i) {
      found[i % o.rates.size()] += run.discovered[i] / static_cast<double>(runs * steps);
    }
  }
  const double p = 1.0 / static_cast<double>(o.rates.size());
  for (size_t k = 0; k < o.rates.size(); ++k) {
    double expected = 0;
    for (int a = 1; a <= o.units; ++a) {
      double min_mean = 0;
      for (int v = 1; v <= a; ++v) min_mean += Tail(v, o.rates[k]);
      expected += Binomial(o.units, a, p) * min_mean;
    }
    EXPECT_NEAR(found[k], expected, 0.045) << "site " << k;
  }
}

TEST(AttentionTest, PoissonArithmeticByHand) {
  EXPECT_NEAR(PoissonTail(1, 2.0), 1 - std::exp(-2.0), 1e-12);
  EXPECT_NEAR(PoissonTail(3, 0.01), Tail(3, 0.01), 1e-12);
  EXPECT_NEAR(PoissonTail(30, 2.0), 0.0, 1e-15);  // far in the tail: no cancellation
  EXPECT_GT(PoissonTail(30, 2.0), 0.0);
  // f(1) = pmf(0) + sum_c pmf(c) / c; f(0) = 0; f rises to 1 with the units.
  double f1 = std::exp(-2.0);
  for (int c = 1; c < 60; ++c) f1 += std::exp(c * std::log(2.0) - 2.0 - std::lgamma(c + 1.0)) / c;
  EXPECT_NEAR(DiscoveryFraction(1, 2.0), f1, 1e-12);
  EXPECT_EQ(DiscoveryFraction(0, 2.0), 0.0);
  EXPECT_LT(DiscoveryFraction(2, 2.0), DiscoveryFraction(5, 2.0));
  EXPECT_NEAR(DiscoveryFraction(40, 2.0), 1.0, 1e-9);
}

// The censored-Poisson estimate from steps that saw at most 2 or 4 of rate-5 incidents
// (most of them censored) lands near 5, where the naive mean of the discoveries is below 3.
TEST(AttentionTest, CensoredPoissonRecoversTheRate) {
  CensoredPoissonData data;
  double naive = 0;
  const int steps = 4000;
  for (int t = 0; t < steps; ++t) {
    Rng rng(7, Stream::kAttention, 0, t);
    const int32_t allocated = t % 2 == 0 ? 2 : 4;
    const auto y = static_cast<int32_t>(PoissonCount(rng.UniformAt(0), 5.0));
    const int32_t discovered = std::min(allocated, y);
    data.Add(discovered, allocated);
    naive += discovered / static_cast<double>(steps);
  }
  EXPECT_LT(naive, 3.2);
  EXPECT_NEAR(CensoredPoissonRate(data, 1.0), 5.0, 0.25);
  EXPECT_EQ(CensoredPoissonRate(CensoredPoissonData{}, 1.5), 1.5);  // nothing observed
}

// The greedy agent after 100 fully observed steps of the five sites (30 units each, never
// saturated: P(Y >= 30) < 1e-8 at rate 8; so the estimates are the sample means, within 4
// standard errors, 4 sqrt(r / 100), of the rates): with alpha 1 its units go where the
// next one is likeliest to discover, none to the 1.5 site; with alpha 0.5 the sites'
// expected discovered shares f stay within 0.5 of each other, at a lower expected yield.
TEST(AttentionTest, GreedyAllocatesUnderTheFairnessConstraint) {
  AttentionScenarioOptions o = FiveSites(0.0);
  o.burn_in = 0;
  auto agent_after_history = [&](double alpha) {
    AttentionAgent agent({AttentionAgentKind::kGreedy, alpha}, o);
    for (int t = 0; t < 100; ++t) {
      Rng rng(11, Stream::kAttention, 0, t);
      std::vector<int32_t> seen(5);
      for (size_t k = 0; k < 5; ++k) {
        seen[k] = static_cast<int32_t>(std::min<int64_t>(
            29, PoissonCount(rng.UniformAt(static_cast<uint32_t>(k)), o.rates[k])));
      }
      agent.Observe(std::vector<int32_t>(5, 30), seen);
    }
    return agent;
  };
  const std::vector<double> no_truth(5, 0.0);
  // A step whose exploration coin (word units = 6) says: do not explore.
  int32_t day = 0;
  while (Rng(1, Stream::kAttention, 0, day).UniformAt(6) < 0.1) ++day;
  Rng rng(1, Stream::kAttention, 0, day);
  AttentionAgent free = agent_after_history(1.0);
  const std::vector<int32_t> a = free.Allocate(100, no_truth, rng, 0);
  EXPECT_EQ(a[4], 0);
  EXPECT_GE(a[0], a[3]);
  AttentionAgent fair = agent_after_history(0.5);
  const std::vector<int32_t> b = fair.Allocate(100, no_truth, rng, 0);
  double lo = 1, hi = 0, yield_a = 0, yield_b = 0;
  int sum = 0;
  for (size_t k = 0; k < 5; ++k) {
    const double rate = fair.estimates()[k];
    EXPECT_NEAR(rate, o.rates[k], 4 * std::sqrt(o.rates[k] / 100)) << k;
    lo = std::min(lo, DiscoveryFraction(b[k], rate));
    hi = std::max(hi, DiscoveryFraction(b[k], rate));
    for (int v = 1; v <= a[k]; ++v) yield_a += PoissonTail(v, rate);
    for (int v = 1; v <= b[k]; ++v) yield_b += PoissonTail(v, rate);
    sum += b[k];
  }
  EXPECT_EQ(sum, 6);
  EXPECT_LE(hi - lo, 0.5);
  EXPECT_LE(yield_b, yield_a + 1e-12);
}

// Attention lowers the rates it is given and neglect raises them: with drift, the oracle's
// sites' rates move toward each other.
TEST(AttentionTest, DriftRespondsToAttention) {
  const AttentionScenarioOptions o = FiveSites(0.05);
  const AttentionRun run = RunAttention(o, {AttentionAgentKind::kUniform, 0}, 300, 5, 0);
  // Uniform: 6 units over 5 sites, 1.2 a site on average: a site loses 0.05 * 1.2 and
  // gains 0.05 * P(no unit) = 0.05 * 0.8^6 = 0.013 a step on average; the rates fall.
  for (size_t k = 0; k < 5; ++k) EXPECT_LT(run.rate[299 * 5 + k], o.rates[k]);
}

TEST(AttentionTest, OutputsAreByteIdenticalAtOneAndTwoThreads) {
  Scenario s;
  s.seed = 4;
  s.days = 60;
  s.attention = FiveSites(0.01);
  s.attention.runs = 6;
  s.attention.burn_in = 10;
  s.attention.window = 20;
  auto outputs = [&](int threads) {
    tbb::task_arena arena(threads);
    AttentionExperiment e;
    arena.execute([&] { e = RunAttentionExperiment(s); });
    MemoryOutput out;
    EXPECT_TRUE(WriteAttentionReport(s, e, "test", &out).ok());
    std::string all;
    for (const auto& [name, content] : out.files()) all += name + "\n" + content;
    return all;
  };
  const std::string one = outputs(1);
  EXPECT_EQ(one, outputs(2));
  EXPECT_NE(one.find("attention_steps.csv"), std::string::npos);
  EXPECT_NE(one.find("greedy (alpha 0.75)"), std::string::npos);
}

Diagnostics ReadSection(std::string_view text, Scenario* scenario) {
  Diagnostics diagnostics("test.toml");
  const toml::table root = toml::parse(text);
  TableReader top(root, "the top level", &diagnostics);
  SectionContext ctx{top, root, &diagnostics, *scenario, {}, {}};
  ReadAttention(ctx);
  return diagnostics;
}

TEST(AttentionTest, ReaderExpandsTheAgentsAndChecksKeys) {
  Scenario s;
  Diagnostics d = ReadSection(
      "[attention]\nrates = [8, 6, 4]\nsites = [\"a\", \"b\", \"c\"]\nunits = 4\ndrift = 0.05\n"
      "agents = [\"uniform\", \"greedy\"]\nalpha = [1.0, 0.5]\n",
      &s);
  EXPECT_TRUE(d.empty()) << d.ToString();
  ASSERT_EQ(s.attention.agents.size(), 3u);
  EXPECT_EQ(s.attention.agents[2].kind, AttentionAgentKind::kGreedy);
  EXPECT_EQ(s.attention.agents[2].parameter, 0.5);
  EXPECT_EQ(s.attention.sites[1], "b");
  Scenario bad;
  d = ReadSection("[attention]\nrates = [8, 6]\nsites = [\"a\"]\nunits = 0\nspeed = 1\n", &bad);
  EXPECT_EQ(d.size(), 3u) << d.ToString();  // sites, units, and the unknown key
}

}  // namespace
}  // namespace oversight
