// A run stopped after a checkpoint and continued from it in a new simulation gives the same
// bytes as a run never stopped; a checkpoint of another run, or a damaged one, is refused.
#include "sim/checkpoint.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "report/output_sink.h"
#include "report/report_writer.h"
#include "scenario/loader.h"

namespace oversight {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr uint64_t kFingerprint = 0x5eed;

// Every output file but report.html (its numbers all come from the others), named.
std::string Outputs(const Scenario& scenario, const RunOutput& run) {
  MemoryOutput out;
  EXPECT_TRUE(WriteReport(scenario, run.facts, run.audit, &out).ok());
  std::string all;
  for (const auto& [name, content] : out.files()) {
    if (name != "report.html") all += name + "\n" + content;
  }
  return all;
}

class CheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() /
            ("oversight-checkpoint-test-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove(path_);
  }
  void TearDown() override { fs::remove(path_); }

  // Runs `scenario` on `threads` threads and stops it after day `stop` (0-based), leaving
  // its checkpoint at path_.
  void RunAndStop(const Scenario& scenario, Day stop, int threads) {
    std::atomic<bool> cancel{false};
    RunOptions options;
    options.threads = threads;
    options.cancel = &cancel;
    options.checkpoint_every = stop + 1;
    options.checkpoint = [&](const Simulation& simulation, Day day) {
      cancel.store(true);  // the first checkpoint is the last day this run steps
      CheckpointHeader header;
      header.fingerprint = kFingerprint;
      header.day = day;
      return WriteCheckpoint(path_, header, simulation);
    };
    absl::StatusOr<RunOutput> run = RunScenario(scenario, options);
    ASSERT_EQ(run.status().code(), absl::StatusCode::kCancelled) << run.status();
    ASSERT_TRUE(fs::exists(path_));
    EXPECT_FALSE(fs::exists(path_.string() + ".tmp"));
  }

  // Continues the run from path_ on `threads` threads; returns its outputs.
  std::string Resume(const Scenario& scenario, Day expected_day, int threads) {
    absl::StatusOr<std::unique_ptr<CheckpointReader>> reader =
        CheckpointReader::Open(path_, kFingerprint);
    EXPECT_TRUE(reader.ok()) << reader.status();
    if (!reader.ok()) return "";
    EXPECT_EQ((*reader)->header().day, expected_day);
    RunOptions options;
    options.threads = threads;
    options.restore = [&](Simulation* simulation) -> absl::StatusOr<Day> {
      absl::Status restored = (*reader)->Restore(simulation);
      if (!restored.ok()) return restored;
      return (*reader)->header().day;
    };
    absl::StatusOr<RunOutput> run = RunScenario(scenario, options);
    EXPECT_TRUE(run.ok()) << run.status();
    return run.ok() ? Outputs(scenario, *run) : "";
  }

  std::string Straight(const Scenario& scenario) {
    RunOptions options;
    options.threads = 2;
    absl::StatusOr<RunOutput> run = RunScenario(scenario, options);
    EXPECT_TRUE(run.ok());
    return run.ok() ? Outputs(scenario, *run) : "";
  }

  fs::path path_;
};

// The default city carries every kind of state across days: windows of counts, a couple
// rule's period (stopped mid-period), a learned score and its model, watchlists grown by
// alerts, the police queue, detentions, withheld permits, cameras put up at homes, and the
// twin.
Scenario SmallDefault() {
  Scenario s = DefaultScenario();
  s.world.persons = 20000;
  s.days = 12;
  return s;
}

TEST_F(CheckpointTest, ResumedRunIsByteIdenticalToAnUninterruptedOne) {
  const Scenario scenario = SmallDefault();
  const std::string straight = Straight(scenario);
  ASSERT_GT(straight.size(), 1000u);
  RunAndStop(scenario, /*stop=*/8, /*threads=*/2);
  // Continued on another thread count: the state does not depend on it either.
  EXPECT_EQ(Resume(scenario, 8, /*threads=*/1), straight);
}

