// The subcommands of the oversight program. Each returns the process exit code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oversight {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;        // the run failed (I/O)
inline constexpr int kExitBadInput = 2;       // bad command line or scenario
inline constexpr int kExitInterrupted = 130;  // SIGINT / SIGTERM

struct RunArgs {
  std::string scenario_path;  // empty = built-in default city
  std::string out = "oversight-out";
  std::optional<uint64_t> seed;
  std::optional<int32_t> days;
  std::optional<uint32_t> persons;
  int threads = 0;  // 0 = all cores
  bool quiet = false;
  bool profile = false;
  bool no_twin = false;          // skip the policy-off twin ([audit] twin)
  int replicates = 1;            // seeds seed, seed + 1, ...: every metric gets a 95% interval
  std::string max_memory;        // refuse runs estimated above this ("" = 80% of physical memory)
  int32_t checkpoint_every = 0;  // days between checkpoints (<out>.checkpoint); 0 = none
  bool resume = false;           // continue from <out>.checkpoint
  std::string export_trace;      // folder for the synthetic evidence stream ("" = none)
};

struct WorldStatsArgs {
  std::string scenario_path;  // empty = built-in default city
  std::optional<uint64_t> seed;
  std::optional<uint32_t> persons;
  int32_t days = 7;  // days of daily life to count events over
  int threads = 0;
};

struct ExplainArgs {
  std::string scenario_path;  // empty = built-in default city
  int64_t person = -1;
  std::optional<uint64_t> seed;
  std::optional<int32_t> days;
  std::optional<uint32_t> persons;
  int threads = 0;
};

int RunCommand(const RunArgs& args);
int ExplainCommand(const ExplainArgs& args);
int WorldStatsCommand(const WorldStatsArgs& args);
int ValidateCommand(const std::vector<std::string>& paths);

}  // namespace oversight
