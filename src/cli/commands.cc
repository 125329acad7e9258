// Design: the CLI is the only place that maps a Status to an exit code and the only place
// that touches the terminal. Scenario files are read here and handed to the loader as
// text. SIGINT/SIGTERM set a flag the day loop polls; the output folder then never
// appears (DirectoryOutput removes its temporary folder).
#include "cli/commands.h"

#include <fmt/format.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "cli/person_trace.h"
#include "cli/progress_bar.h"
#include "core/version.h"
#include "hotspot/predpol_experiment.h"
#include "hotspot/reporting_experiment.h"
#include "hotspot/urn_experiment.h"
#include "report/directory_output.h"
#include "report/predpol_report.h"
#include "report/report_writer.h"
#include "report/reporting_report.h"
#include "report/summary.h"
#include "report/urn_report.h"
#include "report/world_stats_text.h"
#include "scenario/loader.h"
#include "sim/checkpoint.h"
#include "sim/memory_estimate.h"
#include "sim/simulation.h"
#include "sim/trace_export.h"

namespace oversight {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnSignal(int) { g_interrupted.store(true); }

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

// Loads the scenario (or the built-in default) and applies the command-line overrides.
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

// "day 12" or "day 12 of replicate 3" (1-based, as the progress bar counts).
std::string DayOfReplicate(const CheckpointHeader& header, int replicates) {
  std::string text = fmt::format("day {}", header.day + 1);
  if (replicates > 1) text += fmt::format(" of replicate {}", header.replicate + 1);
  return text;
}

void PrintError(const absl::Status& status) {
  std::string message(status.message());
  if (!message.empty() && message.back() == '\n') message.pop_back();
  fmt::print(stderr, "oversight: {}\n", message);
}

// The resource guard: whether the run's estimated memory fits under --max-memory (default
// 80% of the machine's); if not, says what it needs, the limit, and what to lower.
bool FitsInMemory(const Scenario& scenario, const RunArgs& args) {
  uint64_t limit = DefaultMemoryLimit();
  std::string source = "80% of this machine's memory";
  if (!args.max_memory.empty()) {
    limit = ParseByteSize(args.max_memory);
    source = "--max-memory";
    if (limit == 0) {
      fmt::print(stderr,
                 "oversight: --max-memory '{}' is not a size: expected a number with a unit, "
                 "e.g. 4G, 512M or 1.5GiB\n",
                 args.max_memory);
      return false;
    }
  }
  const int threads = args.threads > 0 ? args.threads : tbb::this_task_arena::max_concurrency();
  const MemoryEstimate need = EstimateRunMemory(scenario, threads);
  if (limit == 0 || need.bytes <= limit) return true;
  fmt::print(stderr,
             "oversight: '{}' would need about {} of memory ({}), more than {} ({}).\n"
             "  To run it, {}, or raise --max-memory.\n",
             scenario.name, FormatBytes(need.bytes), need.what, FormatBytes(limit), source,
             need.to_lower);
  return false;
}

// A model of places (an urn, a PredPol forecast) as `oversight run` runs it: no persons,
// no replicates; the experiment runs in a task arena of the requested size and writes its
// outputs, then its summary is printed.
struct PlaceModelRun {
  std::string_view model;  // as in the scenario file, e.g. "urn"
  std::string announce;    // said before running (without --quiet)
  std::string_view files;  // the outputs besides report.html, for the closing line
  // Runs the experiment and writes its outputs to the sink; returns the summary.
  std::function<absl::StatusOr<std::string>(OutputSink*)> run;
};

int RunPlaceModel(const RunArgs& args, const PlaceModelRun& m) {
  if (args.replicates > 1 || args.persons) {
    fmt::print(stderr, "oversight: {} does not apply to model \"{}\" (set [{}] runs)\n",
               args.replicates > 1 ? "--replicates" : "--persons", m.model, m.model);
    return kExitBadInput;
  }
  if (!args.export_trace.empty()) {
    fmt::print(stderr, "oversight: --export-trace applies to a city; model \"{}\" has no persons\n",
               m.model);
    return kExitBadInput;
  }
  if (args.checkpoint_every > 0 || args.resume) {
    fmt::print(stderr,
               "oversight: {} applies to a city; model \"{}\" keeps no state between runs "
               "worth saving (it runs whole in seconds)\n",
               args.resume ? "--resume" : "--checkpoint-every", m.model);
    return kExitBadInput;
  }
  absl::StatusOr<std::unique_ptr<DirectoryOutput>> output = DirectoryOutput::Create(args.out);
  if (!output.ok()) {
    PrintError(output.status());
    return kExitFailure;
  }
  if (!args.quiet) fmt::print(stderr, "oversight: {}\n", m.announce);
  const int threads = args.threads > 0 ? args.threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
  absl::StatusOr<std::string> summary;
  arena.execute([&] { summary = m.run(output->get()); });
  absl::Status written = summary.status();
  if (written.ok()) written = (*output)->Commit();
  if (!written.ok()) {
    PrintError(written);
    return kExitFailure;
  }
  fmt::print("{}", *summary);
  fmt::print("\n  Output: {0}/ ({1})\n  Read the report: {0}/report.html\n",
             (*output)->final_path().string(), m.files);
  return kExitOk;
}

// `oversight run` on an urn scenario: the runs of each arm, then the outputs.
int RunUrnCommand(const RunArgs& args, const Scenario& scenario) {
  return RunPlaceModel(
      args,
      {.model = "urn",
       .announce = fmt::format("running urn '{}' ({} runs of {} days, seed {})", scenario.name,
                               WithThousands(static_cast<uint64_t>(scenario.urn.runs)),
                               WithThousands(static_cast<uint64_t>(scenario.days)), scenario.seed),
       .files = "report.json, urn_days.csv, summary.txt",
       .run = [&](OutputSink* sink) -> absl::StatusOr<std::string> {
         const UrnExperiment e = RunUrnExperiment(scenario);
         if (absl::Status s = WriteUrnReport(scenario, e, kVersion, sink); !s.ok()) return s;
         return UrnSummary(scenario, e);
       }});
}

// `oversight run` on a PredPol scenario: the forecast day by day in each arm, then the
// outputs.
int RunPredpolCommand(const RunArgs& args, const Scenario& scenario) {
  const PredpolScenarioOptions& p = scenario.predpol;
  return RunPlaceModel(
      args, {.model = "predpol",
             .announce = fmt::format(
                 "forecasting '{}' ({} days from {}, {} bins, {} records; {} runs with feedback, "
                 "seed {})",
                 scenario.name, WithThousands(static_cast<uint64_t>(scenario.days)),
                 FormatCivilDay(p.first_day), WithThousands(static_cast<uint64_t>(p.bins)),
                 WithThousands(p.records.size()), p.with_feedback ? p.runs : 0, scenario.seed),
             .files = "report.json, predpol_bins.csv, predpol_days.csv, predpol_targets.csv, "
                      "summary.txt",
             .run = [&](OutputSink* sink) -> absl::StatusOr<std::string> {
               const PredpolExperiment e = RunPredpolExperiment(scenario);
               if (absl::Status s = WritePredpolReport(scenario, e, kVersion, sink); !s.ok())
                 return s;
               return PredpolSummary(scenario, e);
             }});
}

// `oversight run` on a victim-reporting scenario: the runs, each simulated and forecast
// twice, then the outputs.
int RunReportingCommand(const RunArgs& args, const Scenario& scenario) {
  const ReportingScenarioOptions& o = scenario.reporting;
  return RunPlaceModel(
      args, {.model = "reporting",
             .announce = fmt::format(
                 "simulating '{}' ({} cells in {} districts, {} runs of {} forecast days, seed "
                 "{})",
                 scenario.name, WithThousands(o.cells.size()), o.districts.size(), o.runs,
                 WithThousands(static_cast<uint64_t>(scenario.days)), scenario.seed),
             .files = "report.json, reporting_districts.csv, reporting_cells.csv, summary.txt",
             .run = [&](OutputSink* sink) -> absl::StatusOr<std::string> {
               const ReportingExperiment e = RunReportingExperiment(scenario);
               if (absl::Status s = WriteReportingReport(scenario, e, kVersion, sink); !s.ok()) {
                 return s;
               }
               return ReportingSummary(scenario, e);
             }});
}

}  // namespace

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
  const int threads = args.threads > 0 ? args.threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
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

