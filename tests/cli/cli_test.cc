// The oversight program as a user meets it: exit codes, messages and the output folder.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.h"
#include "sim/checkpoint.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oversight-cli-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result Run(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string command = std::string(OVERSIGHT_BINARY) + " " + args + " >" + out.string() +
                                " 2>" + err.string() + " </dev/null";
    const int status = std::system(command.c_str());
    return Result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(out), Slurp(err)};
  }

  fs::path Write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }

  std::string Tiny() const {
    return std::string(OVERSIGHT_SOURCE_DIR) + "/tests/sim/e2e/petition_trips.toml";
  }

  fs::path dir_;
};

TEST_F(CliTest, VersionAndHelp) {
  const Result version = Run("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("oversight 0."));
  const Result help = Run("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("Examples:"));
  EXPECT_THAT(help.out, HasSubstr("synthetic"));
}

TEST_F(CliTest, NoSubcommandIsAUsageError) {
  const Result r = Run("");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, ValidateAcceptsTheShippedScenarios) {
  const Result r =
      Run("validate " + std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/default.toml " + Tiny());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("default.toml: ok ('default': 100,000 persons, 30 days, 6 lists, "
                               "14 rules, 2 scores)"));
}

TEST_F(CliTest, ReplicatesGiveEveryMetricAnIntervalWhateverTheThreads) {
  const Result one = Run("run --persons 3000 --days 3 --replicates 3 -q --threads 1 --out " +
                         (dir_ / "one").string());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_THAT(one.out, HasSubstr("Across 3 replicates (seeds 20261126 to 20261128)"));
  EXPECT_THAT(one.out, HasSubstr("replicates.csv"));
  const std::string csv = Slurp(dir_ / "one" / "replicates.csv");
  EXPECT_THAT(csv, HasSubstr("metric,n,mean,sd,ci95_low,ci95_high,seed_20261126,seed_20261127,"
                             "seed_20261128\n"));
  EXPECT_THAT(csv, HasSubstr("\nall.false_alarm_share,3,"));
  const Result two = Run("run --persons 3000 --days 3 --replicates 3 -q --threads 2 --out " +
                         (dir_ / "two").string());
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(Slurp(dir_ / "two" / "replicates.csv"), csv);
  EXPECT_EQ(Slurp(dir_ / "two" / "report.json"), Slurp(dir_ / "one" / "report.json"));
  EXPECT_EQ(Run("run --replicates 0 -q --out " + (dir_ / "zero").string()).exit_code, 2);
}

TEST_F(CliTest, ExplainTracesOnePersonAndRefusesUnknownOnes) {
  const Result r = Run("explain " + Tiny() + " --person 0");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Person 0 of 'tiny-petitioners'"));
  EXPECT_THAT(r.out, HasSubstr("The truth (the audit's, never the apparatus's)"));
  const Result bad = Run("explain " + Tiny() + " --person 1000000");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--person 1000000 is not a person of 'tiny-petitioners'"));
  EXPECT_TRUE(bad.out.empty());
  EXPECT_EQ(Run("explain " + Tiny()).exit_code, 2);  // --person is required
}

TEST_F(CliTest, ValidateReportsEveryProblemWithFileLineAndColumn) {
  const fs::path bad = Write("bad.toml",
                             "[scenario]\n"
                             "name = \"bad\"\n"
                             "dayz = 3\n"
                             "persons = -1\n"
                             "[[lists]]\n"
                             "name = \"l\"\n"
                             "recorded_traits = [\"drugs\"]\n");
  const Result r = Run("validate " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(bad.string() + ":3:1: error: unknown key 'dayz' in [scenario]; "
                                              "did you mean 'days'?"));
  EXPECT_THAT(r.err, HasSubstr(bad.string() + ":4:11: error: 'persons' in [scenario] must be"));
  EXPECT_THAT(r.err, HasSubstr(bad.string() + ":7:20: error: 'recorded_traits' in [[lists]] #1 "
                                              "names unknown trait 'drugs'"));
}

TEST_F(CliTest, MissingFileIsAClearError) {
  const Result r = Run("validate " + (dir_ / "nope.toml").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot read scenario file"));
}

TEST_F(CliTest, RunWritesTheOutputFolderAndPrintsTheSummary) {
  const fs::path out = dir_ / "out";
  const Result r = Run("run " + Tiny() + " --out " + out.string() + " --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Oversight audit of 'tiny-petitioners': 12 synthetic persons"));
  EXPECT_THAT(r.out,
              HasSubstr("Lawful activity stopped (petition trips, gatherings): 41.7% (15 of 36)"));
  for (const char* name : {"report.json", "groups.csv", "rules.csv", "days.csv", "summary.txt"}) {
    EXPECT_TRUE(fs::exists(out / name)) << name;
  }
  // Nothing temporary is left beside it.
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos);
  }
}

