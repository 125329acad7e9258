// Options of a PredPol scenario (`[scenario] model = "predpol"`): a self-exciting
// point-process forecast of recorded crime by grid bin, refitted each day on a sliding
// window, as Lum and Isaac ran it on Oakland's drug-crime records (hotspot/sepp.h,
// hotspot/predpol_experiment.h).
//
// The records are public counts of incidents by place and date: a grid bin and a day per
// record, nothing about any person. The loader reads them with the scenario so that a bad
// file is reported before anything runs.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/civil_date.h"

namespace oversight {

// One recorded incident: where (a grid bin, numbered from 1) and when.
struct CrimeRecord {
  CivilDay day = 0;
  int32_t bin = 0;
};

// A bin's centre, for maps (longitude and latitude, or any x and y); NaN when the bins file
// does not list the bin.
struct BinCentre {
  double x = std::numeric_limits<double>::quiet_NaN();
  double y = std::numeric_limits<double>::quiet_NaN();

  bool known() const { return !std::isnan(x) && !std::isnan(y); }
};

// What ranks the bins each day: the fitted self-exciting model's intensity, or (a control)
// each bin's count of records in the window.
enum class PredpolRanker : uint8_t { kSepp, kCounts };

struct PredpolScenarioOptions {
  std::string records_path;          // as resolved (relative to the scenario's folder)
  std::vector<CrimeRecord> records;  // ordered by day, then bin
  int64_t records_without_bin = 0;   // rows of the file with no bin (left out, counted)
  std::string bins_path;             // optional: the bins' centres
  std::vector<BinCentre> centres;    // centres[b - 1] is bin b's; empty without a bins file
  int32_t bins = 0;                  // bins are 1..bins
  CivilDay first_day = 0;            // the first day forecast
  int32_t window_days = 180;         // each forecast is fitted on the days before it
  int32_t top = 20;                  // bins targeted each day
  double added_share = 0.2;          // feedback: extra records in a targeted bin (see below)
  int32_t runs = 10;                 // runs of the feedback arm (it draws random numbers)
  // The arms: the forecast on the records as they are, and with the feedback of targeting
  // (each targeted bin's day gets Binomial(recorded + 1, added_share) extra records).
  bool without_feedback = true;
  bool with_feedback = true;
  PredpolRanker ranker = PredpolRanker::kSepp;
  // EM stops when any one tolerance is met (Lum and Isaac's code) rather than all of them
  // (the default: the maximum-likelihood fit); hotspot/sepp.h SeppStop.
  bool stop_any = false;
};

}  // namespace oversight
