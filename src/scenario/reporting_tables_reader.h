// Reading a victim-reporting scenario's input files: the districts with their survey rates,
// and which district each grid cell lies in. Both are CSV with a header line (csv_file.h).
//
// Districts: the columns `district`, `victimization_rate` (per semester, 0 to 1),
// `reporting_rate` (0 to 1) and `population` (> 0). Cells: `x`, `y` (integers, the cell
// (x - 1, x] x (y - 1, y]) and `district` (a name from the districts file). Errors name the
// file and line.
#pragma once

#include <absl/status/status.h>

#include <filesystem>

#include "scenario/reporting_options.h"

namespace oversight {

// Fills options->districts.
absl::Status ReadReportingDistricts(const std::filesystem::path& path,
                                    ReportingScenarioOptions* options);

// Fills options->cells; the districts must have been read.
absl::Status ReadReportingCells(const std::filesystem::path& path,
                                ReportingScenarioOptions* options);

}  // namespace oversight
