// [scenario]: what the file simulates (the model), its name, seed, days and persons.
#include <fmt/format.h>

#include "core/limits.h"
#include "scenario/place_model.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadHeader(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("scenario");
  if (table == nullptr) {
    if (!ctx.root.Has("scenario")) {
      ctx.diagnostics->Error(ctx.root.Position(),
                             "missing section [scenario]; expected name, seed, days and persons");
    }
    return;
  }
  TableReader r(*table, "[scenario]", ctx.diagnostics);
  size_t model = 0;  // "city", then the place models in registry order
  r.Choice("model", ModelNames(), "model", &model);
  ctx.scenario.model = model == 0 ? ScenarioModel::kCity : PlaceModels()[model - 1].model;
  if (ctx.scenario.model != ScenarioModel::kCity && r.Has("persons")) {
    r.Touch("persons");
    r.Error("persons", fmt::format("'persons' does not apply to model \"{}\" (it has places, "
                                   "not persons)",
                                   ModelName(ctx.scenario.model)));
  }
  size_t city = 0;
  r.Choice("city", {"default"}, "city to start from", &city);  // see InheritDefaultCity
  size_t apparatus = 0;
  r.Choice("apparatus", {"default"}, "apparatus to install", &apparatus);  // ditto
  r.String("name", &ctx.scenario.name);
  r.String("description", &ctx.scenario.description);
  int64_t seed = static_cast<int64_t>(ctx.scenario.seed);
  r.Integer("seed", 0, INT64_MAX, &seed);
  ctx.scenario.seed = static_cast<uint64_t>(seed);
  r.Int32("days", 1, kMaxDays, &ctx.scenario.days);
  int64_t persons = ctx.scenario.world.persons;
  r.Integer("persons", 1, kMaxPersons, &persons);
  ctx.scenario.world.persons = static_cast<uint32_t>(persons);
  r.Finish();
}

}  // namespace oversight
