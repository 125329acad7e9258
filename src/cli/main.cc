// oversight: audit a surveillance apparatus on a synthetic city.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "core/limits.h"
#include "core/version.h"

namespace {

// The flags that override a scenario and size the run, shared by the subcommands, with
// the limits the loader enforces (core/limits.h).
struct CommonFlags {
  std::optional<uint64_t>* seed;
  std::optional<int32_t>* days;  // nullptr: the subcommand gives --days a meaning of its own
  std::optional<uint32_t>* persons;
  int* threads;
  const char* threads_help = "Worker threads (0 = all cores)";
};

// Adds --seed, --days, --persons and --threads (-j) to `app`, in that order.
void AddCommonFlags(CLI::App* app, const CommonFlags& flags) {
  app->add_option("--seed", *flags.seed, "Override the scenario's seed");
  if (flags.days != nullptr) {
    app->add_option("--days", *flags.days, "Override the number of days")
        ->check(CLI::Range(int64_t{1}, oversight::kMaxDays));
  }
  app->add_option("--persons", *flags.persons, "Override the number of persons")
      ->check(CLI::Range(int64_t{1}, oversight::kMaxPersons));
  app->add_option("--threads,-j", *flags.threads, flags.threads_help)->check(CLI::Range(0, 1024));
}

// `oversight run`: its flags into *args.
CLI::App* AddRunCommand(CLI::App* app, oversight::RunArgs* args) {
  CLI::App* run = app->add_subcommand("run", "Run a scenario and write the audit");
  run->add_option("scenario", args->scenario_path,
                  "Scenario file (TOML); omit for the built-in default city");
  run->add_option("--out,-o", args->out, "Output folder (replaced if it holds an earlier run)")
      ->capture_default_str();
  AddCommonFlags(
      run, {.seed = &args->seed,
            .days = &args->days,
            .persons = &args->persons,
            .threads = &args->threads,
            .threads_help = "Worker threads (0 = all cores); outputs are identical for any value"});
  run->get_option("--threads")->capture_default_str();
  run->add_flag("--quiet,-q", args->quiet, "No progress on stderr");
  run->add_flag("--profile", args->profile,
                "Print time per phase (the policy phase also per rule, with each rule's state) and "
                "person-days/s on stderr");
  run->add_option("--replicates,-r", args->replicates,
                  "Run this many seeds (seed, seed + 1, ...); every metric gets a mean and 95% "
                  "interval (replicates.csv); the tables describe the first")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  run->add_option("--max-memory", args->max_memory,
                  "Refuse a run whose estimated memory exceeds this (e.g. 4G, 512M); default 80% "
                  "of the machine's memory");
  run->add_option("--checkpoint-every", args->checkpoint_every,
                  "Save the run's state every this many days (to <out>.checkpoint, removed when "
                  "the run finishes), so a run that is stopped can go on with --resume")
      ->check(CLI::Range(int64_t{1}, oversight::kMaxDays));
  run->add_flag("--resume", args->resume,
                "Go on from <out>.checkpoint, left by the same command with --checkpoint-every; "
                "the outputs are the same bytes as an uninterrupted run's");
  run->add_option("--export-trace", args->export_trace,
                  "Also write the evidence the rules read (synthetic sightings, records, lists) "
                  "and the alerts as CSV to this folder, for other engines (bench/sql-baseline/)");
  run->add_flag(
      "--no-twin", args->no_twin,
      "Skip the twin run with the policy off (no lawful_acts_lost, harmful_acts_prevented)");
  run->footer(
      "Examples:\n"
      "  oversight run\n"
      "  oversight run scenarios/default.toml --seed 7 --out runs/seed7\n"
      "  oversight run --persons 2000000 --checkpoint-every 5    # then, if stopped: ... --resume");

  return run;
}

// `oversight world-stats`: its flags into *args.
CLI::App* AddWorldStatsCommand(CLI::App* app, oversight::WorldStatsArgs* args) {
  CLI::App* stats = app->add_subcommand(
      "world-stats", "Print the realised population and daily life of a scenario's city");
  stats->add_option("scenario", args->scenario_path,
                    "Scenario file (TOML); omit for the built-in default city");
  stats->add_option("--days", args->days, "Days of daily life to count events over")
      ->check(CLI::Range(int64_t{0}, oversight::kMaxDays))
      ->capture_default_str();
  AddCommonFlags(
      stats,
      {.seed = &args->seed, .days = nullptr, .persons = &args->persons, .threads = &args->threads});

  return stats;
}

// `oversight explain`: its flags into *args.
CLI::App* AddExplainCommand(CLI::App* app, oversight::ExplainArgs* args) {
  CLI::App* explain = app->add_subcommand(
      "explain", "Trace what the apparatus saw, concluded and did about one synthetic person");
  explain->add_option("scenario", args->scenario_path,
                      "Scenario file (TOML); omit for the built-in default city");
  explain->add_option("--person,-p", args->person, "The person's id (0 to persons - 1)")
      ->required();
  AddCommonFlags(explain, {.seed = &args->seed,
                           .days = &args->days,
                           .persons = &args->persons,
                           .threads = &args->threads});
  explain->footer("Example:\n  oversight explain --person 4242 | less");

  return explain;
}

}  // namespace

int main(int argc, char** argv) {
  using oversight::kExitBadInput;
  CLI::App app{
      "Oversight: install a surveillance and predictive-policing apparatus on a synthetic city\n"
      "whose every resident's true life is known, run it, and audit what it does to whom.\n"
      "Every person is synthetic; no real person's data is read, and no alert is sent anywhere.",
      "oversight"};
  app.set_version_flag("--version", std::string("oversight ") + oversight::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  oversight run                                   # the built-in default city\n"
      "  oversight run scenarios/zhouning-cameras.toml --out out/   # a scenario file\n"
      "  oversight run --persons 1000000 --days 7 --threads 2\n"
      "  oversight validate scenarios/*.toml             # check files, report every problem\n"
      "  oversight world-stats                           # the default city's population tables\n"
      "  oversight explain --person 4242                 # one person's trace through the run\n"
      "\nDocs: README.md, docs/SCENARIOS.md (every key), docs/METRICS.md, docs/OUTPUTS.md");

  oversight::RunArgs run_args;
  CLI::App* run = AddRunCommand(&app, &run_args);

  std::vector<std::string> validate_paths;
  CLI::App* validate =
      app.add_subcommand("validate", "Check scenario files and report every problem");
  validate->add_option("files", validate_paths, "Scenario files (TOML)")->required();

  oversight::WorldStatsArgs stats_args;
  CLI::App* stats = AddWorldStatsCommand(&app, &stats_args);

  oversight::ExplainArgs explain_args;
  CLI::App* explain = AddExplainCommand(&app, &explain_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitBadInput;
  }
  if (*run) return oversight::RunCommand(run_args);
  if (*stats) return oversight::WorldStatsCommand(stats_args);
  if (*explain) return oversight::ExplainCommand(explain_args);
  return oversight::ValidateCommand(validate_paths);
}
