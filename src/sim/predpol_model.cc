// Model "predpol" as `oversight run` runs it: a PredPol forecast refitted day by day
// (hotspot/predpol_experiment.h), its outputs (report/predpol_report.h) and its memory.
#include <fmt/format.h>

#include <algorithm>

#include "core/version.h"
#include "hotspot/predpol_experiment.h"
#include "report/human_numbers.h"
#include "report/predpol_report.h"
#include "sim/place_model_runner.h"

namespace oversight {

namespace {

std::string Announce(const Scenario& s) {
  const PredpolScenarioOptions& p = s.predpol;
  return fmt::format(
      "forecasting '{}' ({} days from {}, {} bins, {} records; {} runs with feedback, seed {})",
      s.name, WithThousands(static_cast<uint64_t>(s.days)), FormatCivilDay(p.first_day),
      WithThousands(static_cast<uint64_t>(p.bins)), WithThousands(p.records.size()),
      p.with_feedback ? p.runs : 0, s.seed);
}

std::string Describe(const Scenario& s) {
  return fmt::format("a PredPol forecast, {} records in {} bins, {} days",
                     WithThousands(s.predpol.records.size()),
                     WithThousands(static_cast<uint64_t>(s.predpol.bins)),
                     WithThousands(static_cast<uint64_t>(s.days)));
}

absl::StatusOr<std::string> Run(const Scenario& s, OutputSink* sink) {
  const PredpolExperiment e = RunPredpolExperiment(s);
  if (absl::Status written = WritePredpolReport(s, e, kVersion, sink); !written.ok()) {
    return written;
  }
  return PredpolSummary(s, e);
}

// The records, the daily counts per bin of each run in flight, and part of that per run
// for the summary.
MemoryEstimate Memory(const Scenario& s, int threads) {
  const PredpolScenarioOptions& p = s.predpol;
  const double in_flight = std::max(1, threads);
  const double span = p.window_days + s.days;
  const double per_run = span * p.bins * 4.0 + s.days * (p.top * 4.0 + 32) + p.bins * 32.0;
  MemoryEstimate e;
  e.bytes =
      static_cast<uint64_t>(static_cast<double>(p.records.size()) * 8.0 +
                            per_run * std::min<double>(in_flight, p.runs) + per_run * p.runs / 4);
  e.what = fmt::format("a forecast over {} bins x {} days, {} runs with feedback",
                       WithThousands(static_cast<uint64_t>(p.bins)), s.days, p.runs);
  e.to_lower = "lower [scenario] days, [predpol] window_days or runs";
  return e;
}

}  // namespace

const PlaceModelRunner kPredpolRunner = {
    .model = ScenarioModel::kPredpol,
    .files = "report.json, predpol_bins.csv, predpol_days.csv, predpol_targets.csv, summary.txt",
    .announce = Announce,
    .describe = Describe,
    .run = Run,
    .memory = Memory,
};

}  // namespace oversight
