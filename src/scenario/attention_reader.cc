// Design: the agents are listed by kind, and the proportional and greedy kinds expand into
// one agent per epsilon and per alpha, in the order the kinds are listed.
#include "scenario/attention_reader.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

namespace oversight {

namespace {

constexpr int32_t kMaxSites = 20;

// The number of ways to split `units` units over `sites` sites, C(units + sites - 1,
// sites - 1), or `cap` + 1 once past `cap`.
int64_t Splits(int32_t units, int32_t sites, int64_t cap) {
  int64_t n = 1;
  for (int32_t i = 1; i < sites; ++i) {
    n = n * (units + i) / i;
    if (n > cap) return cap + 1;
  }
  return n;
}

// Reads `key`, an array of 1..max_size numbers in [min, max], into *out.
void ReadNumbers(TableReader& r, std::string_view key, double min, double max, size_t max_size,
                 std::vector<double>* out) {
  if (!r.Has(key)) return;
  const toml::array* values = r.Get(key)->as_array();
  bool ok = values != nullptr && !values->empty() && values->size() <= max_size;
  std::vector<double> read;
  for (size_t i = 0; ok && i < values->size(); ++i) {
    const std::optional<double> v = (*values)[i].value<double>();
    ok = v.has_value() && *v >= min && *v <= max;
    if (ok) read.push_back(*v);
  }
  if (ok) {
    *out = std::move(read);
  } else {
    r.Error(key, fmt::format("'{}' in {} must be 1 to {} numbers from {:g} to {:g}", key,
                             r.context(), max_size, min, max));
  }
}

void ReadSites(TableReader& r, AttentionScenarioOptions& o) {
  if (r.Require("rates", "each site's incidents a step at the start, e.g. [8, 6, 4, 3, 1.5]")) {
    ReadNumbers(r, "rates", 0.0, 1000.0, kMaxSites, &o.rates);
  }
  o.sites.clear();
  for (size_t k = 0; k < o.rates.size(); ++k) o.sites.push_back(std::to_string(k + 1));
  if (!r.Has("sites")) return;
  const toml::array* names = r.Get("sites")->as_array();
  bool ok = names != nullptr && names->size() == o.rates.size();
  std::vector<std::string> read;
  for (size_t i = 0; ok && i < names->size(); ++i) {
    ok = (*names)[i].is_string();
    if (ok) read.push_back(*(*names)[i].value<std::string>());
  }
  if (ok) {
    o.sites = std::move(read);
  } else {
    r.Error("sites", fmt::format("'sites' must be {} names, one per rate", o.rates.size()));
  }
}

void ReadAgents(TableReader& r, AttentionScenarioOptions& o) {
  std::vector<double> epsilon = {0.1, 0.5}, alpha = {1.0, 0.75};
  ReadNumbers(r, "epsilon", 0.0, 1.0, 10, &epsilon);
  ReadNumbers(r, "alpha", 0.0, 1.0, 10, &alpha);
  std::vector<size_t> kinds = {0, 1, 2, 3};
  if (r.Has("agents")) {
    kinds.clear();
    r.ChoiceArray("agents", {"uniform", "proportional", "greedy", "oracle"}, "agent",
                  [&](size_t kind) { kinds.push_back(kind); });
  }
  o.agents.clear();
  for (const size_t kind : kinds) {
    const auto k = static_cast<AttentionAgentKind>(kind);
    if (k == AttentionAgentKind::kProportional || k == AttentionAgentKind::kGreedy) {
      for (const double p : k == AttentionAgentKind::kGreedy ? alpha : epsilon) {
        o.agents.push_back({k, p});
      }
    } else {
      o.agents.push_back({k, 0});
    }
  }
  if (o.agents.empty() && r.Has("agents")) r.Error("agents", "'agents' names no agent");
}

// A constrained greedy agent tries every split of the units each step: bound their number.
void CheckSplits(TableReader& r, const AttentionScenarioOptions& o) {
  bool constrained = false;
  for (const AttentionAgentSpec& a : o.agents) {
    constrained |= a.kind == AttentionAgentKind::kGreedy && a.parameter < 1;
  }
  const auto sites = static_cast<int32_t>(o.rates.size());
  if (!constrained || Splits(o.units, sites, kMaxAttentionSplits) <= kMaxAttentionSplits) {
    return;
  }
  r.Error("units", fmt::format("a greedy agent with alpha below 1 tries every split of the {} "
                               "units over the {} sites each step, more than {}: lower 'units' "
                               "or use alpha = 1",
                               o.units, sites, kMaxAttentionSplits));
}

}  // namespace

void ReadAttention(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("attention");
  if (table == nullptr) {
    if (!ctx.root.Has("attention")) {
      ctx.diagnostics->Error(ctx.root.Position(),
                             "model \"attention\" needs a section [attention] with rates");
    }
    return;
  }
  TableReader r(*table, "[attention]", ctx.diagnostics);
  AttentionScenarioOptions& o = ctx.scenario.attention;
  ReadSites(r, o);
  r.Int32("units", 1, 50, &o.units);
  r.Double("drift", 0.0, 100.0, &o.drift);
  r.Probability("miss_probability", &o.miss_probability);
  r.Int32("runs", 1, 10'000, &o.runs);
  r.Int32("burn_in", 0, 1'000'000, &o.burn_in);
  r.Int32("window", 1, 100'000, &o.window);
  ReadAgents(r, o);
  CheckSplits(r, o);
  r.Finish();
}

}  // namespace oversight
