// The police: a daily capacity of home visits, spent on alerts in priority order.
//
// Each day the police take today's alerts together with those still waiting from earlier
// days, order them by priority (political first, as reported), then time, and visit the
// alerted persons until the day's capacity is spent. Several alerts on one person are
// answered by one visit. An alert still unanswered max_wait_days after it was raised is
// dropped. A same-day alert is visited response_minutes after it was raised; a carried
// alert at duty_start_hour. The police never learn whether a visit prevented anything.
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "core/sim_time.h"
#include "policy/alert.h"
#include "scenario/respond_options.h"
#include "world/visit_target.h"

namespace oversight {

struct VisitRecord {
  PersonId person;
  Minute time = 0;
  RuleId rule;  // rule of the alert that caused the visit
};

struct ResponseDay {
  std::vector<VisitRecord> visits;    // in the order they were decided
  std::vector<Alert> answered;        // alerts answered today (by a visit or a check)
  std::vector<PersonId> checks;       // quick checks made to meet the answer share
  std::vector<Alert> dropped;         // alerts given up today
  size_t waiting = 0;                 // alerts carried to tomorrow
};

class Police {
 public:
  explicit Police(const RespondOptions& options) : options_(options) {}

  // Spends day `day`'s capacity on `alerts` (today's) plus the queue; each visit is applied
  // through `target`. The result stays valid until the next call.
  const ResponseDay& Respond(Day day, const std::vector<Alert>& alerts, VisitTarget* target);

  size_t queue_size() const { return queue_.size(); }

 private:
  struct Pending {
    Alert alert;
    Day raised = 0;
  };

  RespondOptions options_;
  std::vector<Pending> queue_;
  ResponseDay today_;
};

}  // namespace oversight
