#include "scenario/csv_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <vector>

namespace oversight {

namespace {

constexpr uintmax_t kMaxCsvBytes = uintmax_t{2} << 30;  // 2 GiB
constexpr size_t kMaxLineBytes = 64 * 1024;

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
  // A scenario may name any path: refuse what is not a regular file of bounded size (a
  // device such as /dev/zero, a FIFO, a folder), and lines longer than any table has.
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    return absl::NotFoundError(fmt::format("cannot read '{}'", path.string()));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return absl::InvalidArgumentError(
        fmt::format("'{}' is not a regular file; expected a CSV file", path.string()));
  }
  const uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > kMaxCsvBytes) {
    return absl::InvalidArgumentError(
        fmt::format("'{}' is larger than {} GiB; split it", path.string(), kMaxCsvBytes >> 30));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(fmt::format("cannot read '{}'", path.string()));
  std::vector<char> buffer(kMaxLineBytes + 1);
  int64_t number = 0;
  size_t columns = 0;
  bool seen_header = false;
  while (in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()))) {
    ++number;
    std::string_view line(buffer.data(), static_cast<size_t>(in.gcount()) -
                                             (in.eof() ? 0 : 1));  // without the newline
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    const CsvRow fields = SplitCommas(line);
    std::string problem;
    if (!seen_header) {
      columns = fields.size();
      problem = header(fields);
    } else if (fields.size() != columns) {
      problem = fmt::format("expected {} fields as in the header, got {}", columns, fields.size());
    } else {
      problem = row(fields);
    }
    seen_header = true;
    if (!problem.empty()) {
      return absl::InvalidArgumentError(fmt::format("{}:{}: {}", path.string(), number, problem));
    }
  }
  if (in.fail() && !in.eof()) {
    return absl::InvalidArgumentError(fmt::format("{}:{}: a line longer than {} bytes",
                                                  path.string(), number + 1, kMaxLineBytes));
  }
  if (!seen_header) {
    return absl::InvalidArgumentError(
        fmt::format("{}: the file is empty; expected a header line", path.string()));
  }
  return absl::OkStatus();
}

}  // namespace oversight
