// Design: rules share nothing mutable while they run (the watchlists change only after
// every rule has seen the day), so each rule is a task with its own sink, and the merge
// sorts by AlertBefore: the thread count cannot change the result.
#include "policy/rule_engine.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>

#include "core/snapshot.h"
#include "world/daily_life.h"

namespace oversight {

namespace {

PlaceId CapitalOf(const City& city) {
  const std::vector<PlaceId>& capital = city.PlacesOfType(PlaceType::kCapital);
  return capital.empty() ? PlaceId() : capital.front();
}

}  // namespace

RuleEngine::RuleEngine(const PolicyOptions& options, const RecordsView& records,
                       const CalendarOptions& calendar, uint64_t seed)
    : options_(options),
      calendar_(calendar),
      records_(records),
      watchlists_(options_, records_, seed),
      context_{records_.city(), records_, watchlists_, CapitalOf(records_.city())} {
  for (size_t r = 0; r < options_.rules.size(); ++r) {
    rules_.push_back(Compile(options_.rules[r], context_));
    sinks_.emplace_back(RuleId(static_cast<uint32_t>(r)), options_.rules[r], watchlists_);
  }
  seconds_.assign(rules_.size(), 0.0);
}

const std::vector<Alert>& RuleEngine::Evaluate(Day day,
                                               const std::vector<Observation>& observations,
                                               const DayRecords& records) {
  const HolidayOptions* holiday = nullptr;
  const RuleDay input{day, KindOfDay(calendar_, day, &holiday), observations, records};
  tbb::parallel_for(
      tbb::blocked_range<size_t>(0, rules_.size(), 1),
      [&](const tbb::blocked_range<size_t>& range) {
        for (size_t r = range.begin(); r != range.end(); ++r) {
          const auto start = std::chrono::steady_clock::now();
          sinks_[r].Clear();
          rules_[r]->Evaluate(input, &sinks_[r]);
          seconds_[r] +=
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
      });
  alerts_.clear();
  suppressed_.clear();
  score_changes_.clear();
  for (const AlertSink& sink : sinks_) {
    alerts_.insert(alerts_.end(), sink.alerts().begin(), sink.alerts().end());
    suppressed_.insert(suppressed_.end(), sink.suppressed().begin(), sink.suppressed().end());
    score_changes_.insert(score_changes_.end(), sink.score_changes().begin(),
                          sink.score_changes().end());
  }
  std::sort(alerts_.begin(), alerts_.end(), AlertBefore);
  std::sort(suppressed_.begin(), suppressed_.end(), AlertBefore);
  for (size_t r = 0; r < rules_.size(); ++r) {
    const auto start = std::chrono::steady_clock::now();
    rules_[r]->AfterDay(day, alerts_);
    seconds_[r] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  watchlists_.Update(day, alerts_);
  return alerts_;
}

void RuleEngine::Save(SnapshotWriter& out) const {
  watchlists_.Save(out);
  for (const auto& rule : rules_) rule->Save(out);
}

void RuleEngine::Load(SnapshotReader& in) {
  watchlists_.Load(in);
  for (const auto& rule : rules_) rule->Load(in);
}

}  // namespace oversight
