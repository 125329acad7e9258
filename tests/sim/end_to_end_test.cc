// End-to-end tests as data: each tests/sim/e2e/<case>.toml runs through the whole pipeline
// and its report.json must hold the values listed in <case>.expect (hand-computed in the
// scenario's header comment).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/output_sink.h"
#include "report/report_writer.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& entry :
       fs::directory_iterator(fs::path(OVERSIGHT_SOURCE_DIR) / "tests/sim/e2e")) {
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class EndToEndTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EndToEndTest, ReportMatchesHandComputedExpectations) {
  const fs::path dir = fs::path(OVERSIGHT_SOURCE_DIR) / "tests/sim/e2e";
  const fs::path toml = dir / (GetParam() + ".toml");
  absl::StatusOr<Scenario> scenario = LoadScenarioText(Slurp(toml), toml.string());
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  RunOptions options;
  options.threads = 2;
  absl::StatusOr<RunOutput> run = RunScenario(*scenario, options);
  ASSERT_TRUE(run.ok()) << run.status().message();
  MemoryOutput out;
  ASSERT_TRUE(WriteReport(*scenario, run->facts, run->audit, &out).ok());
  const auto report = nlohmann::json::parse(out.files().at("report.json"));

  std::istringstream expectations(Slurp(dir / (GetParam() + ".expect")));
  std::string line;
  int checked = 0;
  while (std::getline(expectations, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string pointer, expected;
    fields >> pointer >> expected;
    const nlohmann::json::json_pointer at(pointer);
    ASSERT_TRUE(report.contains(at)) << pointer << " is missing from report.json";
    EXPECT_EQ(report.at(at).dump(), expected) << pointer;
    ++checked;
  }
  EXPECT_GT(checked, 0) << "no expectations in " << GetParam() << ".expect";
}

INSTANTIATE_TEST_SUITE_P(Scenarios, EndToEndTest, ::testing::ValuesIn(Cases()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace oversight
