// The learned risk score: a logistic regression trained, inside the run, on the system's own
// records, never on the truth.
//
// Features per person on `who` (all records, the register or the system's own history):
// each recorded trait, each list membership, low status, foreign national, the personality
// rating / 10, and decayed counts (x 0.8 a day) of sightings, tickets to the capital and
// elsewhere, dark phones, hotel registrations and calls to out-of-town numbers.
// Label: alerted by any other rule within the last `retrain_every_days` days: the model
// learns to find people who look like those the system already flags, which is the feedback
// loop the audit measures. Every `retrain_every_days` days (first on that day) it is refitted
// on a fixed stride sample of at most `training_sample` watched persons; from then on, each
// night, a person whose probability reaches `threshold` from below is alerted at the end of
// the day (a ScoreChange records every crossing, both ways).
// State: 6 floats and a byte per watched person, and the last alert day of alerted persons.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/snapshot.h"
#include "policy/compiled_rule.h"
#include "policy/logistic_regression.h"
#include "scenario/operator_registry.h"
#include "world/phone_number.h"

namespace oversight {

namespace {

enum Count { kSightings, kCapitalTickets, kOtherTickets, kDark, kCheckIns, kFarCalls, kCounts };
constexpr float kDecay = 0.8f;

class LearnedScore final : public CompiledRule {
 public:
  LearnedScore(const RuleOptions& rule, const RuleContext& context, size_t lists)
      : rule_(rule),
        score_(rule.Params<ScoreOptions>()),
        context_(context),
        lists_(lists),
        counts_(context.records.person_count() * kCounts, 0.0f),
        above_(context.records.person_count(), 0) {
    width_ = kTraitCount + lists_ + 3 + kCounts;
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    self_ = sink->rule();
    if (day.day > 0 && day.day % score_.retrain_every_days == 0) Train(day.day);
    Count(day);
    if (!model_.fitted()) return;
    // Everyone is scored each night: in fixed stretches of persons, in parallel, each
    // noting its crossings; then the crossings in person order (the same for any thread
    // count).
    const Minute end_of_day = DayStart(day.day + 1) - 1;
    const auto persons = static_cast<uint32_t>(above_.size());
    const size_t stretches = (persons + kStretch - 1) / kStretch;
    crossings_.resize(stretches);
    tbb::parallel_for(tbb::blocked_range<size_t>(0, stretches, 1),
                      [&](const tbb::blocked_range<size_t>& range) {
                        std::vector<float> row(width_);
                        for (size_t s = range.begin(); s != range.end(); ++s) {
                          ScoreStretch(s, row.data(), &crossings_[s]);
                        }
                      });
    for (std::vector<Crossing>& stretch : crossings_) {
      for (const Crossing& c : stretch) {
        sink->ScoreChanged(end_of_day, c.person, c.probability, c.above == 0 ? 1 : 0, c.above);
        if (c.above != 0) sink->Emit(end_of_day, c.person);
      }
      stretch.clear();
    }
  }

  void AfterDay(Day day, const std::vector<Alert>& alerts) override {
    for (const Alert& a : alerts) {
      if (a.rule != self_) last_alerted_[a.person.value] = day;  // its own do not teach it
    }
    if (day % 7 == 0) {
      absl::erase_if(last_alerted_,
                     [&](const auto& e) { return e.second < day - score_.retrain_every_days; });
    }
  }

  size_t StateBytes() const override {
    return counts_.capacity() * sizeof(float) + above_.capacity() + last_alerted_.capacity() * 9;
  }
  size_t StateKeys() const override { return last_alerted_.size(); }

  void Save(SnapshotWriter& out) const override {
    out(counts_, above_, last_alerted_);
    model_.Save(out);
  }
  void Load(SnapshotReader& in) override {
    const size_t counts = counts_.size(), persons = above_.size();
    in(counts_, above_, last_alerted_);
    ExpectSize(counts_.size(), counts, "score counts");
    ExpectSize(above_.size(), persons, "score levels");
    model_.Load(in);
    if (model_.fitted()) TabulateTraits();
  }

 private:
  void Count(const RuleDay& day) {
    for (float& c : counts_) c *= kDecay;
    auto bump = [&](PersonId p, int k) {
      if (context_.Watched(rule_.who, p))
        counts_[static_cast<size_t>(k) * above_.size() + p.index()] += 1.0f;
    };
    for (const Observation& o : day.observations) {
      if (o.kind == ObservationKind::kSighting) {
        bump(o.person, kSightings);
      } else {
        bump(o.person, o.detail == kTicketToCapital ? kCapitalTickets : kOtherTickets);
      }
    }
    const auto persons = static_cast<uint32_t>(above_.size());
    day.records.dark.ForEach([&](const DarkRecord& d) { bump(d.person, kDark); });
    day.records.check_ins.ForEach([&](const CheckInRecord& c) { bump(c.person, kCheckIns); });
    day.records.calls.ForEach([&](const CallRecord& c) {
      if (IsOutOfTown(c.to, persons)) bump(c.caller, kFarCalls);
    });
  }

  // A person whose level changed tonight.
  struct Crossing {
    PersonId person;
    double probability;
    uint8_t above;  // the new level
  };
  static constexpr uint32_t kStretch = 4096;  // persons per parallel task

