// The section readers of the scenario loader, one per section or group of sections.
//
// Each reads its part of the top-level table (ctx.root) into ctx.scenario and reports
// every problem to ctx.diagnostics; none stops at the first problem. A section the file
// does not set leaves the scenario's defaults. The loader (loader.cc) calls them in the
// order below, which is the order of dependence: groups and districts before the sections
// that name them, lists before the rules and responses that name them.
// Thread-safety: as SectionContext (one load at a time per context).
#pragma once

#include "scenario/section_reader.h"

namespace oversight {

// [scenario] (header_reader.cc). Chooses ctx.scenario.model among the registered ones.
void ReadHeader(SectionContext& ctx);

// [[groups]], [[districts]] (groups_districts_reader.cc). Fill ctx.group_names and
// ctx.district_names, which later readers need.
void ReadGroups(SectionContext& ctx);
void ReadDistricts(SectionContext& ctx);  // REQUIRES: ReadGroups ran

// The city (city_reader.cc).
void ReadCity(SectionContext& ctx);
void ReadTies(SectionContext& ctx);
void ReadPhones(SectionContext& ctx);
void ReadPurchases(SectionContext& ctx);
void ReadUtilities(SectionContext& ctx);
void ReadVehicles(SectionContext& ctx);
void ReadLife(SectionContext& ctx);
void ReadCalendar(SectionContext& ctx);

// Conduct (conduct_reader.cc).
void ReadLawful(SectionContext& ctx);
void ReadEvasion(SectionContext& ctx);
void ReadDeterrence(SectionContext& ctx);

// Sensors (sensors_reader.cc). REQUIRES: ReadGroups and ReadDistricts ran.
void ReadCameras(SectionContext& ctx);
void ReadRecognition(SectionContext& ctx);
void ReadRecords(SectionContext& ctx);

// Lists (lists_reader.cc). ReadLists comes before every reader that names a list.
void ReadLists(SectionContext& ctx);
void ReadRedList(SectionContext& ctx);

// The police (police_reader.cc). REQUIRES: ReadLists ran.
void ReadPolice(SectionContext& ctx);
void ReadPatrols(SectionContext& ctx);

// [audit] (audit_reader.cc). REQUIRES: ReadGroups ran.
void ReadAudit(SectionContext& ctx);

// The place models' sections, registered in place_model.cc: each reports a missing
// section itself.
void ReadUrn(SectionContext& ctx);        // urn_reader.cc
void ReadPredpol(SectionContext& ctx);    // predpol_reader.cc
void ReadReporting(SectionContext& ctx);  // reporting_reader.cc

}  // namespace oversight