// Ensign et al.'s urn on their Oakland inputs: without the correction the top bin's share
// of the records runs away towards 1 (the truth is 0.610); with it the records learn the
// truth. The full-size scenario file, as users run it.
TEST_F(CliTest, RunawayFeedbackScenarioRunsAwayAndTheCorrectionLearnsTheTruth) {
  const fs::path out = dir_ / "urn-out";
  const std::string scenario =
      std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/runaway-feedback.toml";
  const Result r = Run("run " + scenario + " --quiet --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Without the correction"));
  EXPECT_THAT(r.out, HasSubstr("Read the report: " + out.string() + "/report.html"));
  const auto report = nlohmann::json::parse(Slurp(out / "report.json"));
  EXPECT_EQ(report["model"], "urn");
  EXPECT_NEAR(report["true_share"].get<double>(), 0.610, 0.001);
  const auto& arms = report["arms"];
  ASSERT_EQ(arms.size(), 2u);
  EXPECT_FALSE(arms[0]["correction"].get<bool>());
  EXPECT_GT(arms[0]["final_mean_share"].get<double>(), 0.95);
  EXPECT_GT(arms[0]["runaway_runs"].get<int>(), 950);
  EXPECT_NEAR(arms[1]["final_mean_share"].get<double>(), 0.610, 0.03);
  EXPECT_EQ(arms[1]["runaway_runs"].get<int>(), 0);
  EXPECT_TRUE(fs::exists(out / "urn_days.csv"));
  EXPECT_THAT(Slurp(out / "report.html"), HasSubstr("<h2>The records over time</h2>"));
  // The city commands and options do not apply to an urn.
  EXPECT_EQ(Run("run " + scenario + " --persons 10 --out " + (dir_ / "x").string()).exit_code, 2);
  EXPECT_EQ(Run("explain " + scenario + " --person 1").exit_code, 2);
}

// Lum and Isaac's PredPol forecast on Oakland's drug-crime records, the full-size file (one
// second): the feedback of targeting narrows where officers go and inflates the vendor's hit
// rate, while the share of the records targeting did not make stays where it was.
TEST_F(CliTest, PredictAndServeFeedbackNarrowsTheTargetsAndInflatesTheHitRate) {
  const fs::path out = dir_ / "predpol-out";
  const std::string scenario =
      std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/predict-and-serve.toml";
  const Result r = Run("run " + scenario + " --quiet --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Without feedback"));
  const auto report = nlohmann::json::parse(Slurp(out / "report.json"));
  EXPECT_EQ(report["model"], "predpol");
  EXPECT_EQ(report["scenario"]["records_in_file"].get<int>(), 11517);
  EXPECT_EQ(report["scenario"]["records_without_bin"].get<int>(), 28);
  const auto& arms = report["arms"];
  ASSERT_EQ(arms.size(), 2u);
  const auto& plain = arms[0];
  const auto& fed = arms[1];
  ASSERT_FALSE(plain["feedback"].get<bool>());
  // Without feedback the forecast already concentrates: 20 bins a day (3% of the area) hold
  // far more than 3% of the records.
  EXPECT_GT(plain["hit_rate"].get<double>(), 0.15);
  // With feedback: fewer bins ever targeted, more of the targeting on the top 20, and a hit
  // rate inflated by the records targeting made; without those, about the same as before.
  EXPECT_LT(fed["distinct_bins_targeted"].get<double>(),
            0.8 * plain["distinct_bins_targeted"].get<double>());
  EXPECT_GT(fed["concentration"].get<double>(), plain["concentration"].get<double>() + 0.1);
  EXPECT_GT(fed["hit_rate"].get<double>(), plain["hit_rate"].get<double>() + 0.15);
  EXPECT_NEAR(fed["hit_rate_without_added"].get<double>(), plain["hit_rate"].get<double>(), 0.05);
  EXPECT_GT(fed["records_added"].get<double>(), 500);
  for (const char* file : {"predpol_bins.csv", "predpol_days.csv", "predpol_targets.csv"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  EXPECT_THAT(Slurp(out / "report.html"), HasSubstr("<h2>Where the officers went</h2>"));
  // The same at one thread, byte for byte.
  const fs::path one = dir_ / "predpol-one";
  ASSERT_EQ(Run("run " + scenario + " --quiet --threads 1 --out " + one.string()).exit_code, 0);
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_EQ(Slurp(entry.path()), Slurp(one / entry.path().filename())) << entry.path();
  }
  EXPECT_EQ(Run("world-stats " + scenario).exit_code, 2);
  EXPECT_EQ(Run("run " + scenario + " --replicates 3 --out " + (dir_ / "x").string()).exit_code, 2);
}

