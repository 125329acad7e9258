#include "scenario/crime_records_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "scenario/csv_file.h"

namespace oversight {

namespace {

// Limits on untrusted files: far above any city's records, far below exhausting memory.
constexpr int64_t kMaxRecords = 50'000'000;
constexpr int32_t kMaxBin = 10'000'000;

// A bin number from 1 to kMaxBin; nullopt for anything else.
std::optional<int32_t> Bin(std::string_view text) {
  const std::optional<double> value = CsvNumber(text);
  if (!value || *value < 1 || *value > kMaxBin || *value != static_cast<int32_t>(*value)) {
    return std::nullopt;
  }
  return static_cast<int32_t>(*value);
}

}  // namespace

absl::Status ReadCrimeRecords(const std::filesystem::path& path, PredpolScenarioOptions* options) {
  int bin_column = -1, date_column = -1;
  std::vector<CrimeRecord>& records = options->records;
  records.clear();
  options->records_without_bin = 0;
  auto header = [&](const CsvRow& fields) -> std::string {
    bin_column = CsvColumn(fields, {"bin"});
    date_column = CsvColumn(fields, {"OCCURRED", "date"});
    if (bin_column < 0 || date_column < 0) {
      return "expected a header line with the columns 'bin' and 'OCCURRED' (or 'date')";
    }
    return "";
  };
  auto row = [&](const CsvRow& fields) -> std::string {
    const std::string_view date_text = CsvField(fields[static_cast<size_t>(date_column)]);
    const std::optional<CivilDay> day = ParseCivilDay(date_text);
    if (!day) {
      return fmt::format("expected a date such as 2011-01-08 or 01/08/11, got '{}'", date_text);
    }
    const std::string_view bin_text = CsvField(fields[static_cast<size_t>(bin_column)]);
    if (bin_text.empty() || bin_text == "NA") {
      ++options->records_without_bin;
      return "";
    }
    const std::optional<int32_t> bin = Bin(bin_text);
    if (!bin) return fmt::format("expected a bin number from 1 to {}, got '{}'", kMaxBin, bin_text);
    if (static_cast<int64_t>(records.size()) >= kMaxRecords) {
      return fmt::format("more than {} records; split the file", kMaxRecords);
    }
    records.push_back(CrimeRecord{*day, *bin});
    return "";
  };
  if (absl::Status s = ReadCsvFile(path, header, row); !s.ok()) return s;
  if (records.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: no records with a bin", path.string()));
  }
  std::sort(records.begin(), records.end(), [](const CrimeRecord& a, const CrimeRecord& b) {
    return a.day != b.day ? a.day < b.day : a.bin < b.bin;
  });
  for (const CrimeRecord& r : records) options->bins = std::max(options->bins, r.bin);
  return absl::OkStatus();
}

absl::Status ReadBinCentres(const std::filesystem::path& path, PredpolScenarioOptions* options) {
  int bin_column = -1, x_column = -1, y_column = -1;
  std::vector<std::pair<int32_t, BinCentre>> rows;
  auto header = [&](const CsvRow& fields) -> std::string {
    bin_column = CsvColumn(fields, {"bin"});
    x_column = CsvColumn(fields, {"x"});
    y_column = CsvColumn(fields, {"y"});
    if (bin_column < 0 || x_column < 0 || y_column < 0) {
      return "expected a header line with the columns 'bin', 'x' and 'y'";
    }
    return "";
  };
  auto row = [&](const CsvRow& fields) -> std::string {
    const std::string_view bin_text = CsvField(fields[static_cast<size_t>(bin_column)]);
    const std::optional<int32_t> bin = Bin(bin_text);
    if (!bin) return fmt::format("expected a bin number from 1 to {}, got '{}'", kMaxBin, bin_text);
    const std::optional<double> x = CsvNumber(CsvField(fields[static_cast<size_t>(x_column)]));
    const std::optional<double> y = CsvNumber(CsvField(fields[static_cast<size_t>(y_column)]));
    if (!x || !y) return "expected numbers in the columns 'x' and 'y'";
    rows.push_back({*bin, BinCentre{*x, *y}});
    return "";
  };
  if (absl::Status s = ReadCsvFile(path, header, row); !s.ok()) return s;
  int32_t largest = options->bins;
  for (const auto& [bin, centre] : rows) largest = std::max(largest, bin);
  options->bins = largest;
  options->centres.assign(static_cast<size_t>(largest), BinCentre{});
  std::vector<bool> seen(static_cast<size_t>(largest), false);
  for (const auto& [bin, centre] : rows) {
    const auto i = static_cast<size_t>(bin - 1);
    if (seen[i]) {
      return absl::InvalidArgumentError(
          fmt::format("{}: bin {} is listed twice", path.string(), bin));
    }
    seen[i] = true;
    options->centres[i] = centre;
  }
  return absl::OkStatus();
}

}  // namespace oversight
