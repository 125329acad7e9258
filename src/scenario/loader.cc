// Design: the driver of the section readers (section_readers.h, one file per group of
// sections; the place models' through their registry, place_model.h), each driving a
// TableReader over its table; sections that others refer to (groups, districts, lists)
// are read first so references can be checked with "did you mean" suggestions. The
// loader never stops at the first problem. Cross-field checks (shares summing to one,
// rules that could never fire) come after the per-key checks of their table.
#include "scenario/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <optional>
#include <set>
#include <span>

#include "core/sim_time.h"
#include "scenario/place_model.h"
#include "scenario/population_reader.h"
#include "scenario/rules_reader.h"
#include "scenario/scores_reader.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

namespace {

class Loader {
 public:
  Loader(const toml::table& root, Diagnostics* diagnostics)
      : root_(root, "the top level", diagnostics),
        root_table_(root),
        diagnostics_(diagnostics),
        ctx_{root_, root, diagnostics, scenario_, {}, {}} {}

  Scenario Load() {
    ReadHeader(ctx_);
    if (scenario_.model != ScenarioModel::kCity) {
      ReadPlaceModel();
      root_.Finish();
      return std::move(scenario_);
    }
    ReadCitySections();
    ReadLists(ctx_);
    ReadRules(ctx_);
    ReadScores(ctx_);
    ReadRedList(ctx_);
    ReadPolice(ctx_);
    ReadPatrols(ctx_);
    ReadAudit(ctx_);
    root_.Finish();
    return std::move(scenario_);
  }

 private:
  // The place model's own section; any other section but [scenario] is an error.
  void ReadPlaceModel() {
    const PlaceModelSpec* spec = FindPlaceModel(scenario_.model);
    // ReadHeader chooses among the registered models only.
    assert(spec != nullptr);
    if (spec == nullptr) {
      diagnostics_->Error(root_.PositionOf("scenario"),
                          fmt::format("[scenario] model is not a registered model; the models "
                                      "are {}",
                                      Quoted(ModelNames())));
      return;
    }
    spec->read(ctx_);
    const std::string_view section = spec->name;
    for (const auto& [key, node] : root_table_) {
      if (key.str() == "scenario" || key.str() == section) continue;
      root_.Touch(key.str());
      root_.Error(key.str(), fmt::format("section [{0}] does not apply to model \"{1}\" (it "
                                         "has only [scenario] and [{1}])",
                                         key.str(), section));
    }
  }

  // The sections that describe the city, its people and what senses them.
  void ReadCitySections() {
    ReadGroups(ctx_);
    ReadDistricts(ctx_);
    ReadCity(ctx_);
    ReadPopulation(&root_, ctx_.group_names, diagnostics_, &scenario_.world.population);
    ReadTies(ctx_);
    ReadPhones(ctx_);
    ReadPurchases(ctx_);
    ReadUtilities(ctx_);
    ReadVehicles(ctx_);
    ReadLawful(ctx_);
    ReadEvasion(ctx_);
    ReadDeterrence(ctx_);
    ReadLife(ctx_);
    ReadCalendar(ctx_);
    ReadCameras(ctx_);
    ReadRecognition(ctx_);
    ReadRecords(ctx_);
  }

  TableReader root_;
  const toml::table& root_table_;
  Diagnostics* diagnostics_;
  Scenario scenario_;
  SectionContext ctx_;
};

// Sections of the built-in default a file can take with `apparatus = "default"`.
constexpr std::array<std::string_view, 6> kApparatusSections = {"lists",    "rules",  "scores",
                                                                "red_list", "police", "patrols"};
// Sections a file never takes from the default: what it runs and how it is audited (and
// any place model's section).
constexpr std::array<std::string_view, 2> kOwnSections = {"scenario", "audit"};

bool OneOf(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsOwnSection(std::string_view name) {
  if (OneOf(name, kOwnSections)) return true;
  for (const PlaceModelSpec& spec : PlaceModels()) {
    if (spec.name == name) return true;
  }
  return false;
}

}  // namespace

// With `[scenario] city = "default"`, copies into `root` every section of the built-in
// default city that describes the city (population, places, life, sensors, ...) and that
// `root` does not set itself; with `apparatus = "default"`, every section that describes
// the apparatus likewise. A section the file sets replaces the default's whole.
void InheritDefaultCity(toml::table* root, Diagnostics* diagnostics) {
  const toml::table* header = (*root)["scenario"].as_table();
  if (header == nullptr) return;
  const bool city = (*header)["city"].value<std::string_view>() == "default";
  const bool apparatus = (*header)["apparatus"].value<std::string_view>() == "default";
  if (!city && !apparatus) return;
  // Problems in the sections taken from the default city (say, its districts naming
  // groups this file redefined) are reported at `city` (or `apparatus`), saying where they
  // come from.
  const char* const key_name = city ? "city" : "apparatus";
  diagnostics->SetPositionForUnpositioned(
      PositionOf(*header->get(key_name)),
      fmt::format(" (in a section taken from the default city by {} = \"default\"; write "
                  "that section in this file to replace it)",
                  key_name));
  const toml::table base = toml::parse(DefaultScenarioText(), kBuiltInSource);
  for (const auto& [key, node] : base) {
    const std::string_view name = key.str();
    const bool wanted = OneOf(name, kApparatusSections) ? apparatus
                        : IsOwnSection(name)            ? false
                                                        : city;
    if (!wanted || root->contains(name)) continue;
    root->insert(key, node);
  }
}

Scenario ParseScenario(std::string_view text, Diagnostics* diagnostics) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(diagnostics->file()));
  } catch (const toml::parse_error& error) {
    const toml::source_position begin = error.source().begin;
    diagnostics->Error({static_cast<int>(begin.line), static_cast<int>(begin.column)},
                       fmt::format("TOML syntax: {}", error.description()));
    return Scenario{};
  }
  InheritDefaultCity(&root, diagnostics);
  Scenario scenario = Loader(root, diagnostics).Load();
  scenario.source = diagnostics->file();
  return scenario;
}

absl::StatusOr<Scenario> LoadScenarioText(std::string_view text, std::string_view source) {
  Diagnostics diagnostics{std::string(source)};
  Scenario scenario = ParseScenario(text, &diagnostics);
  if (!diagnostics.empty()) return diagnostics.ToStatus();
  return scenario;
}

Scenario DefaultScenario() {
  absl::StatusOr<Scenario> scenario = LoadScenarioText(DefaultScenarioText(), kBuiltInSource);
  // The embedded text is checked by tests/scenario/loader_test.cc; failing here is a build bug.
  if (!scenario.ok()) std::abort();
  return *std::move(scenario);
}

}  // namespace oversight
