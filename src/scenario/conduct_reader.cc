// How persons act and react: [lawful] acts, [evasion] of surveillance and [deterrence]
// by police contact.
#include <fmt/format.h>

#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadLawful(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("lawful");
  if (table == nullptr) return;
  TableReader r(*table, "[lawful]", ctx.diagnostics);
  LawfulOptions& lawful = ctx.scenario.world.lawful;
  r.Probability("petition_trip_rate", &lawful.petition_trip_rate);
  r.Probability("gathering_rate", &lawful.gathering_rate);
  r.Probability("gathering_attendance", &lawful.gathering_attendance);
  r.Finish();
}

void ReadEvasion(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("evasion");
  if (table == nullptr) return;
  TableReader r(*table, "[evasion]", ctx.diagnostics);
  EvasionOptions& evasion = ctx.scenario.world.evasion;
  r.Probability("base_share", &evasion.base_share);
  r.Probability("petitioner_share", &evasion.petitioner_share);
  r.Probability("harmful_share", &evasion.harmful_share);
  r.Probability("per_police_contact", &evasion.per_police_contact);
  r.Int32("decoy_tickets", 0, 10, &evasion.decoy_tickets);
  r.Finish();
}

void ReadDeterrence(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("deterrence");
  if (table == nullptr) return;
  TableReader r(*table, "[deterrence]", ctx.diagnostics);
  DeterrenceOptions& d = ctx.scenario.world.deterrence;
  r.Probability("lawful_per_contact", &d.lawful_per_contact);
  r.Probability("harmful_per_contact", &d.harmful_per_contact);
  r.Finish();
}

}  // namespace oversight