int ValidateCommand(const std::vector<std::string>& paths) {
  int exit_code = kExitOk;
  for (const std::string& path : paths) {
    absl::StatusOr<Scenario> scenario = LoadScenario(path);
    if (!scenario.ok()) {
      fmt::print(stderr, "{}", std::string(scenario.status().message()));
      if (scenario.status().code() == absl::StatusCode::kNotFound) fmt::print(stderr, "\n");
      exit_code = kExitBadInput;
      continue;
    }
    if (scenario->model == ScenarioModel::kUrn) {
      fmt::print("{}: ok ('{}': an urn, {} runs of {} days)\n", path, scenario->name,
                 WithThousands(static_cast<uint64_t>(scenario->urn.runs)),
                 WithThousands(static_cast<uint64_t>(scenario->days)));
      continue;
    }
    if (scenario->model == ScenarioModel::kReporting) {
      fmt::print("{}: ok ('{}': crime reported at district rates, {} cells in {} districts)\n",
                 path, scenario->name, WithThousands(scenario->reporting.cells.size()),
                 scenario->reporting.districts.size());
      continue;
    }
    if (scenario->model == ScenarioModel::kPredpol) {
      fmt::print("{}: ok ('{}': a PredPol forecast, {} records in {} bins, {} days)\n", path,
                 scenario->name, WithThousands(scenario->predpol.records.size()),
                 WithThousands(static_cast<uint64_t>(scenario->predpol.bins)),
                 WithThousands(static_cast<uint64_t>(scenario->days)));
      continue;
    }
    size_t scores = 0;
    for (const RuleOptions& rule : scenario->policy.rules) scores += rule.IsScore() ? 1u : 0u;
    fmt::print("{}: ok ('{}': {} persons, {} days, {} lists, {} rules, {} scores)\n", path,
               scenario->name, WithThousands(scenario->world.persons), scenario->days,
               scenario->policy.lists.size(), scenario->policy.rules.size() - scores, scores);
  }
  return exit_code;
}

