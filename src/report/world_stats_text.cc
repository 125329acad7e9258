#include "report/world_stats_text.h"

#include <fmt/format.h>

#include "report/summary.h"

namespace oversight {

namespace {

double Share(uint64_t numerator, uint64_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

// "12.3%" of n / d, or "-" when d is 0.
std::string Pct(uint64_t numerator, uint64_t denominator, int decimals = 1) {
  if (denominator == 0) return "-";
  return fmt::format("{:.{}f}%", 100.0 * Share(numerator, denominator), decimals);
}

void GroupTable(const Scenario& scenario, const WorldStats& s, std::string* out) {
  *out += "Persons by group\n";
  *out += fmt::format("  {:<16} {:>10} {:>8} {:>10} {:>10} {:>16}\n", "group", "persons", "share",
                      "foreign", "permit", "harmful intent");
  for (size_t g = 0; g < s.persons_by_group.size(); ++g) {
    *out +=
        fmt::format("  {:<16} {:>10} {:>8} {:>10} {:>10} {:>16}\n", scenario.world.groups[g].name,
                    WithThousands(s.persons_by_group[g]), Pct(s.persons_by_group[g], s.persons),
                    WithThousands(s.foreign[g]), WithThousands(s.foreign_permit[g]),
                    fmt::format("{} ({})", WithThousands(s.harmful_intent[g]),
                                Pct(s.harmful_intent[g], s.persons_by_group[g], 2)));
  }
}

void TraitTables(const Scenario& scenario, const WorldStats& s, std::string* out) {
  for (size_t g = 0; g < s.persons_by_group.size(); ++g) {
    const uint64_t n = s.persons_by_group[g];
    *out += fmt::format("\nTraits of group '{}' ({} persons): the truth and the record\n",
                        scenario.world.groups[g].name, WithThousands(n));
    *out += fmt::format("  {:<16} {:>9} {:>8} {:>9} {:>8} {:>14} {:>14}\n", "trait", "true",
                        "share", "on file", "share", "true on file", "false on file");
    for (size_t t = 0; t < kTraitCount; ++t) {
      const uint64_t truth = s.true_traits[g][t];
      const uint64_t record = s.recorded_traits[g][t];
      const uint64_t both = s.recorded_and_true[g][t];
      *out += fmt::format("  {:<16} {:>9} {:>8} {:>9} {:>8} {:>14} {:>14}\n", kTraitNames[t],
                          WithThousands(truth), Pct(truth, n, 2), WithThousands(record),
                          Pct(record, n, 2), Pct(both, truth), WithThousands(record - both));
    }
  }
}

// P(column | row) among persons with the row trait: the dependencies the tables created.
void TraitPairTable(const WorldStats& s, std::string* out) {
  *out +=
      "\nTrue traits together: share of persons with the row trait who also have the column "
      "trait\n";
  *out += fmt::format("  {:<16}", "");
  for (size_t b = 0; b < kTraitCount; ++b) *out += fmt::format(" {:>7.7}", kTraitNames[b]);
  *out += "\n";
  for (size_t a = 0; a < kTraitCount; ++a) {
    *out += fmt::format("  {:<16}", kTraitNames[a]);
    for (size_t b = 0; b < kTraitCount; ++b) {
      *out += fmt::format(
          " {:>7}", a == b ? std::string("-") : Pct(s.trait_pairs[a][b], s.trait_pairs[a][a]));
    }
    *out += "\n";
  }
}

void IntentTable(const Scenario& scenario, const WorldStats& s, std::string* out) {
  *out += "\nHidden harmful intents by group (the truth; nobody's record shows them)\n";
  *out += fmt::format("  {:<20}", "intent");
  for (const GroupOptions& g : scenario.world.groups) *out += fmt::format(" {:>18}", g.name);
  *out += "\n";
  for (size_t k = 0; k < kIntentCount; ++k) {
    *out += fmt::format("  {:<20}", kIntentNames[k]);
    for (size_t g = 0; g < s.persons_by_group.size(); ++g) {
      *out += fmt::format(" {:>18}", fmt::format("{} ({})", WithThousands(s.intents[g][k]),
                                                 Pct(s.intents[g][k], s.persons_by_group[g], 3)));
    }
    *out += "\n";
  }
}

void RoleTables(const Scenario& scenario, const WorldStats& s, std::string* out) {
  *out += "\nRoles by group (share of the group)\n";
  *out += fmt::format("  {:<16}", "role");
  for (const GroupOptions& g : scenario.world.groups) *out += fmt::format(" {:>12}", g.name);
  *out += "\n";
  for (size_t r = 0; r < kRoleCount; ++r) {
    *out += fmt::format("  {:<16}", kRoleNames[r]);
    for (size_t g = 0; g < s.persons_by_group.size(); ++g) {
      *out += fmt::format(" {:>12}", Pct(s.roles[g][r], s.persons_by_group[g]));
    }
    *out += "\n";
  }
  *out += "\nStatus by role (share of the role)\n";
  *out += fmt::format("  {:<16} {:>10} {:>8} {:>8} {:>8}\n", "role", "persons", "low", "middle",
                      "high");
  for (size_t r = 0; r < kRoleCount; ++r) {
    uint64_t n = 0;
    for (uint64_t c : s.role_status[r]) n += c;
    *out += fmt::format("  {:<16} {:>10} {:>8} {:>8} {:>8}\n", kRoleNames[r], WithThousands(n),
                        Pct(s.role_status[r][0], n), Pct(s.role_status[r][1], n),
                        Pct(s.role_status[r][2], n));
  }
}

void AgeAndHouseholdTables(const WorldStats& s, std::string* out) {
  *out += "\nAge and sex (share of all persons)\n";
  *out += fmt::format("  {:<10} {:>8} {:>8}\n", "age", "female", "male");
  for (size_t b = 0; b < kAgeBandStarts.size(); ++b) {
    const std::string band = b + 1 < kAgeBandStarts.size() ? fmt::format("{}-{}", kAgeBandStarts[b],
                                                                         kAgeBandStarts[b + 1] - 1)
                                                           : fmt::format("{}+", kAgeBandStarts[b]);
    *out += fmt::format("  {:<10} {:>8} {:>8}\n", band, Pct(s.age_sex[b][0], s.persons),
                        Pct(s.age_sex[b][1], s.persons));
  }
  *out += "\nHouseholds by kind and size\n";
  for (size_t k = 0; k < kHouseholdKindCount; ++k) {
    uint64_t households = 0, persons = 0;
    for (size_t size = 0; size < s.household_sizes[k].size(); ++size) {
      households += s.household_sizes[k][size];
      persons += s.household_sizes[k][size] * size;
    }
    *out += fmt::format(
        "  {:<8} {:>8} households, {:>9} persons, mean size {:.2f}; sizes:", kHouseholdKindNames[k],
        WithThousands(households), WithThousands(persons), Share(persons, households));
    for (size_t size = 1; size < s.household_sizes[k].size(); ++size) {
      if (s.household_sizes[k][size] > 0) {
        *out += fmt::format(" {}:{}", size, WithThousands(s.household_sizes[k][size]));
      }
    }
    *out += "\n";
  }
  *out += fmt::format("  married couples living together: {}; vehicles: {}\n",
                      WithThousands(s.couples), WithThousands(s.vehicles));
  *out += "\nWater use per day, by household kind (the meters' truth against the register)\n";
  *out += fmt::format("  {:<8} {:>14} {:>22} {:>24}\n", "kind", "per household",
                      "per resident (truth)", "per registered resident");
  for (size_t k = 0; k < kHouseholdKindCount; ++k) {
    const double readings = static_cast<double>(s.meter_readings[k]);
    if (readings == 0) continue;
    *out += fmt::format("  {:<8} {:>12.0f} l {:>20.0f} l {:>22.0f} l\n", kHouseholdKindNames[k],
                        s.water_l[k] / readings, s.water_l[k] / static_cast<double>(s.residents[k]),
                        s.water_l[k] / static_cast<double>(s.registered[k]));
  }
  *out += "\nTies per person (beyond the household)\n";
  uint64_t all_ties = 0;
  for (size_t k = 0; k < kTieKindCount; ++k) {
    all_ties += s.ties[k];
    *out += fmt::format("  {:<22} {:>8.2f}\n", kTieKindNames[k], Share(s.ties[k], s.persons));
  }
  *out += fmt::format("  {:<22} {:>8.2f}\n", "all", Share(all_ties, s.persons));
  *out += fmt::format("  phone owners: {} ({}), phones: {}\n", WithThousands(s.phone_owners),
                      Pct(s.phone_owners, s.persons), WithThousands(s.phones));
}

void PlacesAndDays(const WorldStats& s, std::string* out) {
  *out += "\nPlaces\n";
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    *out += fmt::format("  {:<22} {:>10}\n", kPlaceTypeNames[t], WithThousands(s.places[t]));
  }
  *out += fmt::format("\nWorld state: {} bytes ({:.1f} per person)\n", WithThousands(s.state_bytes),
                      Share(s.state_bytes, s.persons));
  const double person_days = static_cast<double>(s.persons) * s.days;
  auto per = [&](uint64_t n) {
    return person_days > 0 ? static_cast<double>(n) / person_days : 0.0;
  };
  *out += fmt::format("\nEvents per person-day over {} days\n", s.days);
  *out += fmt::format("  {:<22} {:>12} {:>12}\n", "kind", "events", "per person-day");
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "presence", WithThousands(s.presences),
                      per(s.presences));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "call", WithThousands(s.calls), per(s.calls));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "  of which out of town",
                      WithThousands(s.calls_out_of_town), per(s.calls_out_of_town));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "purchase", WithThousands(s.purchases),
                      per(s.purchases));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "  of which in cash",
                      WithThousands(s.purchases_cash), per(s.purchases_cash));
  *out +=
      fmt::format("  {:<22} {:>12} {:>12.4f}\n", "drive", WithThousands(s.drives), per(s.drives));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "ticket", WithThousands(s.tickets),
                      per(s.tickets));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "  of which decoys",
                      WithThousands(s.decoy_tickets), per(s.decoy_tickets));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "petition trip",
                      WithThousands(s.petition_trips), per(s.petition_trips));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "gathering attended",
                      WithThousands(s.gatherings), per(s.gatherings));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "harmful act", WithThousands(s.harmful_acts),
                      per(s.harmful_acts));
  *out += fmt::format("  {:<22} {:>12} {:>12.4f}\n", "phone gone dark", WithThousands(s.phone_dark),
                      per(s.phone_dark));
}

}  // namespace

std::string WorldStatsText(const Scenario& scenario, const WorldStats& stats) {
  std::string out = fmt::format("World of '{}': {} synthetic persons, seed {}\n\n", scenario.name,
                                WithThousands(stats.persons), scenario.seed);
  GroupTable(scenario, stats, &out);
  TraitTables(scenario, stats, &out);
  TraitPairTable(stats, &out);
  IntentTable(scenario, stats, &out);
  RoleTables(scenario, stats, &out);
  AgeAndHouseholdTables(stats, &out);
  PlacesAndDays(stats, &out);
  return out;
}

}  // namespace oversight
