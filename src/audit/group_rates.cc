#include "audit/group_rates.h"

#include <cassert>

namespace oversight {

const NamedRate& RateNamed(const std::vector<NamedRate>& rates, std::string_view name) {
  for (const NamedRate& r : rates) {
    if (r.name == name) return r;
  }
  assert(false && "no rate of that name");
  static const NamedRate kUndefined{};
  return kUndefined;
}

std::vector<NamedRate> GroupRates(const GroupCounts& g, const GroupCounts& total, bool twin) {
  std::vector<NamedRate> rates = {
      {"population_share", g.persons, total.persons},
      {"alert_share", g.alerts, total.alerts},
      {"listed_share", g.listed_persons, g.persons},
      {"flagged_share", g.flagged_persons, g.persons},
      {"innocents_flagged_share", g.flagged_innocents, g.persons - g.harmful_persons},
      {"false_alarm_share", g.false_alarms, g.alerts},
      {"precision", g.alerts - g.false_alarms, g.alerts},
      {"recall", g.flagged_harmful(), g.harmful_persons},
      {"contacts_per_innocent", g.contacts_to_innocents(), g.persons - g.harmful_persons},
      {"list_days_per_person", g.list_days, g.persons},
      {"held_days_per_person", g.held_days, g.persons},
      {"patrol_exposure_per_person", g.patrol_exposure, g.persons},
      {"lawful_stopped_share", g.lawful_stopped, g.lawful_acts},
      {"harmful_acts_stopped_share", g.harmful_acts_stopped, g.harmful_acts},
  };
  if (twin) {
    rates.push_back({"lawful_lost_share", g.lawful_acts_lost(), g.twin_lawful_acts});
    rates.push_back({"harmful_prevented_share", g.harmful_acts_prevented(), g.twin_harmful_acts});
  }
  return rates;
}

std::vector<NamedRate> RuleRates(const RuleCounts& r) {
  return {
      {"false_alarm_share", r.false_alarms, r.alerts},
      {"precision", r.alerts - r.false_alarms, r.alerts},
      {"prevalence", r.watched_harmful, r.watched_persons},
      {"recall", r.flagged_watched_harmful, r.watched_harmful},
      {"false_positive_rate", r.flagged_watched - r.flagged_watched_harmful,
       r.watched_persons - r.watched_harmful},
  };
}

std::optional<double> FprForEvenOdds(const RuleCounts& r) {
  const auto prevalence = Rate{r.watched_harmful, r.watched_persons}.value();
  const auto recall = Rate{r.flagged_watched_harmful, r.watched_harmful}.value();
  if (!prevalence || !recall || *prevalence >= 1.0) return std::nullopt;
  return *recall * *prevalence / (1.0 - *prevalence);
}

}  // namespace oversight