// Akpinar et al.'s Bogota setting, the full-size file (about ten seconds of both cores):
// the SEPP trained on reported crime displaces more of the true hotspots than trained on
// all crime, towards the districts whose victims report more.
TEST_F(CliTest, VictimReportingMovesHotspotsTowardsDistrictsThatReport) {
  const fs::path out = dir_ / "reporting-out";
  const std::string scenario =
      std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/victim-reporting.toml";
  const Result r = Run("run " + scenario + " --quiet --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(Slurp(out / "report.json"));
  EXPECT_EQ(report["model"], "reporting");
  EXPECT_EQ(report["districts"].size(), 19u);
  ASSERT_EQ(report["arms"].size(), 6u);
  const auto& full = report["arms"][0];
  const auto& reported = report["arms"][1];
  EXPECT_EQ(reported["model"], "sepp");
  EXPECT_EQ(reported["data"], "reported");
  EXPECT_GT(reported["hotspots_displaced"].get<double>(),
            full["hotspots_displaced"].get<double>() + 2);
  EXPECT_GT(reported["correlation_reporting_rate_difference"].get<double>(), 0.3);
  EXPECT_TRUE(fs::exists(out / "reporting_districts.csv"));
  EXPECT_TRUE(fs::exists(out / "reporting_arms.csv"));
  EXPECT_TRUE(fs::exists(out / "reporting_ranks.csv"));
  EXPECT_TRUE(fs::exists(out / "reporting_cells.csv"));
  EXPECT_THAT(Slurp(out / "report.html"), HasSubstr("<h2>Where the hotspots moved</h2>"));
}

// The resource guard: a run estimated above --max-memory is refused before anything is
// built, with what it needs and what to lower; nothing is written.
TEST_F(CliTest, RunsTooLargeForTheMemoryLimitAreRefused) {
  const fs::path out = dir_ / "big";
  const Result r = Run("run --persons 2000000 --max-memory 1G --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("would need about"));
  EXPECT_THAT(r.err, HasSubstr("more than 1.0 GiB (--max-memory)"));
  EXPECT_THAT(r.err, HasSubstr("lower [scenario] persons (or --persons)"));
  EXPECT_FALSE(fs::exists(out));
  const Result bad = Run("run --max-memory lots --out " + out.string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--max-memory 'lots' is not a size"));
  // Under the limit it runs.
  EXPECT_EQ(
      Run("run --persons 2000 --days 1 --quiet --max-memory 1G --out " + out.string()).exit_code,
      0);
}

// The README tour: the built-in default city, run with no scenario file (smaller, for speed).
TEST_F(CliTest, ReadmeTourRunsTheBuiltInDefaultCity) {
  const fs::path out = dir_ / "oversight-out";
  const Result r = Run("run --persons 20000 --days 3 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("running 'default' (20,000 persons, 3 days, seed 20261126)"));
  EXPECT_THAT(r.out, HasSubstr("By group"));
  EXPECT_THAT(r.out, HasSubstr("minority"));
  EXPECT_THAT(r.out, HasSubstr("ticket_to_capital"));
  EXPECT_THAT(Slurp(out / "summary.txt"), HasSubstr("Oversight audit of 'default'"));
  EXPECT_THAT(r.out, HasSubstr("Read the report: " + out.string() + "/report.html"));
  EXPECT_THAT(Slurp(out / "report.html"), HasSubstr("<h2>What the audit found</h2>"));
}

TEST_F(CliTest, WorldStatsPrintsThePopulationTables) {
  const Result r = Run("world-stats --persons 20000 --days 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("World of 'default': 20,000 synthetic persons"));
  EXPECT_THAT(r.out, HasSubstr("Traits of group 'minority'"));
  EXPECT_THAT(r.out, HasSubstr("migrant_worker"));
  EXPECT_THAT(r.out, HasSubstr("Households by kind and size"));
  EXPECT_THAT(r.out, HasSubstr("Events per person-day over 2 days"));
}

TEST_F(CliTest, OverridesApplyAndBadValuesAreRefused) {
  const fs::path out = dir_ / "out";
  const Result r = Run("run " + Tiny() + " --out " + out.string() + " --days 1 --persons 5 -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("5 synthetic persons, 1 days"));
  const Result bad = Run("run " + Tiny() + " --out " + out.string() + " --days 0");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--days"));
}

TEST_F(CliTest, BadScenarioLeavesNoOutputFolder) {
  const fs::path bad = Write("bad.toml", "[scenario]\npersons = 0\n");
  const fs::path out = dir_ / "out";
  const Result r = Run("run " + bad.string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(":2:11: error:"));
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(CliTest, RefusesToOverwriteAFolderThatIsNotAnOutput) {
  const fs::path mine = dir_ / "my-notes";
  fs::create_directories(mine);
  Write("my-notes/thesis.txt", "precious");
  const Result r = Run("run " + Tiny() + " --out " + mine.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("is not an Oversight output folder"));
  EXPECT_TRUE(fs::exists(mine / "thesis.txt"));
}

// Starts `oversight run <args>` in the background (output discarded); returns its pid.
pid_t Start(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(OVERSIGHT_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(OVERSIGHT_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// Every file of an output folder, named, in name order.
std::string FolderBytes(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().filename().string()] =
        std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  std::string all;
  for (const auto& [name, bytes] : files) all += name + "\n" + bytes;
  return all;
}

// Sends SIGINT to `pid` and waits for it; returns its exit code (-1 if it did not exit).
int Interrupt(pid_t pid) {
  kill(pid, SIGINT);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

// Polls (every 5 ms, for at most ten minutes) until `ready` holds.
bool WaitFor(const std::function<bool()>& ready) {
  for (int i = 0; i < 120000; ++i) {
    if (ready()) return true;
    usleep(5000);
  }
  return false;
}

// Starts the program with `args`, its stderr going to a pipe; returns its pid and the
// pipe's reading end in *err.
pid_t StartWithStderr(const std::vector<std::string>& args, int* err) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(fds[1], 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(OVERSIGHT_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(OVERSIGHT_BINARY, argv.data());
    _exit(127);
  }
  close(fds[1]);
  *err = fds[0];
  return pid;
}

// Reads `fd` until `text` has appeared (true) or the writer closed it (false). Blocks
// without a deadline: it waits on the other process, not on a guess of its speed.
bool ReadUntil(int fd, std::string_view text) {
  std::string seen;
  char buffer[256];
  while (seen.find(text) == std::string::npos) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return false;
    seen.append(buffer, static_cast<size_t>(n));
  }
  return true;
}

// An interrupted run must not leave a folder that looks complete, whenever the signal
// comes. The signal is sent once the program says it is running (its output folder then
// exists); the run is far too large to finish before the signal arrives, and the test
// waits for the process without a deadline, so the machine's load does not matter.
TEST_F(CliTest, InterruptedRunLeavesNoOutput) {
  const fs::path out = dir_ / "out";
  int err = -1;
  const pid_t pid = StartWithStderr(
      {"run", "--persons", "200000", "--days", "3650", "--out", out.string()}, &err);
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(ReadUntil(err, "oversight: running"));
  bool partial = false;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    partial = partial || entry.path().filename().string().find(".partial") != std::string::npos;
  }
  EXPECT_TRUE(partial) << "the temporary folder exists once the run is announced";
  EXPECT_EQ(Interrupt(pid), 130);
  close(err);
  EXPECT_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << entry.path();
  }
}

// The handlers are in place before the output folder is created: a signal that arrives
// as soon as the temporary folder appears (before the run is announced) also leaves
// nothing behind and exits with 130.
TEST_F(CliTest, InterruptAsTheOutputFolderAppearsLeavesNoOutput) {
  const fs::path out = dir_ / "out";
  const pid_t pid =
      Start({"run", "--persons", "200000", "--days", "3650", "--out", out.string(), "-q"});
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(WaitFor([&] {
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (entry.path().filename().string().find(".partial") != std::string::npos) return true;
    }
    return false;
  }));
  EXPECT_EQ(Interrupt(pid), 130);
  EXPECT_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << entry.path();
  }
}

// Nothing lost: a run killed (SIGKILL: no chance to clean up) after
// its first checkpoint leaves no output folder, and the same command with --resume finishes
// it to the bytes of a run never stopped, report.html included. The run is far longer than
// the time between the checkpoint appearing and the kill.
TEST_F(CliTest, KilledRunResumesFromItsCheckpointToTheSameBytes) {
  const std::string size = "--persons 20000 --days 40 -q";
  ASSERT_EQ(Run("run " + size + " --out " + (dir_ / "straight").string()).exit_code, 0);

  const fs::path out = dir_ / "killed";
  const fs::path checkpoint = dir_ / "killed.checkpoint";
  const pid_t pid = Start({"run", "--persons", "20000", "--days", "40", "-q", "--out", out.string(),
                           "--checkpoint-every", "3"});
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(WaitFor([&] { return fs::exists(checkpoint); }));
  kill(pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_FALSE(fs::exists(out));

  const Result resumed =
      Run("run " + size + " --out " + out.string() + " --checkpoint-every 3 --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(FolderBytes(out), FolderBytes(dir_ / "straight"));
  EXPECT_FALSE(fs::exists(checkpoint)) << "a finished run removes its checkpoint";
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos)
        << "the killed run's temporary folder is cleared: " << entry.path();
  }
}

// With replicates, the checkpoint carries the finished replicates' findings: killed in the
// second replicate, the resumed run does not redo the first and still writes the same
// replicates.csv. SIGINT: the run writes a checkpoint of the last day done and says so.
TEST_F(CliTest, InterruptedReplicatesResumeToTheSameBytes) {
  const std::string size = "--persons 20000 --days 10 --replicates 2";
  ASSERT_EQ(Run("run " + size + " -q --out " + (dir_ / "straight").string()).exit_code, 0);

  Scenario scenario = DefaultScenario();
  scenario.world.persons = 20000;
  scenario.days = 10;
  const uint64_t fingerprint = CheckpointFingerprint(DefaultScenarioText(), scenario, 2);
  const fs::path out = dir_ / "stopped";
  const fs::path checkpoint = dir_ / "stopped.checkpoint";
  const pid_t pid = Start({"run", "--persons", "20000", "--days", "10", "--replicates", "2", "-q",
                           "--out", out.string(), "--checkpoint-every", "2"});
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(WaitFor([&] {
    absl::StatusOr<std::unique_ptr<CheckpointReader>> reader =
        CheckpointReader::Open(checkpoint, fingerprint);
    return reader.ok() && (*reader)->header().replicate == 1;
  }));
  EXPECT_EQ(Interrupt(pid), 130);
  EXPECT_FALSE(fs::exists(out));

  absl::StatusOr<std::unique_ptr<CheckpointReader>> reader =
      CheckpointReader::Open(checkpoint, fingerprint);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->header().finished.size(), 1u);

  const Result resumed = Run("run " + size + " --out " + out.string() + " --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.err, HasSubstr("of replicate 2"));
  EXPECT_EQ(FolderBytes(out), FolderBytes(dir_ / "straight"));
}

TEST_F(CliTest, ResumeNeedsTheCheckpointOfTheSameCommand) {
  const fs::path out = dir_ / "out";
  const Result none = Run("run --persons 2000 --days 3 -q --resume --out " + out.string());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("no checkpoint at"));
  EXPECT_THAT(none.err, HasSubstr("--checkpoint-every"));
  EXPECT_FALSE(fs::exists(out));

  // A checkpoint left by an interrupted run of another size is refused, and kept.
  Scenario scenario = DefaultScenario();
  scenario.world.persons = 2000;
  scenario.days = 3;
  {
    Simulation simulation(scenario);
    simulation.Step(0);
    CheckpointHeader header;
    header.fingerprint = CheckpointFingerprint(DefaultScenarioText(), scenario, 1);
    header.day = 0;
    ASSERT_TRUE(WriteCheckpoint(dir_ / "out.checkpoint", header, simulation).ok());
  }
  const Result other = Run("run --persons 3000 --days 3 -q --resume --out " + out.string());
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_THAT(other.err, HasSubstr("belongs to another run"));
  EXPECT_TRUE(fs::exists(dir_ / "out.checkpoint"));
  // The command that wrote it goes on from it.
  const Result same = Run("run --persons 2000 --days 3 --resume --out " + out.string());
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_THAT(same.err, HasSubstr("resuming from"));
  EXPECT_THAT(same.err, HasSubstr("after day 1"));
}

// `--out runs/a/` (as a shell completes it) is the folder runs/a: its temporary folder and
// its checkpoint sit beside it, and a second run replaces the first.
TEST_F(CliTest, ATrailingSlashNamesTheSameFolder) {
  const std::string out = (dir_ / "a").string() + "/";
  for (int run = 0; run < 2; ++run) {
    const Result r = Run("run --persons 2000 --days 3 -q --checkpoint-every 1 --out " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_TRUE(fs::exists(dir_ / "a" / "report.json"));
  EXPECT_FALSE(fs::exists(dir_ / "a" / ".checkpoint"));
  EXPECT_FALSE(fs::exists(dir_ / "a.checkpoint")) << "removed when the run finished";
  EXPECT_EQ(Run("run --persons 2000 --days 3 -q --out /").exit_code, 1);
}

// --export-trace writes the evidence and alerts beside the run's output; the rows are what
// the run counted, and a second run replaces the trace (its folder has trace.json).
TEST_F(CliTest, ExportTraceWritesTheEvidenceTheRulesRead) {
  const fs::path trace = dir_ / "trace";
  for (int pass = 0; pass < 2; ++pass) {
    const Result r = Run("run " + Tiny() + " -q --out " + (dir_ / "o").string() +
                         " --export-trace " + trace.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Trace: " + trace.string()));
  }
  for (const char* file :
       {"trace.json", "places.csv", "persons.csv", "households.csv", "days.csv", "red_list.csv",
        "list_members.csv", "sightings.csv", "tickets.csv", "check_ins.csv", "calls.csv",
        "dark.csv", "locations.csv", "meters.csv", "alerts.csv"}) {
    EXPECT_TRUE(fs::exists(trace / file)) << file;
  }
  EXPECT_THAT(Slurp(trace / "trace.json"), HasSubstr("\"synthetic\": true"));
  EXPECT_EQ(Slurp(trace / "tickets.csv").rfind("time,station,person,destination\n", 0), 0u);
  // One line per alert, as many as the run reports (rules.csv sums them per rule).
  const nlohmann::json report = nlohmann::json::parse(Slurp(dir_ / "o" / "report.json"));
  const std::string alerts = Slurp(trace / "alerts.csv");
  const auto lines = std::count(alerts.begin(), alerts.end(), '\n') - 1;
  const nlohmann::json& totals = report["totals"];
  const nlohmann::json& counts = totals["counts"];
  EXPECT_EQ(lines, counts["alerts"].get<int64_t>() + counts["red_list_suppressed"].get<int64_t>());
  EXPECT_GT(lines, 0);
  const std::string tickets = Slurp(trace / "tickets.csv");
  EXPECT_EQ(std::count(tickets.begin(), tickets.end(), '\n') - 1,
            totals["observations_by_kind"]["ticket_checks"].get<int64_t>());
}

TEST_F(CliTest, ExportTraceRefusesWhatItCannotWriteWhole) {
  const std::string trace = " --export-trace " + (dir_ / "t").string();
  Result r = Run("run " + Tiny() + " -q -r 2 --out " + (dir_ / "o").string() + trace);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("does not go with --replicates"));
  r = Run("run " + Tiny() + " -q --out " + (dir_ / "o").string() + " --export-trace " +
          (dir_ / "o").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("a folder other than --out"));
  const std::string urn = std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/runaway-feedback.toml";
  r = Run("run " + urn + " --out " + (dir_ / "o").string() + trace);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--export-trace applies to a city"));
  // A folder that is not a trace is never replaced.
  fs::create_directories(dir_ / "mine");
  r = Run("run " + Tiny() + " -q --out " + (dir_ / "o").string() + " --export-trace " +
          (dir_ / "mine").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no trace.json"));
  EXPECT_FALSE(fs::exists(dir_ / "t"));
}

TEST_F(CliTest, CheckpointsAreForCities) {
  const std::string urn = std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/runaway-feedback.toml";
  const Result r = Run("run " + urn + " --checkpoint-every 5 --out " + (dir_ / "o").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--checkpoint-every applies to a city"));
}

}  // namespace
}  // namespace oversight
