// Design: a sorted vector is rebuilt each day instead of a priority queue, because all of a
// day's alerts arrive together and the order (priority, time, rule, person) must be total
// for determinism. Rejected: answering alerts in arrival order, which would hide the
// reported practice of answering political alerts first.
#include "respond/police.h"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cmath>

namespace oversight {

const ResponseDay& Police::Respond(Day day, const std::vector<Alert>& alerts,
                                   VisitTarget* target) {
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
  absl::flat_hash_set<PersonId> visited, checked;
  int32_t capacity = options_.visits_per_day;
  // Officers judged by responsiveness answer at least this many of the day's alerts.
  const auto must_answer = static_cast<size_t>(
      std::ceil(options_.answer_share * static_cast<double>(work.size()) - 1e-9));
  for (const Pending& pending : work) {
    const Alert& alert = pending.alert;
    if (visited.contains(alert.person) || checked.contains(alert.person)) {
      today_.answered.push_back(alert);
      continue;
    }
    if (capacity == 0 && today_.answered.size() < must_answer) {
      checked.insert(alert.person);
      target->Check(alert.person);
      today_.checks.push_back(alert.person);
      today_.answered.push_back(alert);
      continue;
    }
    if (capacity == 0) {
      if (day - pending.raised >= options_.max_wait_days) {
        today_.dropped.push_back(alert);
      } else {
        queue_.push_back(pending);
      }
      continue;
    }
    --capacity;
    visited.insert(alert.person);
    const Minute time = pending.raised == day ? alert.time + options_.response_minutes
                                              : duty_start;
    target->Visit(alert.person, time, alert.rule.value);
    today_.visits.push_back(VisitRecord{alert.person, time, alert.rule});
    today_.answered.push_back(alert);
  }
  today_.waiting = queue_.size();
  return today_;
}

}  // namespace oversight
