// `oversight run` on a city, in phases: prepare (flags, checkpoint to resume), create the
// outputs, run the replicates, write, profile. A place model is handed to its runner
// (place_model_command.cc) before any of these.
//
// Design: SIGINT/SIGTERM set a flag the day loop polls. The handlers are installed before
// the output folder (a temporary `.partial` folder until the run commits) is created, so
// a signal at any moment after that leaves no folder: the run stops after its day, the
// temporary folder is removed and the exit code is 130.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <optional>

#include "cli/command_support.h"
#include "cli/progress_bar.h"
#include "report/directory_output.h"
#include "report/human_numbers.h"
#include "report/report_writer.h"
#include "report/summary.h"
#include "scenario/loader.h"
#include "sim/checkpoint.h"
#include "sim/memory_estimate.h"
#include "sim/simulation.h"
#include "sim/trace_export.h"

namespace oversight {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnSignal(int) { g_interrupted.store(true); }

// SIGINT and SIGTERM raise g_interrupted while it lives.
class InterruptHandlers {
 public:
  InterruptHandlers() {
    g_interrupted.store(false);
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
  }
  ~InterruptHandlers() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
  }
  InterruptHandlers(const InterruptHandlers&) = delete;
  InterruptHandlers& operator=(const InterruptHandlers&) = delete;
};

// "day 12" or "day 12 of replicate 3" (1-based, as the progress bar counts).
std::string DayOfReplicate(const CheckpointHeader& header, int replicates) {
  std::string text = fmt::format("day {}", header.day + 1);
  if (replicates > 1) text += fmt::format(" of replicate {}", header.replicate + 1);
  return text;
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
  const MemoryEstimate need = EstimateRunMemory(scenario, WorkerThreads(args.threads));
  if (limit == 0 || need.bytes <= limit) return true;
  fmt::print(stderr,
             "oversight: '{}' would need about {} of memory ({}), more than {} ({}).\n"
             "  To run it, {}, or raise --max-memory.\n",
             scenario.name, FormatBytes(need.bytes), need.what, FormatBytes(limit), source,
             need.to_lower);
  return false;
}

// One `oversight run` of a city, carried from phase to phase.
struct CityRun {
  CityRun(const RunArgs& run_args, const Scenario& run_scenario)
      : args(run_args), scenario(run_scenario), replicates(std::max(run_args.replicates, 1)) {}

  const RunArgs& args;
  const Scenario& scenario;
  int replicates = 1;
  // Checkpoints sit beside the output folder, named after it.
  std::filesystem::path checkpoint_path;
  uint64_t fingerprint = 0;
  std::unique_ptr<CheckpointReader> resumed;  // when --resume
  std::unique_ptr<DirectoryOutput> output;
  std::unique_ptr<TraceExport> trace;  // when --export-trace
  // The replicates done: their seeds and findings; the first's whole output.
  std::vector<uint64_t> seeds;
  std::vector<AuditResult> audits;
  absl::StatusOr<RunOutput> run;
  RunFacts first_facts;
  int first_replicate = 0;
  std::string checkpoint_holds;  // what the last checkpoint written or read holds
};

// Phase 1: the flags that do not go together, the fingerprint of the scenario for
// checkpoints and the checkpoint to resume from. Returns an exit code on failure.
std::optional<int> Prepare(CityRun& r) {
  const RunArgs& args = r.args;
  if (!args.export_trace.empty() && (r.replicates > 1 || args.resume)) {
    fmt::print(stderr, "oversight: --export-trace writes one whole run: it does not go with {}\n",
               r.replicates > 1 ? "--replicates" : "--resume");
    return kExitBadInput;
  }
  r.checkpoint_path = DirectoryOutput::FolderPath(args.out).string() + ".checkpoint";
  // The scenario's text is read again for the fingerprint only when checkpoints are asked for.
  if (args.checkpoint_every > 0 || args.resume) {
    absl::StatusOr<std::string> text = args.scenario_path.empty()
                                           ? std::string(DefaultScenarioText())
                                           : ReadFile(args.scenario_path);
    if (!text.ok()) {
      PrintError(text.status());
      return kExitBadInput;
    }
    r.fingerprint = CheckpointFingerprint(*text, r.scenario, r.replicates);
  }
  if (args.resume) {
    absl::StatusOr<std::unique_ptr<CheckpointReader>> opened =
        CheckpointReader::Open(r.checkpoint_path, r.fingerprint);
    if (!opened.ok()) {
      PrintError(opened.status());
      return kExitBadInput;
    }
    r.resumed = *std::move(opened);
  }
  return std::nullopt;
}

