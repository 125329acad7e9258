#include "audit/group_rates.h"

namespace oversight {

std::vector<NamedRate> GroupRates(const GroupCounts& g, const GroupCounts& total, bool twin) {
  std::vector<NamedRate> rates = {
      {"population_share", g.persons, total.persons},
      {"alert_share", g.alerts, total.alerts},
      {"listed_share", g.listed_persons, g.persons},
      {"flagged_share", g.flagged_persons, g.persons},
      {"innocents_flagged_share", g.flagged_innocents, g.persons - g.harmful_persons},
      {"false_alarm_share", g.false_alarms, g.alerts},
      {"precision", g.alerts - g.false_alarms, g.alerts},
      {"lawful_stopped_share", g.lawful_stopped, g.lawful_acts},
      {"harmful_acts_stopped_share", g.harmful_acts_stopped, g.harmful_acts},
  };
  if (twin) {
    rates.push_back({"lawful_lost_share", g.lawful_acts_lost(), g.twin_lawful_acts});
    rates.push_back({"harmful_prevented_share", g.harmful_acts_prevented(), g.twin_harmful_acts});
  }
  return rates;
}

}  // namespace oversight
