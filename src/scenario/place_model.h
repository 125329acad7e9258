// The place models: what a scenario simulates instead of a city of persons
// (`[scenario] model = "urn" | "predpol" | "reporting"`), each with one section of its
// own options (`[urn]`, ...).
//
// This is the scenario side of a place model: its name and the reader of its section,
// registered once in place_model.cc (one line per model). The side that runs it, writes
// its outputs and estimates its memory is sim/place_model_runner.h, keyed by the same
// ScenarioModel. src/README.md, "How to add a place model", lists the files a new one
// touches. Thread-safety: the registry is immutable.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.h"

namespace oversight {

struct SectionContext;

struct PlaceModelSpec {
  ScenarioModel model;
  // `[scenario] model = name`; also the name of the model's own section, the only other
  // section its files may have.
  std::string_view name;
  // Reads the section into ctx.scenario (its own options field), reporting a missing
  // section and every bad key to ctx.diagnostics.
  void (*read)(SectionContext& ctx);
};

// Every place model, in the order `model` lists them in messages.
std::span<const PlaceModelSpec> PlaceModels();

// The place model `model`, or nullptr for ScenarioModel::kCity (and for a value no model
// registered).
const PlaceModelSpec* FindPlaceModel(ScenarioModel model);

// "city" then each place model's name: the values `[scenario] model` accepts.
std::vector<std::string> ModelNames();

}  // namespace oversight
