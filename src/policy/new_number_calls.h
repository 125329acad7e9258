// The state of one "calls new out-of-town numbers often" rule, kept across days.
//
// A call from a watched caller to an out-of-town number counts when the number is new to
// the caller: the current stretch of calls to it (calls no more than `lookback_days` apart)
// began within the last `window_days`. When a caller's counted calls within
// `window_days` reach `min_calls`, the caller is alerted, at most once per `window_days`.
// The rule starts counting once `lookback_days` days of history exist, so a run's first days
// (when every number looks new) raise nothing.
//
// Memory: one entry per (caller, number) pair contacted within the lookback, pruned weekly,
// and the recent counted-call days of callers with any. Thread-safety: not thread-safe.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"
#include "scenario/policy_options.h"
#include "sense/records.h"

namespace oversight {

class NewNumberCalls {
 public:
  NewNumberCalls(const RuleOptions& rule, uint32_t persons) : rule_(rule), persons_(persons) {}

  // Feeds day `day`'s call records; calls `alert(time, caller)` for each alert. `watched`
  // says whether a caller is watched by the rule.
  template <typename Watched, typename Alert>
  void Feed(Day day, const std::vector<CallRecord>& calls, const Watched& watched,
            const Alert& alert);

  size_t pairs() const { return contacts_.size(); }

 private:
  void Prune(oversight::Day day);

  RuleOptions rule_;
  uint32_t persons_;
  struct Contact {
    oversight::Day first = 0;  // first call of the current stretch
    oversight::Day last = 0;   // latest call
  };
  absl::flat_hash_map<uint64_t, Contact> contacts_;  // (caller, number) -> stretch
  absl::flat_hash_map<uint32_t, std::vector<oversight::Day>> counted_;  // caller -> call days
  absl::flat_hash_map<uint32_t, oversight::Day> last_alert_;
};

template <typename Watched, typename Alert>
void NewNumberCalls::Feed(oversight::Day day, const std::vector<CallRecord>& calls,
                          const Watched& watched, const Alert& alert) {
  if (day % 7 == 0) Prune(day);
  const bool active = day >= rule_.lookback_days;
  for (const CallRecord& call : calls) {
    if (call.to < persons_ * 2u || !watched(call.caller)) continue;  // out-of-town numbers only
    const uint64_t key = static_cast<uint64_t>(call.caller.value) << 32 | call.to;
    auto [it, inserted] = contacts_.try_emplace(key, Contact{day, day});
    Contact& contact = it->second;
    // Called before, but not within the lookback: a new stretch, so a new number again.
    if (!inserted && contact.last <= day - rule_.lookback_days) contact.first = day;
    contact.last = day;
    if (!active || contact.first <= day - rule_.window_days) continue;
    std::vector<oversight::Day>& days = counted_[call.caller.value];
    days.push_back(day);
    while (!days.empty() && days.front() <= day - rule_.window_days) days.erase(days.begin());
    if (static_cast<int32_t>(days.size()) < rule_.min_calls) continue;
    auto last = last_alert_.find(call.caller.value);
    if (last != last_alert_.end() && last->second > day - rule_.window_days) continue;
    last_alert_[call.caller.value] = day;
    alert(call.time, call.caller);
  }
}

inline void NewNumberCalls::Prune(oversight::Day day) {
  absl::erase_if(contacts_, [&](const auto& entry) {
    return entry.second.last <= day - rule_.lookback_days;
  });
  absl::erase_if(counted_, [&](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= day - rule_.window_days;
  });
}

}  // namespace oversight
