// [urn]: the options of model "urn" (Ensign et al.'s Pólya urn; hotspot/urn_experiment.h).
#include <fmt/format.h>

#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadUrn(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("urn");
  if (table == nullptr) {
    if (!ctx.root.Has("urn")) {
      ctx.diagnostics->Error(ctx.root.Position(),
                             "model \"urn\" needs a section [urn] with "
                             "discovered_rate and start");
    }
    return;
  }
  TableReader r(*table, "[urn]", ctx.diagnostics);
  UrnScenarioOptions& urn = ctx.scenario.urn;
  if (r.Has("regions")) {
    const toml::array* names = r.Get("regions")->as_array();
    const bool ok = names != nullptr && names->size() == 2 && (*names)[0].is_string() &&
                    (*names)[1].is_string();
    if (ok) {
      urn.regions = {*(*names)[0].value<std::string>(), *(*names)[1].value<std::string>()};
    } else {
      r.Error("regions", "'regions' must be two names, e.g. [\"top bin\", \"random bin\"]");
    }
  }
  if (r.Require("discovered_rate", "two true daily rates, e.g. [3.68511, 2.35592]")) {
    ReadPair(r, "discovered_rate", 0.0, 1000.0, &urn.discovered_rate);
  }
  ReadPair(r, "reported_rate", 0.0, 1000.0, &urn.reported_rate);
  if (r.Require("start", "two counts of recorded incidents, e.g. [609, 7]")) {
    ReadPair(r, "start", 1.0, 1e9, &urn.start);
  }
  r.Probability("decay", &urn.decay);
  r.Int32("runs", 1, 100'000, &urn.runs);
  size_t correction = 2;
  r.Choice("correction", {"off", "on", "both"}, "correction arm", &correction);
  urn.without_correction = correction != 1;
  urn.with_correction = correction != 0;
  // Update mode, surprise corrections and the final-share threshold.
  size_t updates = static_cast<size_t>(urn.updates);
  r.Choice("updates", {"poisson", "expected"}, "update mode", &updates);
  urn.updates = static_cast<UrnUpdates>(updates);
  size_t surprise = static_cast<size_t>(urn.surprise);
  r.Choice("surprise", {"linear", "partial", "weighted"}, "surprise correction", &surprise);
  urn.surprise = static_cast<UrnSurprise>(surprise);
  ReadPair(r, "surprise_add", 0.0, 1000.0, &urn.surprise_add);
  r.Double("reported_weight", 1e-6, 1.0, &urn.reported_weight);
  r.Probability("threshold", &urn.threshold);
  if (urn.surprise != UrnSurprise::kLinear && !urn.with_correction) {
    r.Error("surprise",
            "'surprise' applies to the corrected arm: set correction = \"on\" or \"both\"");
  }
  r.Finish();
}

}  // namespace oversight