// Phase 2: the output folder (temporary until committed) and the trace export.
std::optional<int> CreateOutputs(CityRun& r) {
  absl::StatusOr<std::unique_ptr<DirectoryOutput>> output = DirectoryOutput::Create(r.args.out);
  if (!output.ok()) {
    PrintError(output.status());
    return kExitFailure;
  }
  r.output = *std::move(output);
  if (r.args.export_trace.empty()) return std::nullopt;
  if (DirectoryOutput::FolderPath(r.args.export_trace) == r.output->final_path()) {
    fmt::print(stderr, "oversight: --export-trace needs a folder other than --out\n");
    return kExitBadInput;
  }
  absl::StatusOr<std::unique_ptr<TraceExport>> created = TraceExport::Create(r.args.export_trace);
  if (!created.ok()) {
    PrintError(created.status());
    return kExitFailure;
  }
  r.trace = *std::move(created);
  return std::nullopt;
}

// The state a resumed run starts from: the replicates the checkpoint finished.
void Resume(CityRun& r) {
  const CheckpointHeader& header = r.resumed->header();
  r.first_replicate = header.replicate;
  r.audits = header.finished;
  for (size_t k = 0; k < r.audits.size(); ++k) r.seeds.push_back(r.scenario.seed + k);
  r.first_facts = header.first_facts;
  if (!r.audits.empty()) r.run = RunOutput{r.audits.front(), r.first_facts, Profile()};
  r.checkpoint_holds = DayOfReplicate(header, r.replicates);
  if (!r.args.quiet) {
    fmt::print(stderr, "oversight: resuming from '{}' after {}\n", r.checkpoint_path.string(),
               r.checkpoint_holds);
  }
}

// How replicate k runs: progress, cancellation, restore, checkpoints, trace.
RunOptions ReplicateOptions(CityRun& r, int k, ProgressBar& bar) {
  RunOptions options;
  options.threads = r.args.threads;
  options.cancel = &g_interrupted;
  options.progress = [&bar, k, replicates = r.replicates](int32_t done, int32_t total) {
    bar.Update(k * total + done, replicates * total);
  };
  if (r.resumed != nullptr && k == r.first_replicate) {
    options.restore = [&r](Simulation* simulation) -> absl::StatusOr<Day> {
      absl::Status restored = r.resumed->Restore(simulation);
      if (!restored.ok()) return restored;
      return r.resumed->header().day;
    };
  }
  if (r.args.checkpoint_every > 0) {
    options.checkpoint_every = r.args.checkpoint_every;
    options.checkpoint = [&r, k](const Simulation& simulation, Day day) {
      CheckpointHeader header{.fingerprint = r.fingerprint,
                              .replicate = k,
                              .day = day,
                              .finished = r.audits,
                              .first_facts = r.first_facts};
      absl::Status written = WriteCheckpoint(r.checkpoint_path, header, simulation);
      if (written.ok()) r.checkpoint_holds = DayOfReplicate(header, r.replicates);
      return written;
    };
  }
  if (r.trace != nullptr) {
    options.started = [&r](const Simulation& simulation) { return r.trace->Start(simulation); };
    options.observer = [&r](const DayView& view) { r.trace->Record(view); };
  }
  return options;
}

// Phase 3: the replicates (seed, seed + 1, ...), from the checkpoint when resuming. Stops
// at the first that fails or is interrupted (r.run then holds its status).
void RunReplicates(CityRun& r) {
  if (!r.args.quiet) {
    fmt::print(stderr, "oversight: running '{}' ({} persons, {} days, seed {}{})\n",
               r.scenario.name, WithThousands(r.scenario.world.persons), r.scenario.days,
               r.scenario.seed,
               r.replicates > 1 ? fmt::format(", {} replicates", r.replicates) : std::string());
  }
  if (r.resumed != nullptr) Resume(r);
  ProgressBar bar(!r.args.quiet && IsTerminal(stderr));
  for (int k = r.first_replicate; k < r.replicates; ++k) {
    Scenario replicate = r.scenario;
    replicate.seed = r.scenario.seed + static_cast<uint64_t>(k);
    absl::StatusOr<RunOutput> result = RunScenario(replicate, ReplicateOptions(r, k, bar));
    if (!result.ok()) {
      r.run = result.status();
      break;
    }
    r.seeds.push_back(replicate.seed);
    r.audits.push_back(result->audit);
    if (k == 0) {
      r.first_facts = result->facts;
      r.run = *std::move(result);
    }
  }
  bar.Finish();
}

