// What the subcommands share: reading a scenario with the command line's overrides,
// printing an error, the worker-thread count, and running a place model.
// Thread-safety: call from the main thread.
#pragma once

#include <absl/status/status.h>
#include <absl/status/statusor.h>

#include <cstdint>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "scenario/scenario.h"
#include "sim/place_model_runner.h"

namespace oversight {

// The whole text of a file, or NotFound naming it as a scenario file.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// The scenario at `path` (the built-in default city when empty), validated.
absl::StatusOr<Scenario> LoadScenario(const std::string& path);

// As LoadScenario, then applies the command-line overrides that are set.
absl::StatusOr<Scenario> LoadWithOverrides(const std::string& path, std::optional<uint64_t> seed,
                                           std::optional<int32_t> days,
                                           std::optional<uint32_t> persons);

// "oversight: <message>" on stderr (one trailing newline of the message dropped).
void PrintError(const absl::Status& status);

// `threads`, or all cores when it is 0.
int WorkerThreads(int threads);

// The runner of the scenario's place model; when none is registered, says so on stderr,
// naming the models that run, and returns nullptr. REQUIRES: a place model, not a city.
const PlaceModelRunner* RunnerOrComplain(const Scenario& scenario);

// `oversight run` on a place model (place_model_command.cc): no persons, no replicates;
// the runner runs in a task arena of the requested size and writes its outputs, then its
// summary is printed. Returns the exit code.
int RunPlaceModelCommand(const RunArgs& args, const Scenario& scenario,
                         const PlaceModelRunner& runner);

}  // namespace oversight