  // Scores stretch `s` of persons; notes who crossed the threshold (either way).
  void ScoreStretch(size_t s, float* row, std::vector<Crossing>* crossings) {
    const auto first = static_cast<uint32_t>(s * kStretch);
    const auto end = static_cast<uint32_t>(
        std::min<size_t>(above_.size(), static_cast<size_t>(first) + kStretch));
    for (uint32_t p = first; p < end; ++p) {
      const PersonId person(p);
      if (!context_.Watched(rule_.who, person)) continue;
      Row(person, row);
      const size_t traits =
          static_cast<size_t>(context_.records.recorded_traits(person)) & (trait_logit_.size() - 1);
      const double probability = model_.Finish(trait_logit_[traits], row, kTraitCount);
      const uint8_t above = probability >= score_.threshold ? 1 : 0;
      if (above == above_[p]) continue;
      above_[p] = above;
      crossings->push_back(Crossing{person, probability, above});
    }
  }

  // The traits come first in a row and take 2^kTraitCount values: the model's sum over
  // them is tabulated once per fit, and each night's scoring adds only the rest (the same
  // additions in the same order as a whole row's: Finish(Partial) == Predict).
  void TabulateTraits() {
    std::vector<float> row(width_, 0.0f);
    trait_logit_.resize(size_t{1} << kTraitCount);
    for (size_t bits = 0; bits < trait_logit_.size(); ++bits) {
      for (size_t t = 0; t < kTraitCount; ++t) row[t] = (bits >> t & 1u) != 0 ? 1.0f : 0.0f;
      trait_logit_[bits] = model_.Partial(row.data(), kTraitCount);
    }
  }

  void Row(PersonId p, float* row) const {
    size_t k = 0;
    const TraitBits traits = context_.records.recorded_traits(p);
    for (size_t t = 0; t < kTraitCount; ++t)
      row[k++] = (static_cast<unsigned>(traits) >> t & 1u) != 0 ? 1.0f : 0.0f;
    for (size_t l = 0; l < lists_; ++l) {
      row[k++] = context_.lists.Contains(ListId(static_cast<uint32_t>(l)), p) ? 1.0f : 0.0f;
    }
    row[k++] = context_.records.status(p) == Status::kLow ? 1.0f : 0.0f;
    row[k++] = context_.records.foreign(p) ? 1.0f : 0.0f;
    row[k++] = static_cast<float>(context_.records.personality(p)) / 10.0f;
    for (size_t c = 0; c < kCounts; ++c) row[k++] = counts_[c * above_.size() + p.index()];
  }

  void Train(Day today) {
    std::vector<uint32_t> watched;
    for (uint32_t p = 0; p < above_.size(); ++p) {
      if (context_.Watched(rule_.who, PersonId(p))) watched.push_back(p);
    }
    const size_t sample = static_cast<size_t>(score_.training_sample);
    const size_t stride = std::max<size_t>(1, (watched.size() + sample - 1) / sample);
    std::vector<float> x;
    std::vector<uint8_t> y;
    std::vector<float> row(width_);
    for (size_t i = 0; i < watched.size(); i += stride) {
      const PersonId p(watched[i]);
      Row(p, row.data());
      x.insert(x.end(), row.begin(), row.end());
      auto it = last_alerted_.find(p.value);
      y.push_back(it != last_alerted_.end() && it->second >= today - score_.retrain_every_days ? 1
                                                                                               : 0);
    }
    const size_t positives = static_cast<size_t>(std::count(y.begin(), y.end(), 1));
    if (positives == 0 || positives == y.size()) return;  // nothing to learn from yet
    model_.Fit(x, y, width_);
    TabulateTraits();
  }

  RuleId self_;  // this score's rule id (from its sink)
  const RuleOptions& rule_;
  const ScoreOptions& score_;
  const RuleContext& context_;
  size_t lists_;
  size_t width_ = 0;
  // kCounts decayed counts per person, count by count (all persons' sightings, then all
  // their capital tickets, ...): a day's sightings, most of the additions, land at random
  // in 4 bytes a person rather than with a 24-byte stride, half the time of a day's counting.
  std::vector<float> counts_;
  std::vector<uint8_t> above_;  // per person: at or above the threshold last night
  std::vector<std::vector<Crossing>> crossings_;  // tonight's, per stretch of persons
  std::vector<double> trait_logit_;  // per combination of recorded traits (TabulateTraits)
  absl::flat_hash_map<uint32_t, Day> last_alerted_;
  LogisticRegression model_;
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<LearnedScore>(rule, context, context.lists.sizes().size());
}

// Read from [[scores]] method "learned" by scenario/scores_reader.cc.
const OperatorRegistrar kLearnedScore({
    .name = "learned_score",
    .precedence = 0,
    .is_score = true,
    .accepts = {},
    .evidence = {},
    .selects = nullptr,
    .read = nullptr,
    .describe =
        [](const RuleOptions& rule, const std::vector<ListOptions>&) {
          const ScoreOptions& score = rule.Params<ScoreOptions>();
          return fmt::format(
              "a logistic regression refitted every {} days on whom the other rules flagged, "
              "alerting at probability {:g}",
              score.retrain_every_days, score.threshold);
        },
    .export_slots = nullptr,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
