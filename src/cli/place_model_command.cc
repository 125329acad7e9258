// `oversight run` on a place model: the command-line checks that apply to every place
// model, then the model's runner (sim/place_model_runner.h) in a task arena.
#include <fmt/format.h>
#include <tbb/task_arena.h>

#include "cli/command_support.h"
#include "report/directory_output.h"

namespace oversight {

namespace {

// The flags that apply to a city only; prints why and returns false if one is set.
bool OnlyPlaceModelFlags(const RunArgs& args, std::string_view model) {
  if (args.replicates > 1 || args.persons) {
    fmt::print(stderr, "oversight: {} does not apply to model \"{}\" (set [{}] runs)\n",
               args.replicates > 1 ? "--replicates" : "--persons", model, model);
    return false;
  }
  if (!args.export_trace.empty()) {
    fmt::print(stderr, "oversight: --export-trace applies to a city; model \"{}\" has no persons\n",
               model);
    return false;
  }
  if (args.checkpoint_every > 0 || args.resume) {
    fmt::print(stderr,
               "oversight: {} applies to a city; model \"{}\" keeps no state between runs "
               "worth saving (it runs whole in seconds)\n",
               args.resume ? "--resume" : "--checkpoint-every", model);
    return false;
  }
  return true;
}

}  // namespace

int RunPlaceModelCommand(const RunArgs& args, const Scenario& scenario,
                         const PlaceModelRunner& runner) {
  if (!OnlyPlaceModelFlags(args, ModelName(scenario.model))) return kExitBadInput;
  absl::StatusOr<std::unique_ptr<DirectoryOutput>> output = DirectoryOutput::Create(args.out);
  if (!output.ok()) {
    PrintError(output.status());
    return kExitFailure;
  }
  if (!args.quiet) fmt::print(stderr, "oversight: {}\n", runner.announce(scenario));
  tbb::task_arena arena(WorkerThreads(args.threads));
  absl::StatusOr<std::string> summary;
  arena.execute([&] { summary = runner.run(scenario, output->get()); });
  absl::Status written = summary.status();
  if (written.ok()) written = (*output)->Commit();
  if (!written.ok()) {
    PrintError(written);
    return kExitFailure;
  }
  fmt::print("{}", *summary);
  fmt::print("\n  Output: {0}/ ({1})\n  Read the report: {0}/report.html\n",
             (*output)->final_path().string(), runner.files);
  return kExitOk;
}

}  // namespace oversight
