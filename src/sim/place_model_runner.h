// The run side of a place model: how `oversight run` runs it, what it writes, what
// `oversight validate` says of it and how much memory it needs.
//
// The scenario side (its name and the reader of its section) is scenario/place_model.h;
// this side sits in sim because it reaches the experiment (hotspot), its report (report)
// and the memory guard. Each model defines its runner in a file of its own
// (sim/<model>_model.cc) and registers it with one line in place_model_runner.cc, keyed
// by the same ScenarioModel as its PlaceModelSpec. src/README.md, "How to add a place
// model", lists the files. Thread-safety: the registry is immutable; `run` runs the
// experiment's runs in parallel in the caller's TBB task arena.
#pragma once

#include <absl/status/statusor.h>

#include <span>
#include <string>
#include <string_view>

#include "report/output_sink.h"
#include "scenario/scenario.h"
#include "sim/memory_estimate.h"

namespace oversight {

struct PlaceModelRunner {
  ScenarioModel model;
  // The outputs besides report.html, for the closing line of `oversight run`, e.g.
  // "report.json, urn_days.csv, summary.txt".
  std::string_view files;
  // Said before the run (unless --quiet), e.g. "running urn 'x' (1,000 runs of 365 days,
  // seed 1)".
  std::string (*announce)(const Scenario& scenario);
  // What `oversight validate` says the file holds, e.g. "an urn, 1,000 runs of 365 days".
  std::string (*describe)(const Scenario& scenario);
  // Runs the experiment and writes its outputs to `sink` (which the caller commits);
  // returns the text summary printed after the run.
  absl::StatusOr<std::string> (*run)(const Scenario& scenario, OutputSink* sink);
  // The memory the run needs besides the program's fixed part, with `threads` runs in
  // flight at once (bytes, what it is for, what lowers it).
  MemoryEstimate (*memory)(const Scenario& scenario, int threads);
};

// The runners, one per file.
extern const PlaceModelRunner kUrnRunner;        // urn_model.cc
extern const PlaceModelRunner kPredpolRunner;    // predpol_model.cc
extern const PlaceModelRunner kReportingRunner;  // reporting_model.cc
extern const PlaceModelRunner kAttentionRunner;  // attention_model.cc

// Every registered runner.
std::span<const PlaceModelRunner* const> PlaceModelRunners();

// The runner of `model`, or nullptr (the city, or a model registered on the scenario side
// only).
const PlaceModelRunner* FindPlaceModelRunner(ScenarioModel model);

// "'urn', 'predpol', 'reporting'": the models `oversight run` can run besides the city.
std::string RunnableModelNames();

}  // namespace oversight
