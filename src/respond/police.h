// The police: a daily capacity of officer time, spent on alerts in priority order.
//
// Each day the police take today's alerts together with those still waiting from earlier
// days, order them by priority (political first, as reported), then time, and answer each
// with its rule's response (visit, intercept, detain, deny_permit, list, camera) while the
// response's cost fits in what is left of the day's capacity. Several alerts on one person
// are answered by one response. An alert on a person the police hold, or whose permit they
// already withhold, is answered at no cost. An interception is possible only on the day of
// the alert; other alerts wait, and one still unanswered max_wait_days after it was raised
// is dropped. A same-day response comes response_minutes (intercept_minutes) after the
// alert; a carried one at duty_start_hour. The police never learn whether a response
// prevented anything.
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/sim_time.h"
#include "core/snapshot_fwd.h"
#include "policy/alert.h"
#include "scenario/policy_options.h"
#include "scenario/respond_options.h"
#include "world/response_target.h"

namespace oversight {

struct ResponseDay {
  std::vector<Intervention> interventions;  // in the order they were decided
  std::vector<Alert> answered;              // alerts answered today (by a response or a check)
  std::vector<PersonId> checks;             // quick checks made to meet the answer share
  std::vector<Alert> dropped;               // alerts given up today
  size_t waiting = 0;                       // alerts carried to tomorrow
  double capacity_used = 0;                 // units of the day's capacity spent
};

// What the police do about one rule's alerts.
struct RuleResponse {
  Response kind = Response::kVisit;
  int32_t list = -1;  // for kList
};

class Police {
 public:
  // `rules[r]` is the response to rule r's alerts (every rule visits when it is empty).
  Police(const RespondOptions& options, std::vector<RuleResponse> rules);
  explicit Police(const RespondOptions& options) : Police(options, {}) {}

  // Spends day `day`'s capacity on `alerts` (today's) plus the queue; each response is
  // applied through `target`. The result stays valid until the next call.
  const ResponseDay& Respond(Day day, const std::vector<Alert>& alerts, ResponseTarget* target);

  size_t queue_size() const { return queue_.size(); }

  // Checkpoints: the queue of unanswered alerts and the standing restrictions.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

 private:
  struct Pending {
    Alert alert;
    Day raised = 0;

    template <class Archive>
    void serialize(Archive& archive) {
      archive(alert, raised);
    }
  };

  // What waited (`waiting`, still in the order it was queued in) and today's `alerts` as
  // Pending work, in answering order: priority (highest first), then AlertBefore.
  static std::vector<Pending> InAnsweringOrder(std::vector<Pending> waiting,
                                               const std::vector<Alert>& alerts, Day day);
  RuleResponse ResponseTo(const Alert& alert) const;
  // Whether an earlier response still covers `kind` for `person` on `day` (held, permit
  // withheld, already on the list).
  bool AlreadyCovered(Day day, PersonId person, const RuleResponse& response) const;

  RespondOptions options_;
  std::vector<RuleResponse> rules_;
  std::vector<Pending> queue_;
  std::map<uint32_t, Day> held_until_;             // person -> first day free again
  std::map<uint32_t, Day> permit_until_;           // person -> first day with a permit again
  std::set<std::pair<uint32_t, int32_t>> listed_;  // (person, list) added by a response
  ResponseDay today_;
};

// The response to each rule's alerts, from the scenario.
std::vector<RuleResponse> RuleResponses(const PolicyOptions& policy);

}  // namespace oversight
