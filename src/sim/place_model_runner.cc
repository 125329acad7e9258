#include "sim/place_model_runner.h"

#include <array>

namespace oversight {

namespace {

// One line per place model.
constexpr std::array kRunners = {
    &kUrnRunner,
    &kPredpolRunner,
    &kReportingRunner,
    &kAttentionRunner,
};

}  // namespace

std::span<const PlaceModelRunner* const> PlaceModelRunners() { return kRunners; }

const PlaceModelRunner* FindPlaceModelRunner(ScenarioModel model) {
  for (const PlaceModelRunner* runner : kRunners) {
    if (runner->model == model) return runner;
  }
  return nullptr;
}

std::string RunnableModelNames() {
  std::string names;
  for (const PlaceModelRunner* runner : kRunners) {
    if (!names.empty()) names += ", ";
    names += "'" + std::string(ModelName(runner->model)) + "'";
  }
  return names;
}

}  // namespace oversight
