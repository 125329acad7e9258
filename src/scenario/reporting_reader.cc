// [reporting]: the options of model "reporting" (crime reported at district rates;
// hotspot/reporting_experiment.h), with the tables it names.
#include <fmt/format.h>

#include "scenario/reporting_tables_reader.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadReporting(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("reporting");
  if (table == nullptr) {
    if (!ctx.root.Has("reporting")) {
      ctx.diagnostics->Error(ctx.root.Position(),
                             "model \"reporting\" needs a section [reporting] with districts "
                             "and cells");
    }
    return;
  }
  TableReader r(*table, "[reporting]", ctx.diagnostics);
  ReportingScenarioOptions& o = ctx.scenario.reporting;
  bool districts_read = false;
  if (r.Require("districts",
                "a CSV file of districts with their victimization and "
                "reporting rates, relative to this file")) {
    std::string path;
    r.String("districts", &path);
    o.districts_path = ResolvePath(ctx, path).string();
    absl::Status s = ReadReportingDistricts(o.districts_path, &o);
    districts_read = s.ok();
    if (!s.ok()) {
      r.Error("districts", fmt::format("cannot use 'districts': {}", std::string(s.message())));
    }
  }
  if (r.Require("cells",
                "a CSV file of grid cells and their districts, relative to this "
                "file")) {
    std::string path;
    r.String("cells", &path);
    o.cells_path = ResolvePath(ctx, path).string();
    if (districts_read) {
      if (absl::Status s = ReadReportingCells(o.cells_path, &o); !s.ok()) {
        r.Error("cells", fmt::format("cannot use 'cells': {}", std::string(s.message())));
      }
    }
  }
  r.Double("population_scale", 1e-3, 1e9, &o.population_scale);
  r.Double("theta", 0.0, 0.95, &o.theta);
  r.Double("omega", 1e-3, 100.0, &o.omega);
  r.Int32("burn_in_days", 0, 36'500, &o.burn_in_days);
  r.Int32("train_days", 1, 3'650, &o.train_days);
  r.Int32("refit_days", 1, 3'650, &o.refit_days);
  r.Int32("top", 1, 1'000'000, &o.top);
  r.Int32("runs", 1, 10'000, &o.runs);
  r.Double("background_rate", 0.0, 1e6, &o.background_rate);
  r.Double("bump_sd", 1e-3, 1e3, &o.bump_sd);
  r.Double("aftershock_sd", 1e-3, 1e3, &o.aftershock_sd);
  r.Double("model_background_sd", 1e-3, 1e3, &o.model_background_sd);
  r.Int32("em_iterations", 1, 100'000, &o.em_iterations);
  r.Int32("ma_max_days", 1, 3'650, &o.ma_max_days);
  if (!o.cells.empty() && static_cast<size_t>(o.top) > o.cells.size()) {
    r.Error("top", fmt::format("'top' ({}) is more than the {} cells", o.top, o.cells.size()));
  }
  r.Finish();
}

}  // namespace oversight
