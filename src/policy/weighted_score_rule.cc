// The hand-weighted risk score (Tianjin's petitioner system): each night, for every person
// on `who`, score = sum of weight x feature over the features of ScoreOptions, from records
// and the system's own history only:
//
//   ties_to_list   distinct residents on `ties_list` the person called within window_days
//   past_trips     tickets to the capital the system has seen the person buy, ever
//   phones_dark    phone-dark records within window_days
//   personality    the officers' 0-10 rating on file (entered with its own noise)
//   low_status     1 if the register says low status; great_tragedy: 1 if on file
//
// The level is the number of `levels` thresholds the score reaches, plus one for each
// `raise_level_for` feature the person has ("raise the level for low status or a great
// tragedy"). A level change is recorded (ScoreChange); reaching `alert_level` from below
// alerts at the end of the day. State: each person's level (1 byte), and for persons with
// any, their trips, recent dark days and recent listed contacts.
#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "policy/compiled_rule.h"
#include "world/phone_number.h"

namespace oversight {

namespace {

class WeightedScore final : public CompiledRule {
 public:
  WeightedScore(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule), score_(rule.score), context_(context),
        level_(context.records.person_count(), 0) {}

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    Learn(day);
    const Minute end_of_day = DayStart(day.day + 1) - 1;
    const auto persons = static_cast<uint32_t>(level_.size());
    for (uint32_t p = 0; p < persons; ++p) {
      const PersonId person(p);
      if (!context_.Watched(rule_.who, person)) continue;
      const std::array<double, kScoreFeatureCount> f = Features(person);
      double score = 0.0;
      int level = 0;
      for (size_t k = 0; k < kScoreFeatureCount; ++k) {
        score += score_.weights[k] * f[k];
        if ((score_.raise_level_for >> k & 1u) != 0 && f[k] != 0.0) ++level;
      }
      for (double threshold : score_.levels) level += score >= threshold ? 1 : 0;
      const int before = level_[p];
      if (level == before) continue;
      level_[p] = static_cast<uint8_t>(std::min(level, 255));
      sink->ScoreChanged(end_of_day, person, score, before, level);
      if (level >= score_.alert_level && before < score_.alert_level) sink->Emit(end_of_day, person);
    }
  }

  size_t StateBytes() const override {
    size_t bytes = level_.capacity() + trips_.capacity() * 8 + contacts_.capacity() * 17 +
                   dark_.capacity() * 33;
    for (const auto& [p, days] : dark_) bytes += days.capacity() * sizeof(Day);
    return bytes;
  }
  size_t StateKeys() const override { return trips_.size() + contacts_.size() + dark_.size(); }

 private:
  // Folds the day's evidence into the per-person history the features read.
  void Learn(const RuleDay& day) {
    const int32_t window = score_.window_days;
    const auto persons = static_cast<uint32_t>(level_.size());
    for (const Observation& o : day.observations) {
      if (o.kind == ObservationKind::kTicket && o.detail == context_.capital.value &&
          context_.Watched(rule_.who, o.person)) {
        ++trips_[o.person.value];
      }
    }
    for (const DarkRecord& d : day.records.dark) {
      if (context_.Watched(rule_.who, d.person)) dark_[d.person.value].push_back(day.day);
    }
    for (const CallRecord& c : day.records.calls) {
      const PersonId callee = OwnerOf(c.to, persons);
      if (!callee.valid() || callee == c.caller || !context_.Watched(rule_.who, c.caller) ||
          !context_.Watched(score_.ties_list, callee)) {
        continue;
      }
      contacts_[static_cast<uint64_t>(c.caller.value) << 32 | callee.value] = day.day;
    }
    absl::erase_if(contacts_, [&](const auto& e) { return e.second <= day.day - window; });
    for (auto& [p, days] : dark_) {
      std::erase_if(days, [&](Day d) { return d <= day.day - window; });
    }
    absl::erase_if(dark_, [](const auto& e) { return e.second.empty(); });
    ties_.clear();
    for (const auto& [key, last] : contacts_) ++ties_[static_cast<uint32_t>(key >> 32)];
  }

  std::array<double, kScoreFeatureCount> Features(PersonId p) const {
    std::array<double, kScoreFeatureCount> f{};
    auto count = [&](const auto& map) -> double {
      auto it = map.find(p.value);
      return it == map.end() ? 0.0 : static_cast<double>(it->second);
    };
    f[static_cast<size_t>(ScoreFeature::kTiesToList)] = count(ties_);
    f[static_cast<size_t>(ScoreFeature::kPastTrips)] = count(trips_);
    auto dark = dark_.find(p.value);
    f[static_cast<size_t>(ScoreFeature::kPhonesDark)] =
        dark == dark_.end() ? 0.0 : static_cast<double>(dark->second.size());
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
  std::vector<uint8_t> level_;                          // per person
  absl::flat_hash_map<uint32_t, uint32_t> trips_;       // person -> tickets to the capital
  absl::flat_hash_map<uint32_t, std::vector<Day>> dark_;  // person -> recent dark days
  absl::flat_hash_map<uint64_t, Day> contacts_;         // (person, listed callee) -> last call
  absl::flat_hash_map<uint32_t, uint32_t> ties_;        // person -> listed contacts (today)
};

}  // namespace

std::unique_ptr<CompiledRule> CompileWeightedScore(const RuleOptions& rule,
                                                   const RuleContext& context) {
  return std::make_unique<WeightedScore>(rule, context);
}

}  // namespace oversight
