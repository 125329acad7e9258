// Reading a PredPol scenario's input files: recorded incidents by grid bin and date, and
// the bins' centres. Both are CSV with a header line.
//
// Records: the columns `bin` (an integer from 1; empty or NA when the record has no bin,
// which is counted and left out) and `OCCURRED` or `date` (2011-01-01 or 01/08/11); other
// columns are ignored. Centres: the columns `bin`, `x` and `y`. Quotes around a field are
// dropped; a field may not contain a comma. Errors name the file and line.
#pragma once

#include <absl/status/status.h>

#include <filesystem>

#include "scenario/predpol_options.h"

namespace oversight {

// Fills options->records, records_without_bin and bins (the largest bin seen).
absl::Status ReadCrimeRecords(const std::filesystem::path& path, PredpolScenarioOptions* options);

// Fills options->centres and raises options->bins to the largest bin listed.
absl::Status ReadBinCentres(const std::filesystem::path& path, PredpolScenarioOptions* options);

}  // namespace oversight
