// The tripwire rules: turn the day's observations into alerts.
//
// Three kinds of rule (scenario/policy_options.h):
//   near_place  a listed person is sighted at a place within radius_m of a place of
//               place_type, between from_hour and to_hour; at most one alert per person
//               per rule per day, at the first such sighting.
//   gathering   at least min_persons distinct listed persons are sighted arriving at the
//               same place of place_type within window_minutes (a sliding window over
//               arrivals); when the count first reaches the threshold every person in the
//               window is alerted, and each further listed arrival while it holds is too;
//               at most one alert per person per place per rule per day.
//   ticket      a listed person buys a train ticket to the capital: one alert per ticket
//               (tickets to anywhere else are ignored).
//   phone_dark  a listed person's phone goes dark (a carrier record): one alert each time.
//   utilities   a household's water use per registered resident exceeds `factor` times the
//               day's median over all households: one alert on the account holder (the
//               head on the register), at the end of the day. Without a list it watches
//               every household.
//   check_ins   at least min_persons distinct listed persons register at the same hotel
//               for the same night; each is alerted once per hotel per night.
//   new_number_calls
//               a listed caller makes min_calls calls within window_days to out-of-town
//               numbers that are new to them (policy/new_number_calls.h); state crosses days.
//
// Persons on the red list never raise an alert; what they would have raised is kept
// (suppressed()) so the audit can count what the exemption hides.
//
// The engine sees only observations and records (never the truth). Windows do not reach
// across midnight. Thread-safety: Evaluate() is not reentrant.
#pragma once

#include <memory>
#include <vector>

#include "policy/alert.h"
#include "policy/new_number_calls.h"
#include "policy/watchlists.h"
#include "scenario/policy_options.h"
#include "sense/observation.h"
#include "sense/records.h"
#include "world/records_view.h"

namespace oversight {

class RuleEngine {
 public:
  RuleEngine(const PolicyOptions& options, const RecordsView& records, uint64_t seed);

  // Alerts for day `day`'s observations (ordered by ObservationBefore), by AlertBefore;
  // then updates the watchlists from them. Matches on red-listed persons raise no alert
  // and are kept in suppressed(). The results stay valid until the next call.
  const std::vector<Alert>& Evaluate(Day day, const std::vector<Observation>& observations,
                                     const DayRecords& records);
  // Today's would-be alerts on red-listed persons.
  const std::vector<Alert>& suppressed() const { return suppressed_; }

  const Watchlists& watchlists() const { return watchlists_; }
  const PolicyOptions& options() const { return options_; }

 private:
  void EvaluateNearPlace(RuleId id, const RuleOptions& rule,
                         const std::vector<Observation>& observations);
  void EvaluateGathering(RuleId id, const RuleOptions& rule,
                         const std::vector<Observation>& observations);
  void EvaluateTicket(RuleId id, const RuleOptions& rule,
                      const std::vector<Observation>& observations);
  void EvaluatePhoneDark(RuleId id, const RuleOptions& rule, const DayRecords& records);
  void EvaluateUtilities(RuleId id, const RuleOptions& rule, Day day, const DayRecords& records);
  void EvaluateCheckIns(RuleId id, const RuleOptions& rule, const DayRecords& records);
  void EvaluateNewNumberCalls(RuleId id, const RuleOptions& rule, Day day,
                              const DayRecords& records);
  bool Watched(const RuleOptions& rule, PersonId person) const {
    return rule.list == kEveryone || watchlists_.Contains(ListId(rule.list), person);
  }
  void Emit(RuleId id, const RuleOptions& rule, Minute time, PersonId person);

  PolicyOptions options_;
  const City& city_;
  Watchlists watchlists_;
  // Per rule, per place: whether the place satisfies the rule's "where" (near_place only).
  std::vector<std::vector<uint8_t>> place_matches_;
  PlaceId capital_;
  const RecordsView records_;
  std::vector<float> scratch_values_;
  std::vector<CheckInRecord> scratch_check_ins_;
  // Per rule: cross-day state of new_number_calls rules (empty for other kinds).
  std::vector<std::unique_ptr<NewNumberCalls>> new_number_calls_;
  std::vector<Alert> alerts_;
  std::vector<Alert> suppressed_;
  std::vector<Observation> scratch_;
};

}  // namespace oversight
