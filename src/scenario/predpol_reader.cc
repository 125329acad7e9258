// [predpol]: the options of model "predpol" (a PredPol forecast on recorded crime;
// hotspot/predpol_experiment.h), with the records file it names.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/sim_time.h"
#include "scenario/crime_records_reader.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadPredpol(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("predpol");
  if (table == nullptr) {
    if (!ctx.root.Has("predpol")) {
      ctx.diagnostics->Error(ctx.root.Position(),
                             "model \"predpol\" needs a section [predpol] with "
                             "records and first_day");
    }
    return;
  }
  TableReader r(*table, "[predpol]", ctx.diagnostics);
  PredpolScenarioOptions& p = ctx.scenario.predpol;
  if (r.Require("records",
                "a CSV file of recorded incidents by bin and date, relative to "
                "this file")) {
    std::string path;
    r.String("records", &path);
    p.records_path = ResolvePath(ctx, path).string();
    if (absl::Status s = ReadCrimeRecords(p.records_path, &p); !s.ok()) {
      r.Error("records", fmt::format("cannot use 'records': {}", std::string(s.message())));
    }
  }
  if (r.Has("bins")) {
    std::string path;
    r.String("bins", &path);
    p.bins_path = ResolvePath(ctx, path).string();
    if (absl::Status s = ReadBinCentres(p.bins_path, &p); !s.ok()) {
      r.Error("bins", fmt::format("cannot use 'bins': {}", std::string(s.message())));
    }
  }
  if (r.Require("first_day", "the first day to forecast, e.g. \"2011-01-01\"")) {
    std::string text;
    r.String("first_day", &text);
    const std::optional<CivilDay> day = ParseCivilDay(text);
    if (day) {
      p.first_day = *day;
    } else {
      r.Error("first_day", fmt::format("'first_day' must be a date such as \"2011-01-01\", "
                                       "got \"{}\"",
                                       text));
    }
  }
  r.Int32("window_days", 1, 3650, &p.window_days);
  r.Int32("top", 1, 100'000, &p.top);
  r.Probability("added_share", &p.added_share);
  r.Int32("runs", 1, 10'000, &p.runs);
  size_t feedback = 2;
  r.Choice("feedback", {"off", "on", "both"}, "feedback arm", &feedback);
  p.without_feedback = feedback != 1;
  p.with_feedback = feedback != 0;
  // The ranker and the EM stopping rule.
  size_t ranker = static_cast<size_t>(p.ranker);
  r.Choice("ranker", {"sepp", "counts"}, "ranker", &ranker);
  p.ranker = static_cast<PredpolRanker>(ranker);
  size_t stop = p.stop_any ? 0 : 1;
  r.Choice("stop", {"any", "all"}, "EM stopping rule", &stop);
  p.stop_any = stop == 0;
  if (!p.records.empty()) {
    if (p.top > p.bins) {
      r.Error("top", fmt::format("'top' ({}) is more than the {} bins", p.top, p.bins));
    }
    const CivilDay from = p.first_day - p.window_days;
    const bool covered = std::any_of(p.records.begin(), p.records.end(), [&](const CrimeRecord& c) {
      return c.day >= from && c.day < p.first_day;
    });
    if (!covered && r.Has("first_day")) {
      r.Error(
          "first_day",
          fmt::format("no records in the {} days before {}: the records run from {} to {}",
                      p.window_days, FormatCivilDay(p.first_day),
                      FormatCivilDay(p.records.front().day), FormatCivilDay(p.records.back().day)));
    }
  }
  r.Finish();
}

}  // namespace oversight
