// The hand-weighted risk score (Tianjin's petitioner system): each night, for every person
// on `who`, score = sum of weight x feature over the features of ScoreOptions, from records
// and the system's own history only:
//
//   calls_to_list  calls to residents on `ties_list`, each weighted by its recency:
//                  exp(-age in days / window_days) (ties, as the call records show them)
//   past_trips     tickets to the capital the system has seen the person buy, ever
//   phones_dark    phone-dark records, weighted by recency like calls
//   personality    the officers' 0-10 rating on file (entered with its own noise)
//   low_status     1 if the register says low status; great_tragedy: 1 if on file
//
// The level is the number of `levels` thresholds the score reaches, plus one for each
// `raise_level_for` feature the person has ("raise the level for low status or a great
// tragedy"). A level change is recorded (ScoreChange); reaching `alert_level` from below
// alerts at the end of the day. State: 12 bytes per person with any evidence or a level
// above 0, in one hash map; recency weights decay in place each night.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "scenario/operator_registry.h"
#include "world/phone_number.h"

namespace oversight {

namespace {

class WeightedScore final : public CompiledRule {
 public:
  WeightedScore(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        score_(rule.Params<ScoreOptions>()),
        context_(context),
        decay_(static_cast<float>(std::exp(-1.0 / score_.window_days))) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    Learn(day);
    const Minute end_of_day = DayStart(day.day + 1) - 1;
    const auto persons = static_cast<uint32_t>(context_.records.person_count());
    for (uint32_t p = 0; p < persons; ++p) {
      const PersonId person(p);
      if (!context_.Watched(rule_.who, person)) continue;
      auto it = state_.find(p);
      const State none;
      const State& state = it == state_.end() ? none : it->second;
      const std::array<double, kScoreFeatureCount> f = Features(person, state);
      double score = 0.0;
      int level = 0;
      for (size_t k = 0; k < kScoreFeatureCount; ++k) {
        score += score_.weights[k] * f[k];
        if ((score_.raise_level_for >> k & 1u) != 0 && f[k] != 0.0) ++level;
      }
      for (double threshold : score_.levels) level += score >= threshold ? 1 : 0;
      level = std::min(level, 255);
      const int before = state.level;
      if (level == before) continue;
      (it == state_.end() ? state_[p] : it->second).level = static_cast<uint8_t>(level);
      sink->ScoreChanged(end_of_day, person, score, before, level);
      if (level >= score_.alert_level && before < score_.alert_level)
        sink->Emit(end_of_day, person);
    }
  }

  size_t StateBytes() const override {
    return state_.capacity() * (sizeof(uint32_t) + sizeof(State) + 1);
  }
  size_t StateKeys() const override { return state_.size(); }

  void Save(SnapshotWriter& out) const override { out(state_); }
  void Load(SnapshotReader& in) override { in(state_); }

 private:
  struct State {
    float calls = 0;  // recency-weighted calls to listed residents
    float dark = 0;   // recency-weighted dark phones
    uint16_t trips = 0;
    uint8_t level = 0;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(calls, dark, trips, level);
    }
  };

  // Ages yesterday's evidence and folds in today's.
  void Learn(const RuleDay& day) {
    for (auto& [p, state] : state_) {
      state.calls *= decay_;
      state.dark *= decay_;
    }
    absl::erase_if(state_, [](const auto& e) {
      const State& s = e.second;
      return s.level == 0 && s.trips == 0 && s.calls < 0.01f && s.dark < 0.01f;
    });
    const auto persons = static_cast<uint32_t>(context_.records.person_count());
    for (const Observation& o : day.observations) {
      if (o.kind == ObservationKind::kTicket && o.detail == kTicketToCapital &&
          context_.Watched(rule_.who, o.person)) {
        State& s = state_[o.person.value];
        s.trips = static_cast<uint16_t>(std::min(s.trips + 1, 65535));
      }
    }
    day.records.dark.ForEach([&](const DarkRecord& d) {
      if (context_.Watched(rule_.who, d.person)) state_[d.person.value].dark += 1.0f;
    });
    day.records.calls.ForEach([&](const CallRecord& c) {
      const PersonId callee = OwnerOf(c.to, persons);
      if (!callee.valid() || callee == c.caller || !context_.Watched(rule_.who, c.caller) ||
          !context_.Watched(score_.ties_list, callee)) {
        return;
      }
      state_[c.caller.value].calls += 1.0f;
    });
  }

  std::array<double, kScoreFeatureCount> Features(PersonId p, const State& state) const {
    std::array<double, kScoreFeatureCount> f{};
    f[static_cast<size_t>(ScoreFeature::kCallsToList)] = state.calls;
    f[static_cast<size_t>(ScoreFeature::kPastTrips)] = state.trips;
    f[static_cast<size_t>(ScoreFeature::kPhonesDark)] = state.dark;
    f[static_cast<size_t>(ScoreFeature::kPersonality)] = context_.records.personality(p);
    f[static_cast<size_t>(ScoreFeature::kLowStatus)] =
        context_.records.status(p) == Status::kLow ? 1.0 : 0.0;
    f[static_cast<size_t>(ScoreFeature::kGreatTragedy)] =
        Has(context_.records.recorded_traits(p), Trait::kGreatTragedy) ? 1.0 : 0.0;
    return f;
  }

  const RuleOptions& rule_;
  const ScoreOptions& score_;
  const RuleContext& context_;
  float decay_;                                 // per night
  absl::flat_hash_map<uint32_t, State> state_;  // persons with evidence or a level above 0
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<WeightedScore>(rule, context);
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>&) {
  const ScoreOptions& score = rule.Params<ScoreOptions>();
  std::string weights;
  for (size_t f = 0; f < kScoreFeatureCount; ++f) {
    if (score.weights[f] == 0) continue;
    weights += fmt::format("{}{} × {:g}", weights.empty() ? "" : " + ", kScoreFeatureNames[f],
                           score.weights[f]);
  }
  return fmt::format("a hand-weighted score ({}), alerting at level {}", weights,
                     score.alert_level);
}

// Read from [[scores]] method "weighted" by scenario/scores_reader.cc.
const OperatorRegistrar kWeightedScore({
    .name = "weighted_score",
    .precedence = 0,
    .is_score = true,
    .accepts = {},
    .evidence = {},
    .selects = nullptr,
    .read = nullptr,
    .describe = Describe,
    .export_slots = nullptr,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
