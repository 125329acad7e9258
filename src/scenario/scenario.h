// A scenario: everything one run needs, as plain data.
//
// Produced by the loader (scenario/loader.h) from a TOML file or the built-in default;
// each stage reads only its own options. Thread-safety: immutable after loading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "scenario/attention_options.h"
#include "scenario/policy_options.h"
#include "scenario/predpol_options.h"
#include "scenario/reporting_options.h"
#include "scenario/respond_options.h"
#include "scenario/sense_options.h"
#include "scenario/urn_options.h"
#include "scenario/world_options.h"

namespace oversight {

// How the audit judges the run (docs/METRICS.md).
struct AuditOptions {
  // Run a twin of the world with the policy switched off, sharing every random number, so
  // the policy's effect on acts is a difference of two runs of the same lives.
  bool twin = true;
  // Disparities are ratios of a group's rate to this group's (empty: the largest group).
  std::string reference_group;
  // A ratio whose 95% interval lies inside [band_low, band_high] is "within band"; wholly
  // outside, "outside band"; across an edge, "inconclusive".
  double band_low = 0.8;
  double band_high = 1.25;
  // A rate with a denominator below this (in either group) gives "insufficient data".
  int32_t min_cell = 30;
};

// What a scenario simulates: a synthetic city (the default), Ensign et al.'s urn, a
// PredPol forecast on recorded crime (Lum and Isaac), or crime reported at district rates
// and forecast (Akpinar et al.).
enum class ScenarioModel : uint8_t { kCity, kUrn, kPredpol, kReporting, kAttention };

// The model's name in a scenario file.
std::string_view ModelName(ScenarioModel model);

struct Scenario {
  std::string source;  // file path, or "<built-in default>"
  ScenarioModel model = ScenarioModel::kCity;
  std::string name = "unnamed";
  std::string description;
  uint64_t seed = 1;  // all randomness derives from it
  int32_t days = 30;  // days simulated
  WorldOptions world;
  SenseOptions sense;
  PolicyOptions policy;
  RespondOptions respond;
  AuditOptions audit;
  UrnScenarioOptions urn;              // model "urn" only
  PredpolScenarioOptions predpol;      // model "predpol" only
  ReportingScenarioOptions reporting;  // model "reporting" only
  AttentionScenarioOptions attention;  // model "attention" only
};

}  // namespace oversight
