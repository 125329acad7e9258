#include "scenario/place_model.h"

#include <array>

#include "scenario/attention_reader.h"
#include "scenario/section_readers.h"

namespace oversight {

namespace {

// One line per place model.
constexpr std::array kPlaceModels = {
    PlaceModelSpec{ScenarioModel::kUrn, "urn", ReadUrn},
    PlaceModelSpec{ScenarioModel::kPredpol, "predpol", ReadPredpol},
    PlaceModelSpec{ScenarioModel::kReporting, "reporting", ReadReporting},
    PlaceModelSpec{ScenarioModel::kAttention, "attention", ReadAttention},
};

}  // namespace

std::span<const PlaceModelSpec> PlaceModels() { return kPlaceModels; }

const PlaceModelSpec* FindPlaceModel(ScenarioModel model) {
  for (const PlaceModelSpec& spec : kPlaceModels) {
    if (spec.model == model) return &spec;
  }
  return nullptr;
}

std::vector<std::string> ModelNames() {
  std::vector<std::string> names = {"city"};
  for (const PlaceModelSpec& spec : kPlaceModels) names.emplace_back(spec.name);
  return names;
}

std::string_view ModelName(ScenarioModel model) {
  const PlaceModelSpec* spec = FindPlaceModel(model);
  return spec == nullptr ? "city" : spec->name;
}

}  // namespace oversight
