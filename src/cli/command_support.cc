#include "cli/command_support.h"

#include <fmt/format.h>
#include <tbb/task_arena.h>

#include <fstream>
#include <sstream>

#include "scenario/loader.h"

namespace oversight {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(fmt::format("cannot read scenario file '{}'", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

absl::StatusOr<Scenario> LoadScenario(const std::string& path) {
  if (path.empty()) return LoadScenarioText(DefaultScenarioText(), kBuiltInSource);
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadScenarioText(*text, path);
}

absl::StatusOr<Scenario> LoadWithOverrides(const std::string& path, std::optional<uint64_t> seed,
                                           std::optional<int32_t> days,
                                           std::optional<uint32_t> persons) {
  absl::StatusOr<Scenario> scenario = LoadScenario(path);
  if (!scenario.ok()) return scenario;
  if (seed) scenario->seed = *seed;
  if (days) scenario->days = *days;
  if (persons) scenario->world.persons = *persons;
  return scenario;
}

void PrintError(const absl::Status& status) {
  std::string message(status.message());
  if (!message.empty() && message.back() == '\n') message.pop_back();
  fmt::print(stderr, "oversight: {}\n", message);
}

int WorkerThreads(int threads) {
  return threads > 0 ? threads : tbb::this_task_arena::max_concurrency();
}

const PlaceModelRunner* RunnerOrComplain(const Scenario& scenario) {
  const PlaceModelRunner* runner = FindPlaceModelRunner(scenario.model);
  if (runner == nullptr) {
    fmt::print(stderr,
               "oversight: model \"{}\" has no runner (sim/place_model_runner.cc); the models "
               "that run are 'city', {}\n",
               ModelName(scenario.model), RunnableModelNames());
  }
  return runner;
}

}  // namespace oversight
