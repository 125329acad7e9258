// Design: the CLI is the only place that maps a Status to an exit code and the only place
// that touches the terminal. Scenario files are read here and handed to the loader as
// text. `run` is in run_command.cc (a city) and place_model_command.cc (a place model);
// the other subcommands are here.
#include "cli/commands.h"

#include <fmt/format.h>
#include <tbb/task_arena.h>

#include "cli/command_support.h"
#include "cli/person_trace.h"
#include "report/human_numbers.h"
#include "report/world_stats_text.h"
#include "sim/simulation.h"

namespace oversight {

int ExplainCommand(const ExplainArgs& args) {
  absl::StatusOr<Scenario> loaded =
      LoadWithOverrides(args.scenario_path, args.seed, args.days, args.persons);
  if (!loaded.ok()) {
    PrintError(loaded.status());
    return kExitBadInput;
  }
  Scenario scenario = *std::move(loaded);
  if (scenario.model != ScenarioModel::kCity) {
    fmt::print(stderr, "oversight: explain follows a person of a city; '{}' has no persons\n",
               scenario.name);
    return kExitBadInput;
  }
  scenario.audit.twin = false;  // the trace needs no counterfactual
  if (args.person < 0 || args.person >= static_cast<int64_t>(scenario.world.persons)) {
    fmt::print(stderr, "oversight: --person {} is not a person of '{}': expected 0 to {}\n",
               args.person, scenario.name, scenario.world.persons - 1);
    return kExitBadInput;
  }
  tbb::task_arena arena(WorkerThreads(args.threads));
  std::string text;
  arena.execute([&] {
    Simulation simulation(scenario);
    PersonTrace trace(scenario, simulation.world(), PersonId(static_cast<uint32_t>(args.person)));
    trace.Start(simulation.rules().watchlists());
    simulation.SetObserver([&trace](const DayView& day) { trace.Record(day); });
    for (Day day = 0; day < scenario.days; ++day) simulation.Step(day);
    text = trace.Text();
  });
  fmt::print("{}", text);
  return kExitOk;
}

namespace {

// Validates one file: "<path>: ok (...)" on stdout, or its problems on stderr.
bool ValidateOne(const std::string& path) {
  absl::StatusOr<Scenario> scenario = LoadScenario(path);
  if (!scenario.ok()) {
    fmt::print(stderr, "{}", std::string(scenario.status().message()));
    if (scenario.status().code() == absl::StatusCode::kNotFound) fmt::print(stderr, "\n");
    return false;
  }
  if (scenario->model != ScenarioModel::kCity) {
    const PlaceModelRunner* runner = RunnerOrComplain(*scenario);
    if (runner == nullptr) return false;
    fmt::print("{}: ok ('{}': {})\n", path, scenario->name, runner->describe(*scenario));
    return true;
  }
  size_t scores = 0;
  for (const RuleOptions& rule : scenario->policy.rules) scores += rule.IsScore() ? 1u : 0u;
  fmt::print("{}: ok ('{}': {} persons, {} days, {} lists, {} rules, {} scores)\n", path,
             scenario->name, WithThousands(scenario->world.persons), scenario->days,
             scenario->policy.lists.size(), scenario->policy.rules.size() - scores, scores);
  return true;
}

}  // namespace

int ValidateCommand(const std::vector<std::string>& paths) {
  int exit_code = kExitOk;
  for (const std::string& path : paths) {
    if (!ValidateOne(path)) exit_code = kExitBadInput;
  }
  return exit_code;
}

int WorldStatsCommand(const WorldStatsArgs& args) {
  absl::StatusOr<Scenario> loaded =
      LoadWithOverrides(args.scenario_path, args.seed, std::nullopt, args.persons);
  if (!loaded.ok()) {
    PrintError(loaded.status());
    return kExitBadInput;
  }
  const Scenario scenario = *std::move(loaded);
  if (scenario.model != ScenarioModel::kCity) {
    fmt::print(stderr, "oversight: world-stats describes a city; '{}' has no persons\n",
               scenario.name);
    return kExitBadInput;
  }
  tbb::task_arena arena(WorkerThreads(args.threads));
  std::string text;
  arena.execute([&] {
    World world(scenario.world, scenario.seed);
    text = WorldStatsText(scenario, ComputeWorldStats(&world, args.days));
  });
  fmt::print("{}", text);
  return kExitOk;
}

}  // namespace oversight
