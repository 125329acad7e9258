// A scenario: everything one run needs, as plain data.
//
// Produced by the loader (scenario/loader.h) from a TOML file or the built-in default;
// each stage reads only its own options. Thread-safety: immutable after loading.
#pragma once

#include <cstdint>
#include <string>

#include "scenario/policy_options.h"
#include "scenario/respond_options.h"
#include "scenario/sense_options.h"
#include "scenario/world_options.h"

namespace oversight {

struct Scenario {
  std::string source;       // file path, or "<built-in default>"
  std::string name = "unnamed";
  std::string description;
  uint64_t seed = 1;        // all randomness derives from it
  int32_t days = 30;        // days simulated
  WorldOptions world;
  SenseOptions sense;
  PolicyOptions policy;
  RespondOptions respond;
  // Run a twin of the world with the policy switched off, sharing every random number, so
  // the policy's effect on acts is a difference of two runs of the same lives.
  bool twin = true;
};

}  // namespace oversight
