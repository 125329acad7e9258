// Design: a sorted vector is rebuilt each day instead of a priority queue, because all of a
// day's alerts arrive together and the order (priority, time, rule, person) must be total
// for determinism. Capacity is spent greedily in that order: an alert whose response does
// not fit waits, and a cheaper one further down may still be answered. Rejected: answering
// alerts in arrival order, which would hide the reported practice of answering political
// alerts first.
#include "respond/police.h"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
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

// Design: what waited is already in answering order (it was queued in that order) and the
// rule engine hands over the day's alerts in AlertBefore order, so a stable split of
// today's alerts by priority and one merge give what sorting all the work gives, in linear
// time rather than a sort of all the work (docs/PERFORMANCE.md, "The police's order of
// work"). Only when an input is out of order (a caller other than the engine), a priority is
// outside 0-9, or two pieces of work tie (the order of ties was the sort's own) is everything
// sorted as before.
std::vector<Police::Pending> Police::InAnsweringOrder(std::vector<Pending> waiting,
                                                      const std::vector<Alert>& alerts, Day day) {
  const auto before = [](const Pending& a, const Pending& b) {
    if (a.alert.priority != b.alert.priority) return a.alert.priority > b.alert.priority;
    return AlertBefore(a.alert, b.alert);
  };
  const auto sorted_as_before = [&] {
    std::vector<Pending> work = std::move(waiting);
    for (const Alert& alert : alerts) work.push_back(Pending{alert, day});
    std::sort(work.begin(), work.end(), before);
    return work;
  };
  constexpr int32_t kPriorities = 10;
  const bool in_range = std::all_of(alerts.begin(), alerts.end(), [](const Alert& a) {
    return a.priority >= 0 && a.priority < kPriorities;
  });
  if (!in_range || !std::is_sorted(alerts.begin(), alerts.end(), AlertBefore) ||
      !std::is_sorted(waiting.begin(), waiting.end(), before)) {
    return sorted_as_before();
  }
  // Today's alerts by priority, highest first, each priority in AlertBefore order.
  const auto bucket = [](const Alert& a) {
    return static_cast<size_t>(kPriorities - 1 - a.priority);
  };
  std::array<size_t, kPriorities + 1> start{};  // start[b]: where bucket b (priority 9 - b) starts
  for (const Alert& alert : alerts) ++start[bucket(alert) + 1];
  for (size_t b = 1; b <= kPriorities; ++b) start[b] += start[b - 1];
  std::vector<Pending> today(alerts.size());
  for (const Alert& alert : alerts) today[start[bucket(alert)]++] = Pending{alert, day};
  std::vector<Pending> work(waiting.size() + today.size());
  std::merge(waiting.begin(), waiting.end(), today.begin(), today.end(), work.begin(), before);
  for (size_t i = 1; i < work.size(); ++i) {
    if (!before(work[i - 1], work[i])) return sorted_as_before();  // a tie
  }
  return work;
}

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
  std::vector<Pending> waiting;
  waiting.reserve(queue_.size());
  for (const Pending& pending : queue_) {
    if (day - pending.raised > options_.max_wait_days) {
      today_.dropped.push_back(pending.alert);
    } else {
      waiting.push_back(pending);
    }
  }
  queue_.clear();
  const std::vector<Pending> work = InAnsweringOrder(std::move(waiting), alerts, day);

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
