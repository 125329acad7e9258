// The outputs of a PredPol scenario (`[scenario] model = "predpol"`): report.html,
// report.json, predpol_bins.csv, predpol_days.csv (with the targets' share of the predicted
// rate), predpol_targets.csv (every run's targets and their predicted intensity) and
// summary.txt, through an OutputSink (report.json last).
#pragma once

#include <absl/status/status.h>

#include <string>

#include "hotspot/predpol_experiment.h"
#include "report/output_sink.h"
#include "scenario/scenario.h"

namespace oversight {

// What the report says of an arm, computed once from the experiment.
struct PredpolArmFacts {
  double hit_rate = 0;           // records in the day's targeted bins / all records
  double own_hit_rate = 0;       // the same, counting only records targeting did not add
  double concentration = 0;      // share of bin-days on the `top` most targeted bins
  double top_records_share = 0;  // share of the records in those bins
  int32_t busiest_bin = 0;       // the bin targeted most often (1-based)
  double busiest_days = 0;       // ... on how many days
  double records = 0;            // records in the forecast period (added ones included)
};

PredpolArmFacts FactsOf(const PredpolExperiment& experiment, const PredpolArm& arm);

std::string PredpolSummary(const Scenario& scenario, const PredpolExperiment& experiment);

absl::Status WritePredpolReport(const Scenario& scenario, const PredpolExperiment& experiment,
                                std::string_view version, OutputSink* sink);

}  // namespace oversight
