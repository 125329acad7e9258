#include "scenario/reporting_tables_reader.h"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <string>

#include "scenario/csv_file.h"

namespace oversight {

namespace {

// Limits on untrusted files: far above any city, far below exhausting memory.
constexpr size_t kMaxDistricts = 10'000;
constexpr size_t kMaxCells = 4'000'000;
constexpr int32_t kMaxCoordinate = 100'000;

// Field `column` of `fields` as a number in [min, max], or an error message in *error.
std::optional<double> NumberIn(const CsvRow& fields, int column, std::string_view name, double min,
                               double max, std::string* error) {
  const std::string_view text = CsvField(fields[static_cast<size_t>(column)]);
  const std::optional<double> value = CsvNumber(text);
  if (!value || *value < min || *value > max) {
    *error = fmt::format("expected '{}' from {:g} to {:g}, got '{}'", name, min, max, text);
    return std::nullopt;
  }
  return value;
}

}  // namespace

absl::Status ReadReportingDistricts(const std::filesystem::path& path,
                                    ReportingScenarioOptions* options) {
  int name = -1, victimization = -1, reporting = -1, population = -1;
  std::vector<ReportingDistrict>& districts = options->districts;
  districts.clear();
  std::set<std::string, std::less<>> names;
  auto header = [&](const CsvRow& fields) -> std::string {
    name = CsvColumn(fields, {"district"});
    victimization = CsvColumn(fields, {"victimization_rate"});
    reporting = CsvColumn(fields, {"reporting_rate"});
    population = CsvColumn(fields, {"population"});
    if (name < 0 || victimization < 0 || reporting < 0 || population < 0) {
      return "expected a header line with the columns 'district', 'victimization_rate', "
             "'reporting_rate' and 'population'";
    }
    return "";
  };
  auto row = [&](const CsvRow& fields) -> std::string {
    if (districts.size() >= kMaxDistricts) {
      return fmt::format("more than {} districts", kMaxDistricts);
    }
    ReportingDistrict d;
    d.name = std::string(CsvField(fields[static_cast<size_t>(name)]));
    if (d.name.empty()) return "expected a district name";
    if (!names.insert(d.name).second) return fmt::format("district '{}' is listed twice", d.name);
    std::string error;
    const auto v = NumberIn(fields, victimization, "victimization_rate", 0, 1, &error);
    const auto r = NumberIn(fields, reporting, "reporting_rate", 0, 1, &error);
    const auto p = NumberIn(fields, population, "population", 1, 1e10, &error);
    if (!v || !r || !p) return error;
    d.victimization_rate = *v;
    d.reporting_rate = *r;
    d.population = *p;
    districts.push_back(std::move(d));
    return "";
  };
  if (absl::Status s = ReadCsvFile(path, header, row); !s.ok()) return s;
  if (districts.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: no districts", path.string()));
  }
  return absl::OkStatus();
}

absl::Status ReadReportingCells(const std::filesystem::path& path,
                                ReportingScenarioOptions* options) {
  int x = -1, y = -1, district = -1;
  std::vector<ReportingCell>& cells = options->cells;
  cells.clear();
  std::set<std::pair<int32_t, int32_t>> seen;
  auto header = [&](const CsvRow& fields) -> std::string {
    x = CsvColumn(fields, {"x"});
    y = CsvColumn(fields, {"y"});
    district = CsvColumn(fields, {"district"});
    if (x < 0 || y < 0 || district < 0) {
      return "expected a header line with the columns 'x', 'y' and 'district'";
    }
    return "";
  };
  auto row = [&](const CsvRow& fields) -> std::string {
    if (cells.size() >= kMaxCells) return fmt::format("more than {} cells", kMaxCells);
    std::string error;
    const auto cx = NumberIn(fields, x, "x", -kMaxCoordinate, kMaxCoordinate, &error);
    const auto cy = NumberIn(fields, y, "y", -kMaxCoordinate, kMaxCoordinate, &error);
    if (!cx || !cy) return error;
    if (*cx != static_cast<int32_t>(*cx) || *cy != static_cast<int32_t>(*cy)) {
      return "expected whole numbers in 'x' and 'y' (a cell's upper corner)";
    }
    ReportingCell cell{static_cast<int32_t>(*cx), static_cast<int32_t>(*cy), -1};
    const std::string_view name = CsvField(fields[static_cast<size_t>(district)]);
    for (size_t d = 0; d < options->districts.size(); ++d) {
      if (options->districts[d].name == name) cell.district = static_cast<int32_t>(d);
    }
    if (cell.district < 0) {
      return fmt::format("district '{}' is not in the districts file", name);
    }
    if (!seen.insert({cell.x, cell.y}).second) {
      return fmt::format("cell ({}, {}) is listed twice", cell.x, cell.y);
    }
    cells.push_back(cell);
    return "";
  };
  if (absl::Status s = ReadCsvFile(path, header, row); !s.ok()) return s;
  std::vector<bool> has_cell(options->districts.size(), false);
  for (const ReportingCell& c : cells) has_cell[static_cast<size_t>(c.district)] = true;
  for (size_t d = 0; d < has_cell.size(); ++d) {
    if (!has_cell[d]) {
      return absl::InvalidArgumentError(
          fmt::format("{}: district '{}' has no cell", path.string(), options->districts[d].name));
    }
  }
  return absl::OkStatus();
}

}  // namespace oversight
