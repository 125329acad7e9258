// Loading and validating scenario files.
//
// A scenario is a TOML file (format: docs/SCENARIOS.md). Loading checks every key: unknown
// keys (with a suggestion), wrong types, values out of range and references to groups,
// districts, lists or place types that do not exist. All problems are reported together,
// each as "file:line:column: error: ...". Thread-safety: the functions are reentrant.
#pragma once

#include <absl/status/statusor.h>

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "scenario/scenario.h"

namespace oversight {

// The name under which the embedded default scenario reports its errors.
inline constexpr std::string_view kBuiltInSource = "<built-in default>";

// The text of the built-in default city (scenarios/default.toml, embedded at build time).
std::string_view DefaultScenarioText();

// Parses and validates `text`; `source` names it in messages (normally the file path).
// On failure the status message lists every problem, one per line.
absl::StatusOr<Scenario> LoadScenarioText(std::string_view text, std::string_view source);

// As above, but fills `diagnostics` instead of returning them in a status; returns the
// scenario read so far (meaningful only when diagnostics is empty).
Scenario ParseScenario(std::string_view text, Diagnostics* diagnostics);

// The built-in default scenario. Never fails (a test guards the embedded text).
Scenario DefaultScenario();

}  // namespace oversight
