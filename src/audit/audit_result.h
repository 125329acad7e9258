// The audit's findings: counts per group, per rule and per day.
//
// Counts only; every rate a report prints is a ratio of two of these (docs/METRICS.md),
// so a reader can always see the numerator and the denominator.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.h"

namespace oversight {

// The count of each police response, as outputs name it (kResponseNames order).
inline constexpr std::array<std::string_view, kResponseCount> kResponseCountNames = {
    "visits", "intercepts", "detentions", "permit_denials", "list_additions", "cameras_placed"};

// Counts of police responses, by kind (Response order).
struct ResponseCounts {
  std::array<uint64_t, kResponseCount> by_kind{};

  uint64_t& operator[](Response r) { return by_kind[static_cast<size_t>(r)]; }
  uint64_t operator[](Response r) const { return by_kind[static_cast<size_t>(r)]; }
  uint64_t total() const {
    uint64_t sum = 0;
    for (uint64_t n : by_kind) sum += n;
    return sum;
  }
  // Responses the person meets (IsContact): visits, intercepts, detentions, permit denials.
  uint64_t contacts() const {
    uint64_t sum = 0;
    for (size_t k = 0; k < kResponseCount; ++k) {
      if (IsContact(static_cast<Response>(k))) sum += by_kind[k];
    }
    return sum;
  }
  ResponseCounts& operator+=(const ResponseCounts& other) {
    for (size_t k = 0; k < kResponseCount; ++k) by_kind[k] += other.by_kind[k];
    return *this;
  }

  template <class Archive>
  void serialize(Archive& archive) {
    archive(by_kind);
  }
};

struct GroupCounts {
  std::string name;
  uint64_t persons = 0;
  uint64_t harmful_persons = 0;  // persons with a hidden harmful intent (truth)
  uint64_t listed_persons = 0;   // on at least one watchlist (labels excepted) at the start
  uint64_t list_days = 0;        // person-days on at least one watchlist, over the run
  uint64_t alerts = 0;
  uint64_t false_alarms = 0;       // alerts on persons with no harmful intent
  uint64_t flagged_persons = 0;    // persons alerted at least once
  uint64_t flagged_innocents = 0;  // ... of whom with no harmful intent
  uint64_t flagged_harmful() const { return flagged_persons - flagged_innocents; }
  ResponseCounts responses{};               // police responses to persons of the group, by kind
  ResponseCounts responses_to_innocents{};  // ... to persons with no harmful intent
  uint64_t checks = 0;                      // quick checks (police contacts that stop nothing)
  uint64_t checks_to_innocents = 0;
  uint64_t held_days = 0;            // person-days held in detention
  uint64_t held_days_innocents = 0;  // ... of persons with no harmful intent
  // Patrol units in the district where each person lives, summed over persons and days
  // (not kept per intersection cell).
  uint64_t patrol_exposure = 0;
  // Police contacts with persons of no harmful intent: responses they meet, and checks.
  uint64_t contacts_to_innocents() const {
    return responses_to_innocents.contacts() + checks_to_innocents;
  }
  uint64_t lawful_acts = 0;  // lawful acts set out on: petition trips and gatherings attended
  uint64_t lawful_stopped = 0;
  uint64_t harmful_acts = 0;
  uint64_t harmful_acts_stopped = 0;
  uint64_t red_list_suppressed = 0;          // alerts the red list prevented
  uint64_t red_list_suppressed_harmful = 0;  // ... on persons with a harmful intent
  uint64_t red_list_harmful_acts = 0;  // harmful acts by red-listed persons, whom no rule watches
  // In the twin (the same lives with the policy off), acts set out on; none is stopped.
  uint64_t twin_lawful_acts = 0;
  uint64_t twin_harmful_acts = 0;

  // Against the twin: acts that happened there but not here (stopped by police, or never
  // set out on because of deterrence). The policy only removes acts, so the twin's count is
  // never below what happened; 0 if it were.
  uint64_t lawful_acts_lost() const { return Lost(twin_lawful_acts, lawful_acts - lawful_stopped); }
  uint64_t harmful_acts_prevented() const {
    return Lost(twin_harmful_acts, harmful_acts - harmful_acts_stopped);
  }
  // Checkpoints (core/snapshot.h).
  template <class Archive>
  void serialize(Archive& archive) {
    archive(name, persons, harmful_persons, listed_persons, list_days, alerts, false_alarms,
            flagged_persons, flagged_innocents, responses, responses_to_innocents, checks,
            checks_to_innocents, held_days, held_days_innocents, patrol_exposure, lawful_acts,
            lawful_stopped, harmful_acts, harmful_acts_stopped, red_list_suppressed,
            red_list_suppressed_harmful, red_list_harmful_acts, twin_lawful_acts,
            twin_harmful_acts);
  }

