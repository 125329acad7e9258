// [police] (officer time, responses and their costs) and place-based [patrols].
#include <fmt/format.h>

#include "core/sim_time.h"
#include "core/vocabulary.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadPolice(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("police");
  if (table == nullptr) return;
  TableReader r(*table, "[police]", ctx.diagnostics);
  RespondOptions& respond = ctx.scenario.respond;
  if (r.Has("visits_per_day")) {
    r.Touch("visits_per_day");
    r.Error("visits_per_day",
            "'visits_per_day' was replaced by 'capacity_per_day' (officer time "
            "per day; a home visit costs [police.cost] visit, 1 by default)");
  }
  r.Double("capacity_per_day", 0.0, 1e9, &respond.capacity_per_day);
  r.Int32("response_minutes", 0, kMinutesPerDay, &respond.response_minutes);
  r.Int32("intercept_minutes", 0, kMinutesPerDay, &respond.intercept_minutes);
  r.Int32("max_wait_days", 0, 365, &respond.max_wait_days);
  r.Int32("duty_start_hour", 0, 23, &respond.duty_start_hour);
  r.Int32("detention_days", 1, 3650, &respond.detention_days);
  r.Int32("permit_days", 1, 3650, &respond.permit_days);
  r.Probability("answer_share", &respond.answer_share);
  r.Bool("camera_after_visit", &respond.camera_after_visit);
  ReadListName(ctx, r, "list_after_visit", &respond.list_after_visit);
  if (const toml::table* costs = r.Table("cost")) {
    TableReader c(*costs, "[police.cost]", ctx.diagnostics);
    for (size_t k = 0; k < kResponseCount; ++k) {
      c.Double(kResponseNames[k], 0.0, 1e6, &respond.cost[k]);
    }
    c.Finish();
  }
  r.Finish();
}

void ReadPatrols(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("patrols");
  if (table == nullptr) return;
  TableReader r(*table, "[patrols]", ctx.diagnostics);
  PatrolOptions& patrols = ctx.scenario.respond.patrols;
  r.Int32("units", 0, 100'000, &patrols.units);
  r.Int32("window_days", 1, 365, &patrols.window_days);
  size_t allocate = static_cast<size_t>(patrols.allocate);
  r.Choice("allocate", {"alerts", "hotspots", "even"}, "patrol allocation", &allocate);
  patrols.allocate = static_cast<PatrolOptions::Allocation>(allocate);
  r.Int32("hotspots", 1, 10'000, &patrols.hotspots);
  if (r.Has("hotspots") && patrols.allocate != PatrolOptions::Allocation::kHotspots) {
    r.Error("hotspots", "'hotspots' applies only to allocate = \"hotspots\"");
  }
  r.Probability("sighting_rate", &patrols.sighting_rate);
  r.Int32("from_hour", 0, 23, &patrols.from_hour);
  r.Int32("to_hour", 1, 24, &patrols.to_hour);
  if (patrols.to_hour <= patrols.from_hour) {
    r.Error(r.Has("to_hour") ? "to_hour" : "from_hour",
            fmt::format("patrols must end after they start: from_hour {} to to_hour {}",
                        patrols.from_hour, patrols.to_hour));
  }
  r.Finish();
}

}  // namespace oversight
