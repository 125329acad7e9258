#include "scenario/crime_records_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace oversight {

namespace {

// Limits on untrusted files: far above any city's records, far below exhausting memory.
constexpr int64_t kMaxRecords = 50'000'000;
constexpr int32_t kMaxBin = 10'000'000;

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// A field without surrounding spaces and quotes.
std::string_view Field(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return Trim(text);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::vector<std::string_view> SplitCommas(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t from = 0;
  for (size_t comma = line.find(','); comma != std::string_view::npos;
       comma = line.find(',', from)) {
    fields.push_back(line.substr(from, comma - from));
    from = comma + 1;
  }
  fields.push_back(line.substr(from));
  return fields;
}

// The index of the first of `names` in `header` (case-insensitive), or -1.
int ColumnOf(const std::vector<std::string_view>& header,
             std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (EqualsIgnoreCase(Field(header[i]), name)) return static_cast<int>(i);
    }
  }
  return -1;
}

std::optional<double> Number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A bin number from 1 to kMaxBin; nullopt for anything else.
std::optional<int32_t> Bin(std::string_view text) {
  const std::optional<double> value = Number(text);
  if (!value || *value < 1 || *value > kMaxBin || *value != static_cast<int32_t>(*value)) {
    return std::nullopt;
  }
  return static_cast<int32_t>(*value);
}

// Reads `path` line by line: the header to `header`, then each row to `row`, which returns
// an error message ("" for none). Errors carry "file:line: ".
absl::Status ReadCsv(const std::filesystem::path& path,
                     const std::function<std::string(const std::vector<std::string_view>&)>& header,
                     const std::function<std::string(const std::vector<std::string_view>&)>& row) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(fmt::format("cannot read '{}'", path.string()));
  std::string line;
  int64_t number = 0;
  bool seen_header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty()) continue;
    const std::vector<std::string_view> fields = SplitCommas(line);
    const std::string error = seen_header ? row(fields) : header(fields);
    seen_header = true;
    if (!error.empty()) {
      return absl::InvalidArgumentError(fmt::format("{}:{}: {}", path.string(), number, error));
    }
  }
  if (!seen_header) {
    return absl::InvalidArgumentError(
        fmt::format("{}: the file is empty; expected a header "
                    "line",
                    path.string()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadCrimeRecords(const std::filesystem::path& path, PredpolScenarioOptions* options) {
  int bin_column = -1, date_column = -1;
  size_t columns = 0;
  std::vector<CrimeRecord>& records = options->records;
  records.clear();
  options->records_without_bin = 0;
  auto header = [&](const std::vector<std::string_view>& fields) -> std::string {
    columns = fields.size();
    bin_column = ColumnOf(fields, {"bin"});
    date_column = ColumnOf(fields, {"OCCURRED", "date"});
    if (bin_column < 0 || date_column < 0) {
      return "expected a header line with the columns 'bin' and 'OCCURRED' (or 'date')";
    }
    return "";
  };
  auto row = [&](const std::vector<std::string_view>& fields) -> std::string {
    if (fields.size() != columns) {
      return fmt::format("expected {} fields as in the header, got {}", columns, fields.size());
    }
    const std::string_view date_text = Field(fields[static_cast<size_t>(date_column)]);
    const std::optional<CivilDay> day = ParseCivilDay(date_text);
    if (!day) {
      return fmt::format("expected a date such as 2011-01-08 or 01/08/11, got '{}'", date_text);
    }
    const std::string_view bin_text = Field(fields[static_cast<size_t>(bin_column)]);
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
  if (absl::Status s = ReadCsv(path, header, row); !s.ok()) return s;
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
  size_t columns = 0;
  std::vector<std::pair<int32_t, BinCentre>> rows;
  auto header = [&](const std::vector<std::string_view>& fields) -> std::string {
    columns = fields.size();
    bin_column = ColumnOf(fields, {"bin"});
    x_column = ColumnOf(fields, {"x"});
    y_column = ColumnOf(fields, {"y"});
    if (bin_column < 0 || x_column < 0 || y_column < 0) {
      return "expected a header line with the columns 'bin', 'x' and 'y'";
    }
    return "";
  };
  auto row = [&](const std::vector<std::string_view>& fields) -> std::string {
    if (fields.size() != columns) {
      return fmt::format("expected {} fields as in the header, got {}", columns, fields.size());
    }
    const std::string_view bin_text = Field(fields[static_cast<size_t>(bin_column)]);
    const std::optional<int32_t> bin = Bin(bin_text);
    if (!bin) return fmt::format("expected a bin number from 1 to {}, got '{}'", kMaxBin, bin_text);
    const std::optional<double> x = Number(Field(fields[static_cast<size_t>(x_column)]));
    const std::optional<double> y = Number(Field(fields[static_cast<size_t>(y_column)]));
    if (!x || !y) return "expected numbers in the columns 'x' and 'y'";
    rows.push_back({*bin, BinCentre{*x, *y}});
    return "";
  };
  if (absl::Status s = ReadCsv(path, header, row); !s.ok()) return s;
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