 private:
  static uint64_t Lost(uint64_t twin, uint64_t happened) {
    return twin > happened ? twin - happened : 0;
  }
};

struct RuleCounts {
  std::string id;
  std::string op;    // the operator the rule compiled to (docs/RULES.md)
  std::string what;  // the evidence it reads
  std::string category;
  std::string response{};  // what the police do about its alerts
  uint64_t alerts = 0;
  uint64_t false_alarms = 0;
  uint64_t flagged_persons = 0;
  uint64_t alerts_dropped = 0;  // never answered
  uint64_t responses = 0;       // police responses this rule's alerts caused
  uint64_t lawful_stopped = 0;
  uint64_t harmful_acts_stopped = 0;
  uint64_t red_list_suppressed = 0;
  uint64_t red_list_suppressed_harmful = 0;
  // Base-rate arithmetic over the persons the rule watched at the start (its `who`): how
  // many, how many with a harmful intent, and how many of each it flagged during the run.
  uint64_t watched_persons = 0;
  uint64_t watched_harmful = 0;
  uint64_t flagged_watched = 0;
  uint64_t flagged_watched_harmful = 0;
  std::vector<uint64_t> group_alerts{};  // alerts naming persons of each group (groups order)

  template <class Archive>
  void serialize(Archive& archive) {
    archive(id, op, what, category, response, alerts, false_alarms, flagged_persons, alerts_dropped,
            responses, lawful_stopped, harmful_acts_stopped, red_list_suppressed,
            red_list_suppressed_harmful, watched_persons, watched_harmful, flagged_watched,
            flagged_watched_harmful, group_alerts);
  }
};

struct DayCounts {
  int32_t day = 0;
  uint64_t observations = 0;
  uint64_t alerts = 0;
  uint64_t false_alarms = 0;
  uint64_t responses = 0;  // police responses of every kind
  uint64_t held = 0;       // persons held in detention
  uint64_t alerts_dropped = 0;
  uint64_t lawful_acts = 0;
  uint64_t lawful_stopped = 0;
  uint64_t harmful_acts = 0;
  uint64_t harmful_acts_stopped = 0;
  uint64_t twin_lawful_acts = 0;
  uint64_t twin_harmful_acts = 0;
  // Per group (AuditResult::groups order): alerts naming its persons, and persons of it on a
  // watchlist at the end of the day.
  std::vector<uint64_t> group_alerts{};
  std::vector<uint64_t> group_listed{};
  // ... and patrol units times the persons of the group living where they patrolled.
  std::vector<uint64_t> group_patrols{};
  // Patrol units sent to each district (AuditResult::districts order); empty: no patrols.
  std::vector<uint16_t> district_patrols{};

  template <class Archive>
  void serialize(Archive& archive) {
    archive(day, observations, alerts, false_alarms, responses, held, alerts_dropped, lawful_acts,
            lawful_stopped, harmful_acts, harmful_acts_stopped, twin_lawful_acts, twin_harmful_acts,
            group_alerts, group_listed, group_patrols, district_patrols);
  }
};

// A cell of an intersection of the group with a register attribute (sex or status):
// the counts of its persons (twin counts and list days are not kept per cell).
struct IntersectionCounts {
  std::string dimension;  // "group x sex" or "group x status"
  GroupCounts counts;     // name "<group> x <value>"

  template <class Archive>
  void serialize(Archive& archive) {
    archive(dimension, counts);
  }
};

struct AuditResult {
  std::vector<GroupCounts> groups;
  std::vector<IntersectionCounts> intersections;
  GroupCounts total;  // name "all"
  std::vector<RuleCounts> rules;
  std::vector<DayCounts> days;
  std::vector<std::string> districts;      // names, in DistrictId order
  std::vector<uint64_t> district_persons;  // persons living in each district
  std::vector<uint64_t> district_alerts;   // alerts naming persons living there
  uint64_t alerts_waiting_at_end = 0;

  // Alerts the police gave up on, over the run (the sum over rules).
  uint64_t alerts_dropped() const {
    uint64_t sum = 0;
    for (const RuleCounts& r : rules) sum += r.alerts_dropped;
    return sum;
  }
  bool twin = false;  // whether the twin_* counts were measured

  template <class Archive>
  void serialize(Archive& archive) {
    archive(groups, intersections, total, rules, days, districts, district_persons, district_alerts,
            alerts_waiting_at_end, twin);
  }
};

}  // namespace oversight
