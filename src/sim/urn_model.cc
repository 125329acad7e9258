// Model "urn" as `oversight run` runs it: Ensign et al.'s Pólya urn
// (hotspot/urn_experiment.h), its outputs (report/urn_report.h) and its memory.
#include <fmt/format.h>

#include <algorithm>

#include "core/version.h"
#include "hotspot/urn_experiment.h"
#include "report/human_numbers.h"
#include "report/urn_report.h"
#include "sim/place_model_runner.h"

namespace oversight {

namespace {

std::string Announce(const Scenario& s) {
  return fmt::format("running urn '{}' ({} runs of {} days, seed {})", s.name,
                     WithThousands(static_cast<uint64_t>(s.urn.runs)),
                     WithThousands(static_cast<uint64_t>(s.days)), s.seed);
}

std::string Describe(const Scenario& s) {
  return fmt::format("an urn, {} runs of {} days", WithThousands(static_cast<uint64_t>(s.urn.runs)),
                     WithThousands(static_cast<uint64_t>(s.days)));
}

absl::StatusOr<std::string> Run(const Scenario& s, OutputSink* sink) {
  const UrnExperiment e = RunUrnExperiment(s);
  if (absl::Status written = WriteUrnReport(s, e, kVersion, sink); !written.ok()) return written;
  return UrnSummary(s, e);
}

// Each run keeps its share per day; the summary keeps three series per arm.
MemoryEstimate Memory(const Scenario& s, int /*threads*/) {
  const double runs = s.urn.runs;
  MemoryEstimate e;
  e.bytes = static_cast<uint64_t>(runs * s.days * 8.0 * 2 + s.days * 8.0 * 6);
  e.what = fmt::format("an urn of {} runs x {} days", WithThousands(static_cast<uint64_t>(runs)),
                       s.days);
  e.to_lower = "lower [urn] runs or [scenario] days";
  return e;
}

}  // namespace

const PlaceModelRunner kUrnRunner = {
    .model = ScenarioModel::kUrn,
    .files = "report.json, urn_days.csv, urn_runs.csv, summary.txt",
    .announce = Announce,
    .describe = Describe,
    .run = Run,
    .memory = Memory,
};

}  // namespace oversight
