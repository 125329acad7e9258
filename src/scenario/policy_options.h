// Options of the policy stage: watchlists and tripwire rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace oversight {

// A watchlist: everyone whose *recorded* traits include any of `recorded_traits`, plus
// whoever the system's own alerts add. Nobody on it is ever told.
struct ListOptions {
  std::string name;
  TraitBits recorded_traits = 0;  // any of these on file puts a person on the list
  int32_t add_after_alerts = 0;   // alerts within `within_days` that add a person (0: never)
  int32_t within_days = 30;       // days, counting the day of the last alert
  double removal_rate = 0.0;      // per member per day: chance of being taken off the list
};

enum class RuleKind : uint8_t {
  kNearPlace,  // a listed person is seen within radius_m of a place of place_type
  kGathering,  // >= min_persons listed persons seen at one place of place_type within window
  kTicket,     // a listed person buys a train ticket to the capital
  kPhoneDark,  // a listed person's phone goes dark
  kUtilities,  // a household's water per registered resident > factor x the day's median
  kCheckIns,   // >= min_persons listed persons registered at one hotel the same night
  kNewNumberCalls,  // a listed caller calls new out-of-town numbers often
};
inline constexpr size_t kRuleKindCount = 7;
inline constexpr std::array<std::string_view, kRuleKindCount> kRuleKindNames = {
    "near_place", "gathering", "ticket", "phone_dark", "utilities", "check_ins",
    "new_number_calls"};

// A rule's `list` when it watches everyone (utilities rules without a list).
inline constexpr uint32_t kEveryone = UINT32_MAX;

struct RuleOptions {
  std::string id;
  RuleKind kind = RuleKind::kNearPlace;
  uint32_t list = 0;  // index into PolicyOptions::lists
  PlaceType place_type = PlaceType::kSchool;
  double radius_m = 200.0;        // near_place: distance, metres
  int32_t from_hour = 0;          // near_place: active from this hour (0-23) ...
  int32_t to_hour = 24;           // ... until this hour (1-24), same day
  int32_t min_persons = 3;        // gathering: distinct listed persons
  int32_t window_minutes = 120;   // gathering: sliding window, minutes
  double factor = 3.0;            // utilities: times the day's median use per registered resident
  int32_t min_calls = 5;          // new_number_calls: calls to new numbers within window_days
  int32_t window_days = 7;        // new_number_calls: sliding window, days
  int32_t lookback_days = 30;     // new_number_calls: a number is new if not called in this long
  Category category = Category::kSocial;
  int32_t priority = -1;  // 0-9, higher first; -1 = from category (political 3, criminal 2, social 1)

  int32_t EffectivePriority() const {
    if (priority >= 0) return priority;
    switch (category) {
      case Category::kPolitical: return 3;
      case Category::kCriminal: return 2;
      case Category::kSocial: return 1;
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