// A run that did not finish: nothing is written; an interrupted one says where its
// checkpoint is. Returns the exit code.
int Abandon(CityRun& r) {
  r.output->Abandon();
  if (r.trace != nullptr) r.trace->Abandon();
  const absl::Status& status = r.run.status();
  if (status.code() == absl::StatusCode::kCancelled) {
    fmt::print(stderr, "oversight: interrupted; no output written to '{}'\n", r.args.out);
    if (!r.checkpoint_holds.empty()) {
      fmt::print(stderr,
                 "oversight: the checkpoint '{}' holds the run up to {}: run the same "
                 "command with --resume to go on\n",
                 r.checkpoint_path.string(), r.checkpoint_holds);
    }
    return kExitInterrupted;
  }
  PrintError(status);
  return status.code() == absl::StatusCode::kDataLoss ? kExitBadInput : kExitFailure;
}

// Phase 4: the outputs, committed together, then the summary. Returns the exit code.
int Write(CityRun& r) {
  std::optional<Replicates> summary;
  if (r.replicates > 1) summary = Summarize(r.seeds, r.audits);
  const Replicates* replicates = summary ? &*summary : nullptr;
  absl::Status written;
  {
    ScopedPhase timer(&r.run->profile, Phase::kReport);
    written = WriteReport(r.scenario, r.run->facts, r.run->audit, r.output.get(), replicates);
    if (written.ok() && r.trace != nullptr) written = r.trace->Commit();
    if (written.ok()) written = r.output->Commit();
  }
  if (!written.ok()) {
    PrintError(written);
    return kExitFailure;
  }
  // The outputs are complete: the checkpoint has served.
  std::error_code ignored;
  std::filesystem::remove(r.checkpoint_path, ignored);
  fmt::print("{}", Summary(r.scenario, r.run->facts, r.run->audit, replicates));
  fmt::print(
      "\n  Output: {0}/ (report.json, groups.csv, rules.csv, days.csv, intersections.csv, "
      "disparities.csv, {1}summary.txt)\n  Read the report: {0}/report.html\n",
      r.output->final_path().string(), summary ? "replicates.csv, " : "");
  if (r.trace != nullptr) {
    fmt::print("  Trace: {}/ (synthetic evidence and alerts as CSV; docs/OUTPUTS.md)\n",
               r.trace->final_path().string());
  }
  return kExitOk;
}

// Phase 5 (--profile): time per phase and per rule, and the day loop's speed.
void PrintProfile(const CityRun& r) {
  if (r.resumed != nullptr) {
    fmt::print(stderr,
               "oversight: no profile: --profile times a whole run, and this one went on from "
               "a checkpoint\n");
    return;
  }
  const double person_days =
      static_cast<double>(r.scenario.world.persons) * static_cast<double>(r.scenario.days);
  const Profile& profile = r.run->profile;
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

int RunCity(const RunArgs& args, const Scenario& scenario) {
  CityRun r(args, scenario);
  if (std::optional<int> failed = Prepare(r)) return *failed;
  {
    const InterruptHandlers handlers;  // before anything is created
    if (std::optional<int> failed = CreateOutputs(r)) return *failed;
    RunReplicates(r);
  }
  if (!r.run.ok()) return Abandon(r);
  const int written = Write(r);
  if (written == kExitOk && args.profile) PrintProfile(r);
  return written;
}

}  // namespace

int RunCommand(const RunArgs& args) {
  absl::StatusOr<Scenario> loaded =
      LoadWithOverrides(args.scenario_path, args.seed, args.days, args.persons);
  if (!loaded.ok()) {
    PrintError(loaded.status());
    return kExitBadInput;
  }
  Scenario scenario = *std::move(loaded);
  if (args.no_twin) scenario.audit.twin = false;
  const PlaceModelRunner* runner = nullptr;
  if (scenario.model != ScenarioModel::kCity) {
    runner = RunnerOrComplain(scenario);
    if (runner == nullptr) return kExitBadInput;
  }
  if (!FitsInMemory(scenario, args)) return kExitBadInput;
  if (runner != nullptr) return RunPlaceModelCommand(args, scenario, *runner);
  return RunCity(args, scenario);
}

}  // namespace oversight
