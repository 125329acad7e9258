// Model "reporting" as `oversight run` runs it: crime simulated over grid cells, reported
// at district rates and forecast (hotspot/reporting_experiment.h), its outputs
// (report/reporting_report.h) and its memory.
#include <fmt/format.h>

#include <algorithm>

#include "core/version.h"
#include "hotspot/reporting_experiment.h"
#include "report/human_numbers.h"
#include "report/reporting_report.h"
#include "sim/place_model_runner.h"

namespace oversight {

namespace {

std::string Announce(const Scenario& s) {
  const ReportingScenarioOptions& o = s.reporting;
  return fmt::format(
      "simulating '{}' ({} cells in {} districts, {} runs of {} forecast days, seed {})", s.name,
      WithThousands(o.cells.size()), o.districts.size(), o.runs,
      WithThousands(static_cast<uint64_t>(s.days)), s.seed);
}

std::string Describe(const Scenario& s) {
  return fmt::format("crime reported at district rates, {} cells in {} districts",
                     WithThousands(s.reporting.cells.size()), s.reporting.districts.size());
}

absl::StatusOr<std::string> Run(const Scenario& s, OutputSink* sink) {
  const ReportingExperiment e = RunReportingExperiment(s);
  if (absl::Status written = WriteReportingReport(s, e, kVersion, sink); !written.ok()) {
    return written;
  }
  return ReportingSummary(s, e);
}

// Each run in flight keeps its cells' daily counts and true intensity over the simulated
// span and each simulated event (day and cell) until its aftershocks are drawn; every run
// keeps a few numbers per cell for the summary.
MemoryEstimate Memory(const Scenario& s, int threads) {
  const ReportingScenarioOptions& o = s.reporting;
  const double in_flight = std::max(1, threads);
  const auto cells = static_cast<double>(o.cells.size());
  const double span = o.burn_in_days + o.train_days + s.days;
  // A branching process: each background event has 1 / (1 - theta) events in all.
  const double events = span * o.background_rate / (1.0 - std::min(o.theta, 0.99));
  const double per_run =
      span * cells * 16.0 + events * 8.0 + span * 4.0 + cells * (o.train_days * 8.0 + 64);
  MemoryEstimate e;
  e.bytes =
      static_cast<uint64_t>(per_run * std::min<double>(in_flight, o.runs) + o.runs * cells * 24.0);
  e.what = fmt::format("{} cells x {} simulated days, {} runs", WithThousands(o.cells.size()),
                       static_cast<int64_t>(span), o.runs);
  e.to_lower = "lower [reporting] burn_in_days or train_days, [scenario] days, or --threads";
  return e;
}

}  // namespace

const PlaceModelRunner kReportingRunner = {
    .model = ScenarioModel::kReporting,
    .files =
        "report.json, reporting_districts.csv, reporting_arms.csv, reporting_ranks.csv, "
        "reporting_cells.csv, summary.txt",
    .announce = Announce,
    .describe = Describe,
    .run = Run,
    .memory = Memory,
};

}  // namespace oversight
