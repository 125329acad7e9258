// Options of the policy stage: watchlists and tripwire rules.
//
// A rule fills in the blanks of the police menu (docs/RULES.md): who (a list), what (the
// kind of evidence), where, when, how often, with whom, then (a second step) and what
// follows (category, priority). The loader checks that the filled-in slots make sense
// together and records which incremental operator answers them (an OperatorSpec of the
// registry, scenario/operator_registry.h); a combination no operator answers is rejected
// with the slot's position.
#pragma once

#include <any>
#include <array>
#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence.h"
#include "core/vocabulary.h"

namespace oversight {

struct OperatorSpec;  // scenario/operator_registry.h

// A watchlist (or label): everyone the register and the records say fits its predicates,
// plus whoever the system's own alerts add. Nobody on it is ever told.
struct ListOptions {
  std::string name;
  TraitBits recorded_traits = 0;  // any of these on file (0: no condition on traits)
  int8_t sex = -1;                // Sex on the register (-1: any)
  int8_t foreign = -1;            // 1: foreign nationals only, 0: citizens only, -1: any
  int8_t work_permit = -1;        // 1: with a work permit, 0: without one, -1: any
  int32_t add_after_alerts = 0;   // alerts within `within_days` that add a person (0: never)
  int32_t within_days = 30;       // days, counting the day of the last alert
  double removal_rate = 0.0;      // per member per day: chance of being taken off the list

  // Whether the list starts with anyone (it has a predicate).
  bool HasPredicate() const {
    return recorded_traits != 0 || sex >= 0 || foreign >= 0 || work_permit >= 0;
  }
  // A label (e.g. "men") describes people by the register only: no history on file and no
  // additions from alerts. The audit does not count labels as watchlists.
  bool IsLabel() const { return recorded_traits == 0 && add_after_alerts == 0; }
};

// A rule's `who` or `with.who` when it watches everyone.
inline constexpr uint32_t kEveryone = UINT32_MAX;

// "what": the kind of evidence a rule reads: Evidence, kEvidenceCount and kEvidenceNames are
// derived from the table of evidence streams (core/evidence.h).

// "where" for tickets: the destination.
enum class Destination : uint8_t { kAnywhere, kCapital, kElsewhere };
inline constexpr std::array<std::string_view, 3> kDestinationNames = {"anywhere", "capital",
                                                                      "elsewhere"};

// "when": the days a rule is active on.
enum class DayFilter : uint8_t { kAny, kWorkdays, kWeekends, kHolidays };
inline constexpr std::array<std::string_view, 4> kDayFilterNames = {"any", "workdays", "weekends",
                                                                    "holidays"};

// What a hand-weighted score can weigh: all from records, the register and the system's own
// history (docs/RULES.md, "Risk scores").
enum class ScoreFeature : uint8_t {
  kCallsToList,   // calls to residents on `ties_list`, weighted by recency (window_days)
  kPastTrips,     // tickets to the capital the system has seen the person buy, ever
  kPhonesDark,    // phone-dark records, weighted by recency (window_days)
  kPersonality,   // the officers' 0-10 personality rating on file
  kLowStatus,     // 1 if the register says low status
  kGreatTragedy,  // 1 if a great tragedy is on file
};
inline constexpr size_t kScoreFeatureCount = 6;
inline constexpr std::array<std::string_view, kScoreFeatureCount> kScoreFeatureNames = {
    "calls_to_list", "past_trips", "phones_dark", "personality", "low_status", "great_tragedy"};

// The parameters of the score operators (weighted_score, learned_score), read from [[scores]]
// by scenario/scores_reader.cc.
struct ScoreOptions {
  // weighted
  std::array<double, kScoreFeatureCount> weights{};
  uint32_t raise_level_for = 0;  // bit f: +1 level when feature f is present (non-zero)
  uint32_t ties_list = kEveryone;
  int32_t window_days = 30;
  std::vector<double> levels;  // ascending score thresholds of levels 1, 2, ...
  int32_t alert_level = 1;
  // learned
  int32_t retrain_every_days = 7;
  double threshold = 0.5;
  int32_t training_sample = 50000;
};

struct WhereOptions {
  uint32_t at = 0;  // bit t: places of PlaceType t (0: anywhere)
  // "near": the place lies within near_m metres of a place of one of these types (bit t:
  // PlaceType t; 0: no condition). A place of such a type is near itself.
  uint32_t near = 0;
  double near_m = 0.0;
  // "same or nearby": places of `at` within this many metres of each other (a chain of such
  // links) count as one place for `with` (0: the same place only).
  double nearby_m = 0.0;
  bool away_from_home = false;              // not the person's registered home or its compound
  Destination to = Destination::kAnywhere;  // tickets only
  bool out_of_town = false;                 // calls only: to out-of-town numbers
};

struct WhenOptions {
  int32_t from_hour = 0;  // active from this hour ...
  int32_t to_hour = 24;   // ... until this one; from_hour > to_hour wraps past midnight
  DayFilter days = DayFilter::kAny;

  bool AllDay() const { return from_hour == 0 && to_hour == 24; }
  bool Contains(int32_t hour) const {
    return from_hour <= to_hour ? hour >= from_hour && hour < to_hour
                                : hour >= from_hour || hour < to_hour;
  }
};

// A rule or score: the slots every operator shares (who, what, where, when, what follows)
// and its operator's own parameters.
struct RuleOptions {
  std::string id;
  // The operator that answers the rule (scenario/operator_registry.h), chosen by the loader
  // from the filled-in slots; nullptr only before the loader has compiled the rule.
  const OperatorSpec* op = nullptr;
  // The operator's own parameter struct (e.g. CountParams for count), read by its reader.
  std::any params;
  uint32_t who = kEveryone;  // list index, or kEveryone
  Evidence what = Evidence::kSighting;
  WhereOptions where;
  WhenOptions when;
  Category category = Category::kSocial;
  int32_t priority =
      -1;  // 0-9, higher first; -1 = from category (political 3, criminal 2, social 1)
  Response response = Response::kVisit;  // what the police do about an alert
  int32_t response_list = -1;            // for response "list": index into lists

  // The operator's parameters. REQUIRES: P is the parameter struct of `op` (the loader
  // stores it with the operator).
  template <typename P>
  const P& Params() const {
    const P* p = std::any_cast<P>(&params);
    assert(p != nullptr && "the loader stores each operator's own parameter struct");
    return *p;
  }
  // The operator's name ("count"). REQUIRES: op != nullptr.
  std::string_view OperatorName() const;
  // Scores ([[scores]]) are rules whose operator is a score; they read records, not one
  // kind of evidence.
  bool IsScore() const;
  std::string_view EvidenceName() const {
    return IsScore() ? "records" : kEvidenceNames[static_cast<size_t>(what)];
  }

  int32_t EffectivePriority() const {
    if (priority >= 0) return priority;
    switch (category) {
      case Category::kPolitical:
        return 3;
      case Category::kCriminal:
        return 2;
      case Category::kSocial:
        return 1;
    }
    return 1;
  }
};

// Watchlist membership is a 32-bit set per person.
inline constexpr size_t kMaxLists = 32;

struct PolicyOptions {
  std::vector<ListOptions> lists;
  std::vector<RuleOptions> rules;
  // The red list: persons with any of these traits on file are exempt from every rule.
  TraitBits red_list_traits = 0;
};

}  // namespace oversight
