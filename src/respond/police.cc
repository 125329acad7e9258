// Design: a sorted vector is rebuilt each day instead of a priority queue, because all of a
// day's alerts arrive together and the order (priority, time, rule, person) must be total
// for determinism. Capacity is spent greedily in that order: an alert whose response does
// not fit waits, and a cheaper one further down may still be answered. Rejected: answering
// alerts in arrival order, which would hide the reported practice of answering political
// alerts first.
#include "respond/police.h"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cmath>

#include "core/snapshot.h"

namespace oversight {

std::vector<RuleResponse> RuleResponses(const PolicyOptions& policy) {
  std::vector<RuleResponse> out;
  for (const RuleOptions& rule : policy.rules) {
    out.push_back(RuleResponse{rule.response, rule.response_list});
  }
  return out;
}

Police::Police(const RespondOptions& options, std::vector<RuleResponse> rules)
    : options_(options), rules_(std::move(rules)) {}

RuleResponse Police::ResponseTo(const Alert& alert) const {
  return alert.rule.index() < rules_.size() ? rules_[alert.rule.index()] : RuleResponse{};
}

bool Police::AlreadyCovered(Day day, PersonId person, const RuleResponse& response) const {
  const auto held = held_until_.find(person.value);
  if (held != held_until_.end() && day < held->second) return true;  // in custody
  if (response.kind == Response::kDenyPermit) {
    const auto permit = permit_until_.find(person.value);
    return permit != permit_until_.end() && day < permit->second;
  }
  if (response.kind == Response::kList) return listed_.contains({person.value, response.list});
  return false;
}

const ResponseDay& Police::Respond(Day day, const std::vector<Alert>& alerts,
                                   ResponseTarget* target) {
  today_ = ResponseDay{};
  std::vector<Pending> work;
  work.reserve(queue_.size() + alerts.size());
  for (const Pending& pending : queue_) {
    if (day - pending.raised > options_.max_wait_days) {
      today_.dropped.push_back(pending.alert);
    } else {
      work.push_back(pending);
    }
  }
  queue_.clear();
  for (const Alert& alert : alerts) work.push_back(Pending{alert, day});
  std::sort(work.begin(), work.end(), [](const Pending& a, const Pending& b) {
    if (a.alert.priority != b.alert.priority) return a.alert.priority > b.alert.priority;
    return AlertBefore(a.alert, b.alert);
  });

  const Minute duty_start = DayStart(day) + options_.duty_start_hour * kMinutesPerHour;
  absl::flat_hash_set<PersonId> handled;  // answered today by a response or a check
  double capacity = options_.capacity_per_day;
  // Officers judged by responsiveness answer at least this many of the day's alerts.
  const auto must_answer = static_cast<size_t>(
      std::ceil(options_.answer_share * static_cast<double>(work.size()) - 1e-9));
  for (const Pending& pending : work) {
    const Alert& alert = pending.alert;
    const RuleResponse response = ResponseTo(alert);
    if (handled.contains(alert.person) || AlreadyCovered(day, alert.person, response)) {
      today_.answered.push_back(alert);
      continue;
    }
    const double cost = options_.Cost(response.kind);
    const bool same_day = pending.raised == day;
    if (cost > capacity + 1e-9) {
      if (today_.answered.size() < must_answer) {
        handled.insert(alert.person);
        target->Check(alert.person);
        today_.checks.push_back(alert.person);
        today_.answered.push_back(alert);
      } else if (response.kind == Response::kIntercept ||
                 day - pending.raised >= options_.max_wait_days) {
        today_.dropped.push_back(alert);  // an interception cannot wait for another day
      } else {
        queue_.push_back(pending);
      }
      continue;
    }
    capacity -= cost;
    today_.capacity_used += cost;
    handled.insert(alert.person);
    Intervention intervention{.kind = response.kind, .person = alert.person, .rule = alert.rule};
    switch (response.kind) {
      case Response::kIntercept:
        intervention.time = alert.time + options_.intercept_minutes;
        break;
      case Response::kList:
      case Response::kCamera:
        intervention.time = same_day ? alert.time : duty_start;
        break;
      default:
        intervention.time = same_day ? alert.time + options_.response_minutes : duty_start;
        break;
    }
    if (response.kind == Response::kDetain) {
      intervention.days = options_.detention_days;
      held_until_[alert.person.value] = day + options_.detention_days;
    } else if (response.kind == Response::kDenyPermit) {
      intervention.days = options_.permit_days;
      permit_until_[alert.person.value] = day + options_.permit_days;
    } else if (response.kind == Response::kList) {
      intervention.list = response.list;
      listed_.insert({alert.person.value, response.list});
    }
    target->Apply(intervention);
    today_.interventions.push_back(intervention);
    today_.answered.push_back(alert);
  }
  today_.waiting = queue_.size();
  return today_;
}

void Police::Save(SnapshotWriter& out) const { out(queue_, held_until_, permit_until_, listed_); }

void Police::Load(SnapshotReader& in) { in(queue_, held_until_, permit_until_, listed_); }

}  // namespace oversight