int RunCommand(const RunArgs& args) {
  absl::StatusOr<Scenario> loaded =
      LoadWithOverrides(args.scenario_path, args.seed, args.days, args.persons);
  if (!loaded.ok()) {
    PrintError(loaded.status());
    return kExitBadInput;
  }
  Scenario scenario = *std::move(loaded);
  if (args.no_twin) scenario.audit.twin = false;
  if (!FitsInMemory(scenario, args)) return kExitBadInput;
  if (scenario.model == ScenarioModel::kUrn) return RunUrnCommand(args, scenario);
  if (scenario.model == ScenarioModel::kPredpol) return RunPredpolCommand(args, scenario);
  if (scenario.model == ScenarioModel::kReporting) return RunReportingCommand(args, scenario);

  const int replicates = std::max(args.replicates, 1);
  if (!args.export_trace.empty() && (replicates > 1 || args.resume)) {
    fmt::print(stderr, "oversight: --export-trace writes one whole run: it does not go with {}\n",
               replicates > 1 ? "--replicates" : "--resume");
    return kExitBadInput;
  }
  // Checkpoints sit beside the output folder, named after it; the scenario's text is read
  // again for their fingerprint only when they are asked for.
  const std::filesystem::path checkpoint_path =
      DirectoryOutput::FolderPath(args.out).string() + ".checkpoint";
  uint64_t fingerprint = 0;
  if (args.checkpoint_every > 0 || args.resume) {
    absl::StatusOr<std::string> text = args.scenario_path.empty()
                                           ? std::string(DefaultScenarioText())
                                           : ReadFile(args.scenario_path);
    if (!text.ok()) {
      PrintError(text.status());
      return kExitBadInput;
    }
    fingerprint = CheckpointFingerprint(*text, scenario, replicates);
  }
  std::unique_ptr<CheckpointReader> resumed;
  if (args.resume) {
    absl::StatusOr<std::unique_ptr<CheckpointReader>> opened =
        CheckpointReader::Open(checkpoint_path, fingerprint);
    if (!opened.ok()) {
      PrintError(opened.status());
      return kExitBadInput;
    }
    resumed = *std::move(opened);
  }

  absl::StatusOr<std::unique_ptr<DirectoryOutput>> output = DirectoryOutput::Create(args.out);
  if (!output.ok()) {
    PrintError(output.status());
    return kExitFailure;
  }
  std::unique_ptr<TraceExport> trace;
  if (!args.export_trace.empty()) {
    if (DirectoryOutput::FolderPath(args.export_trace) == (*output)->final_path()) {
      fmt::print(stderr, "oversight: --export-trace needs a folder other than --out\n");
      return kExitBadInput;
    }
    absl::StatusOr<std::unique_ptr<TraceExport>> created = TraceExport::Create(args.export_trace);
    if (!created.ok()) {
      PrintError(created.status());
      return kExitFailure;
    }
    trace = *std::move(created);
  }

  g_interrupted.store(false);
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  if (!args.quiet) {
    fmt::print(stderr, "oversight: running '{}' ({} persons, {} days, seed {}{})\n", scenario.name,
               WithThousands(scenario.world.persons), scenario.days, scenario.seed,
               replicates > 1 ? fmt::format(", {} replicates", replicates) : std::string());
  }
  std::vector<uint64_t> seeds;
  std::vector<AuditResult> audits;
  absl::StatusOr<RunOutput> run;
  RunFacts first_facts;
  int first_replicate = 0;
  if (resumed != nullptr) {
    const CheckpointHeader& header = resumed->header();
    first_replicate = header.replicate;
    audits = header.finished;
    for (size_t k = 0; k < audits.size(); ++k) seeds.push_back(scenario.seed + k);
    first_facts = header.first_facts;
    if (!audits.empty()) run = RunOutput{audits.front(), first_facts, Profile()};
    if (!args.quiet) {
      fmt::print(stderr, "oversight: resuming from '{}' after {}\n", checkpoint_path.string(),
                 DayOfReplicate(header, replicates));
    }
  }
  ProgressBar bar(!args.quiet && IsTerminal(stderr));
  std::string checkpoint_holds;  // what the last checkpoint written or read holds
  if (resumed != nullptr) checkpoint_holds = DayOfReplicate(resumed->header(), replicates);
  for (int k = first_replicate; k < replicates; ++k) {
    Scenario replicate = scenario;
    replicate.seed = scenario.seed + static_cast<uint64_t>(k);
    RunOptions options;
    options.threads = args.threads;
    options.cancel = &g_interrupted;
    options.progress = [&bar, k, replicates](int32_t done, int32_t total) {
      bar.Update(k * total + done, replicates * total);
    };
    if (resumed != nullptr && k == first_replicate) {
      options.restore = [&](Simulation* simulation) -> absl::StatusOr<Day> {
        absl::Status restored = resumed->Restore(simulation);
        if (!restored.ok()) return restored;
        return resumed->header().day;
      };
    }
    if (args.checkpoint_every > 0) {
      options.checkpoint_every = args.checkpoint_every;
      options.checkpoint = [&, k](const Simulation& simulation, Day day) {
        CheckpointHeader header{.fingerprint = fingerprint,
                                .replicate = k,
                                .day = day,
                                .finished = audits,
                                .first_facts = first_facts};
        absl::Status written = WriteCheckpoint(checkpoint_path, header, simulation);
        if (written.ok()) checkpoint_holds = DayOfReplicate(header, replicates);
        return written;
      };
    }
    if (trace != nullptr) {
      options.started = [&](const Simulation& simulation) { return trace->Start(simulation); };
      options.observer = [&](const DayView& view) { trace->Record(view); };
    }
    absl::StatusOr<RunOutput> result = RunScenario(replicate, options);
    if (!result.ok()) {
      run = result.status();
      break;
    }
    seeds.push_back(replicate.seed);
    audits.push_back(result->audit);
    if (k == 0) {
      first_facts = result->facts;
      run = *std::move(result);
    }
  }
  bar.Finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (!run.ok()) {
    (*output)->Abandon();
    if (trace != nullptr) trace->Abandon();
    if (run.status().code() == absl::StatusCode::kCancelled) {
      fmt::print(stderr, "oversight: interrupted; no output written to '{}'\n", args.out);
      if (!checkpoint_holds.empty()) {
        fmt::print(stderr,
                   "oversight: the checkpoint '{}' holds the run up to {}: run the same "
                   "command with --resume to go on\n",
                   checkpoint_path.string(), checkpoint_holds);
      }
      return kExitInterrupted;
    }
    PrintError(run.status());
    return run.status().code() == absl::StatusCode::kDataLoss ? kExitBadInput : kExitFailure;
  }

  std::optional<Replicates> summary;
  if (replicates > 1) summary = Summarize(seeds, audits);
  absl::Status written;
  {
    ScopedPhase timer(&run->profile, Phase::kReport);
    written = WriteReport(scenario, run->facts, run->audit, output->get(),
                          summary ? &*summary : nullptr);
    if (written.ok() && trace != nullptr) written = trace->Commit();
    if (written.ok()) written = (*output)->Commit();
  }
  if (!written.ok()) {
    PrintError(written);
    return kExitFailure;
  }
  // The outputs are complete: the checkpoint has served.
  std::error_code ignored;
  std::filesystem::remove(checkpoint_path, ignored);
  fmt::print("{}", Summary(scenario, run->facts, run->audit, summary ? &*summary : nullptr));
  fmt::print(
      "\n  Output: {0}/ (report.json, groups.csv, rules.csv, days.csv, intersections.csv, "
      "disparities.csv, {1}summary.txt)\n  Read the report: {0}/report.html\n",
      (*output)->final_path().string(), summary ? "replicates.csv, " : "");
  if (trace != nullptr) {
    fmt::print("  Trace: {}/ (synthetic evidence and alerts as CSV; docs/OUTPUTS.md)\n",
               trace->final_path().string());
  }
  if (args.profile && resumed != nullptr) {
    fmt::print(stderr,
               "oversight: no profile: --profile times a whole run, and this one went on from "
               "a checkpoint\n");
  } else if (args.profile) {
    const double person_days =
        static_cast<double>(scenario.world.persons) * static_cast<double>(scenario.days);
    const Profile& profile = run->profile;
    const double stepped = profile.total() - profile.seconds(Phase::kBuild);
    fmt::print(stderr, "oversight: profile: {}\n", profile.ToString());
    if (!profile.rules().empty()) {
      fmt::print(stderr, "oversight: policy by rule (summed over threads): {}\n",
                 profile.RulesToString());
      fmt::print(stderr, "oversight: rule state at the end of the run: {}\n",
                 profile.RuleStateToString());
    }
    fmt::print(
        stderr, "oversight: {:.0f} person-days/s over the day loop ({:.0f} world only)\n",
        stepped > 0 ? person_days / stepped : 0.0,
        profile.seconds(Phase::kWorld) > 0 ? person_days / profile.seconds(Phase::kWorld) : 0.0);
  }
  return kExitOk;
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
  const int threads = args.threads > 0 ? args.threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
  std::string text;
  arena.execute([&] {
    World world(scenario.world, scenario.seed);
    text = WorldStatsText(scenario, ComputeWorldStats(&world, args.days));
  });
  fmt::print("{}", text);
  return kExitOk;
}

}  // namespace oversight
