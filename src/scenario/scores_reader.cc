// Design: both methods share one parameter struct (ScoreOptions) and one table, so the
// reader rejects a key of the other method by name rather than leaving it to the unknown-key
// check, whose "did you mean" would not explain.
#include "scenario/scores_reader.h"

#include <fmt/format.h>

#include <bit>
#include <cassert>
#include <optional>
#include <set>

#include "scenario/operator_registry.h"
#include "scenario/rule_common.h"

namespace oversight {

namespace {

void ReadLevels(TableReader& r, ScoreOptions* score) {
  if (!r.Require("levels", "ascending score thresholds, e.g. [3, 5, 7]")) return;
  const toml::array* values = r.Get("levels")->as_array();
  bool ok = values != nullptr && !values->empty();
  if (ok) {
    for (const toml::node& v : *values) {
      const std::optional<double> d = v.value<double>();
      ok = ok && d.has_value() && (score->levels.empty() || *d > score->levels.back());
      if (d) score->levels.push_back(*d);
    }
  }
  if (!ok) {
    r.Error("levels", "'levels' must be a non-empty array of ascending numbers, e.g. [3, 5, 7]");
    score->levels.assign(1, 1.0);
  }
}

// Reads the keys of method `weighted` (true) or `learned`; a key of the other method is
// reported.
void ReadMethodKeys(const SectionContext& ctx, TableReader& r, bool weighted, const std::string& id,
                    ScoreOptions* score) {
  auto only = [&](std::string_view key, bool applies) {
    if (!applies && r.Has(key)) {
      r.Touch(key);
      r.Error(key, fmt::format("'{}' does not apply to method '{}'", key,
                               weighted ? "weighted" : "learned"));
    }
    return applies;
  };
  if (only("weights", weighted)) {
    if (r.Require("weights", "feature weights, e.g. { past_trips = 2.0, personality = 0.5 }")) {
      r.NumberMap("weights", ToStrings(kScoreFeatureNames), "score feature", -1000.0, 1000.0,
                  [&](size_t f, double w) { score->weights[f] = w; });
    }
  }
  if (only("raise_level_for", weighted)) {
    r.ChoiceArray("raise_level_for", ToStrings(kScoreFeatureNames), "score feature",
                  [&](size_t f) { score->raise_level_for |= 1u << f; });
  }
  if (only("ties_list", weighted)) ReadWho(ctx, r, "ties_list", &score->ties_list);
  if (only("window_days", weighted)) r.Int32("window_days", 1, 365, &score->window_days);
  if (only("levels", weighted)) ReadLevels(r, score);
  if (only("alert_level", weighted)) {
    r.Int32("alert_level", 1, 100, &score->alert_level);
    if (weighted && score->alert_level > static_cast<int32_t>(score->levels.size()) +
                                             std::popcount(score->raise_level_for)) {
      r.Error("alert_level", fmt::format("score '{}' can never alert: alert_level {} is above "
                                         "the highest level it can reach",
                                         id, score->alert_level));
    }
  }
  if (only("retrain_every_days", !weighted)) {
    r.Int32("retrain_every_days", 1, 365, &score->retrain_every_days);
  }
  if (only("threshold", !weighted)) r.Double("threshold", 0.0, 1.0, &score->threshold);
  if (only("training_sample", !weighted)) {
    r.Int32("training_sample", 100, 10'000'000, &score->training_sample);
  }
}

}  // namespace

void ReadScores(SectionContext& ctx) {
  std::vector<RuleOptions>& rules = ctx.scenario.policy.rules;
  const toml::array* array = ctx.root.ArrayOfTables("scores");
  if (array == nullptr) return;
  std::set<std::string> ids;
  for (const RuleOptions& rule : rules) ids.insert(rule.id);
  size_t number = 0;
  for (const toml::node& node : *array) {
    TableReader r(*node.as_table(), fmt::format("[[scores]] #{}", ++number), ctx.diagnostics);
    RuleOptions rule;
    if (!ReadRuleId(r, "a score id such as \"petitioner_risk\"", &ids, &rule)) {
      r.Error("id", fmt::format("id '{}' is used twice (rules and scores share ids)", rule.id));
    }
    ReadRuleWho(ctx, r, "the list the score rates, or \"anyone\"", &rule);
    size_t method = 0;
    if (r.Require("method", "'weighted' (by hand) or 'learned' (logistic regression)")) {
      r.Choice("method", {"weighted", "learned"}, "scoring method", &method);
    }
    const bool weighted = method == 0;
    rule.op = FindOperator(weighted ? "weighted_score" : "learned_score");
    assert(rule.op != nullptr && rule.op->is_score && "the score operators are registered");
    ScoreOptions score;
    ReadMethodKeys(ctx, r, weighted, rule.id, &score);
    rule.params = std::move(score);
    ReadFollowUp(ctx, r, &rule);
    r.Finish();
    rules.push_back(std::move(rule));
  }
}

}  // namespace oversight
