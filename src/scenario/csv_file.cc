#include "scenario/csv_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>

namespace oversight {

namespace {

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

CsvRow SplitCommas(std::string_view line) {
  CsvRow fields;
  size_t from = 0;
  for (size_t comma = line.find(','); comma != std::string_view::npos;
       comma = line.find(',', from)) {
    fields.push_back(line.substr(from, comma - from));
    from = comma + 1;
  }
  fields.push_back(line.substr(from));
  return fields;
}

}  // namespace

std::string_view CsvField(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return Trim(text);
}

int CsvColumn(const CsvRow& header, std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (EqualsIgnoreCase(CsvField(header[i]), name)) return static_cast<int>(i);
    }
  }
  return -1;
}

std::optional<double> CsvNumber(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

absl::Status ReadCsvFile(const std::filesystem::path& path,
                         const std::function<std::string(const CsvRow&)>& header,
                         const std::function<std::string(const CsvRow&)>& row) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(fmt::format("cannot read '{}'", path.string()));
  std::string line;
  int64_t number = 0;
  bool seen_header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty()) continue;
    const CsvRow fields = SplitCommas(line);
    const std::string error = seen_header ? row(fields) : header(fields);
    seen_header = true;
    if (!error.empty()) {
      return absl::InvalidArgumentError(fmt::format("{}:{}: {}", path.string(), number, error));
    }
  }
  if (!seen_header) {
    return absl::InvalidArgumentError(
        fmt::format("{}: the file is empty; expected a header line", path.string()));
  }
  return absl::OkStatus();
}

}  // namespace oversight
