#include "fuzz_bodies.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {

namespace {

// 30 days as written (so that month-long rules are accepted), run for 2.
constexpr std::string_view kCity =
    "[scenario]\nname = \"fuzz\"\ncity = \"default\"\nseed = 1\ndays = 30\npersons = 200\n";

// Inputs are read as if they were a file in scenarios/, so that the shipped scenarios'
// data paths resolve.
const std::string& FileName() {
  static const std::string name = std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/fuzz.toml";
  return name;
}

std::string_view Text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace

bool FuzzScenarioLoader(const uint8_t* data, size_t size) {
  Diagnostics diagnostics(FileName());
  const Scenario scenario = ParseScenario(Text(data, size), &diagnostics);
  // Whatever was read must describe itself without trouble.
  (void)ModelName(scenario.model);
  (void)diagnostics.ToString();
  return diagnostics.empty();
}

bool FuzzRuleCompiler(const uint8_t* data, size_t size) {
  std::string text(kCity);
  text.append(Text(data, size));
  Diagnostics diagnostics(FileName());
  Scenario scenario = ParseScenario(text, &diagnostics);
  if (!diagnostics.empty() || scenario.model != ScenarioModel::kCity) return false;
  // Small and short, whatever the input asked for: the rules are what is under test.
  scenario.world.persons = std::min<uint32_t>(scenario.world.persons, 200);
  scenario.days = std::min(scenario.days, 2);
  scenario.audit.twin = false;
  RunOptions options;
  options.threads = 1;
  return RunScenario(scenario, options).ok();
}

}  // namespace oversight
