#include "report/rule_text.h"

#include <fmt/format.h>

#include <string_view>

namespace oversight {

namespace {

std::string ListName(uint32_t who, const std::vector<ListOptions>& lists) {
  return who == kEveryone || who >= lists.size() ? std::string("anyone") : lists[who].name;
}

// "a school or a park" from a bit set of place types.
std::string PlaceTypes(uint32_t bits) {
  std::vector<std::string_view> names;
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    if ((bits >> t & 1u) != 0) names.push_back(kPlaceTypeNames[t]);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string_view EvidenceWords(Evidence e) {
  switch (e) {
    case Evidence::kSighting:
      return "a camera sighting";
    case Evidence::kTicket:
      return "a train ticket";
    case Evidence::kCheckIn:
      return "a hotel check-in";
    case Evidence::kCall:
      return "a call";
    case Evidence::kPhoneDark:
      return "the phone going dark";
    case Evidence::kMeter:
      return "the household's water use";
    case Evidence::kLocation:
      return "phone locations";
  }
  return "evidence";
}

// "the capital", "a place other than the capital".
std::string_view DestinationWords(Destination d) {
  return d == Destination::kCapital ? "the capital" : "somewhere other than the capital";
}

// "15 minutes", "24 hours".
std::string Minutes(int32_t minutes) {
  if (minutes >= 120 && minutes % 60 == 0) return fmt::format("{} hours", minutes / 60);
  return fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s");
}

}  // namespace

std::string DescribeRule(const RuleOptions& rule, const std::vector<ListOptions>& lists) {
  const std::string who = ListName(rule.who, lists);
  if (rule.op == RuleOperator::kWeightedScore) {
    std::string weights;
    for (size_t f = 0; f < kScoreFeatureCount; ++f) {
      if (rule.score.weights[f] == 0) continue;
      weights += fmt::format("{}{} × {:g}", weights.empty() ? "" : " + ", kScoreFeatureNames[f],
                             rule.score.weights[f]);
    }
    return fmt::format("{}: a hand-weighted score ({}), alerting at level {}", who, weights,
                       rule.score.alert_level);
  }
  if (rule.op == RuleOperator::kLearnedScore) {
    return fmt::format(
        "{}: a logistic regression refitted every {} days on whom the other rules flagged, "
        "alerting at probability {:g}",
        who, rule.score.retrain_every_days, rule.score.threshold);
  }
  std::string out = fmt::format("{}: {}", who, EvidenceWords(rule.what));
  const WhereOptions& where = rule.where;
  if (where.at != 0) out += " at a " + PlaceTypes(where.at);
  if (where.near != 0)
    out += fmt::format(" within {:g} m of a {}", where.near_m, PlaceTypes(where.near));
  if (where.away_from_home) out += " away from home";
  if (where.to != Destination::kAnywhere) out += fmt::format(" to {}", DestinationWords(where.to));
  if (where.out_of_town) out += " to an out-of-town number";
  if (!rule.when.AllDay()) {
    out += fmt::format(", {:02}:00–{:02}:00", rule.when.from_hour, rule.when.to_hour);
  }
  if (rule.when.days != DayFilter::kAny) {
    out += fmt::format(", on {}", kDayFilterNames[static_cast<size_t>(rule.when.days)]);
  }
  const WithOptions& with = rule.with;
  const HowOftenOptions& how = rule.how_often;
  switch (rule.op) {
    case RuleOperator::kTogether:
      out += fmt::format(
          ", with at least {} other{} of {} arriving within {}{}", with.at_least,
          with.at_least == 1 ? "" : "s", ListName(with.who, lists), Minutes(with.within_minutes),
          where.nearby_m > 0 ? fmt::format(" at places within {:g} m", where.nearby_m)
                             : std::string(" at the same place"));
      break;
    case RuleOperator::kCount:
      out += fmt::format(", at least {} times within {} day{}", how.at_least, how.within_days,
                         how.within_days == 1 ? "" : "s");
      if (how.new_after_days > 0) {
        out += fmt::format(" (numbers not called in {} days)", how.new_after_days);
      }
      break;
    case RuleOperator::kNorm:
      out +=
          fmt::format(" per registered resident above {:g} times the day's median", how.times_norm);
      break;
    case RuleOperator::kDwell:
      out += how.total_minutes > 0
                 ? fmt::format(", {} or more in all within {} days", Minutes(how.total_minutes),
                               how.within_days)
                 : fmt::format(", one stay of {} or more", Minutes(how.dwell_minutes));
      break;
    case RuleOperator::kPair:
      out += fmt::format(": with the registered spouse less than {:g}% of the time over {} days",
                         how.together_below * 100, how.within_days);
      break;
    case RuleOperator::kCompanions:
      out += fmt::format(
          ", at least {} entries with {} different companions (arriving within {}) "
          "within {} days",
          how.at_least, how.distinct_companions, Minutes(with.within_minutes), how.within_days);
      break;
    case RuleOperator::kSequence:
      out += fmt::format(", then {}{} within {} hours", EvidenceWords(rule.then.what),
                         rule.then.to != Destination::kAnywhere
                             ? fmt::format(" to {}", DestinationWords(rule.then.to))
                             : std::string(),
                         rule.then.within_hours);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace oversight