TEST_F(CheckpointTest, PatrolsAndTheirWindowSurviveACheckpoint) {
  Scenario scenario = SmallDefault();
  scenario.days = 9;
  scenario.respond.patrols.units = 3;
  scenario.respond.patrols.allocate = PatrolOptions::Allocation::kHotspots;
  scenario.respond.patrols.sighting_rate = 0.3;
  scenario.audit.twin = false;
  const std::string straight = Straight(scenario);
  RunAndStop(scenario, /*stop=*/4, /*threads=*/2);
  EXPECT_EQ(Resume(scenario, 4, /*threads=*/2), straight);
}

// A stop after the first day: almost nothing carried yet, but the resumed run must still
// not step day 0 again.
TEST_F(CheckpointTest, StopAfterTheFirstDay) {
  Scenario scenario = SmallDefault();
  scenario.days = 4;
  const std::string straight = Straight(scenario);
  RunAndStop(scenario, /*stop=*/0, /*threads=*/2);
  EXPECT_EQ(Resume(scenario, 0, /*threads=*/2), straight);
}

TEST_F(CheckpointTest, TwoWritesOfTheSameStateAreTheSameBytes) {
  Scenario scenario = SmallDefault();
  scenario.days = 4;
  RunAndStop(scenario, 1, 1);
  std::ifstream first_file(path_, std::ios::binary);
  const std::string first((std::istreambuf_iterator<char>(first_file)), {});
  RunAndStop(scenario, 1, 2);
  std::ifstream second_file(path_, std::ios::binary);
  const std::string second((std::istreambuf_iterator<char>(second_file)), {});
  EXPECT_GT(first.size(), 100000u);
  EXPECT_EQ(first, second);
}

TEST_F(CheckpointTest, AnotherRunsCheckpointIsRefused) {
  Scenario scenario = SmallDefault();
  scenario.days = 3;
  RunAndStop(scenario, 0, 2);
  absl::StatusOr<std::unique_ptr<CheckpointReader>> reader =
      CheckpointReader::Open(path_, kFingerprint + 1);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(reader.status().message(), HasSubstr("belongs to another run"));
}

TEST_F(CheckpointTest, ADamagedOrTruncatedCheckpointIsRefused) {
  Scenario scenario = SmallDefault();
  scenario.days = 3;
  RunAndStop(scenario, 0, 2);
  const auto size = fs::file_size(path_);
  {
    // One byte changed in the middle.
    std::fstream file(path_, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(static_cast<std::streamoff>(size / 2));
    file.put('\x5a' ^ static_cast<char>(size & 0xff));
  }
  absl::StatusOr<std::unique_ptr<CheckpointReader>> changed =
      CheckpointReader::Open(path_, kFingerprint);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(changed.status().message(), HasSubstr("checksum does not match"));

  fs::resize_file(path_, size / 3);
  absl::StatusOr<std::unique_ptr<CheckpointReader>> cut =
      CheckpointReader::Open(path_, kFingerprint);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), absl::StatusCode::kDataLoss);
}

TEST_F(CheckpointTest, NoCheckpointSaysHowToWriteOne) {
  absl::StatusOr<std::unique_ptr<CheckpointReader>> reader =
      CheckpointReader::Open(path_, kFingerprint);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(reader.status().message(), HasSubstr("--checkpoint-every"));
}

// A checkpoint read into a simulation of another city (a caller that skipped the
// fingerprint) is refused by the stages' size checks, not read out of bounds.
TEST_F(CheckpointTest, StateOfAnotherCitySizeIsRefusedOnRestore) {
  Scenario scenario = SmallDefault();
  scenario.days = 3;
  RunAndStop(scenario, 0, 2);
  absl::StatusOr<std::unique_ptr<CheckpointReader>> reader =
      CheckpointReader::Open(path_, kFingerprint);
  ASSERT_TRUE(reader.ok());
  Scenario other = scenario;
  other.world.persons = 9000;
  Simulation simulation(other);
  const absl::Status restored = (*reader)->Restore(&simulation);
  EXPECT_EQ(restored.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(restored.message(), HasSubstr("does not fit this scenario"));
}

}  // namespace
}  // namespace oversight
