// Reading the CSV inputs of the place models (crime records, bins, districts, cells): a
// header line, then rows; fields split at commas (a field may not contain one), surrounding
// spaces and double quotes dropped; blank lines skipped. Errors carry "file:line: ".
// Thread-safety: pure functions.
#pragma once

#include <absl/status/status.h>

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

// A row's fields, as split (not yet trimmed: see CsvField).
using CsvRow = std::vector<std::string_view>;

// `text` without surrounding spaces and double quotes.
std::string_view CsvField(std::string_view text);

// The index of the first of `names` among `header`'s fields (case-insensitive), or -1.
int CsvColumn(const CsvRow& header, std::initializer_list<std::string_view> names);

// `text` as a number, or nullopt unless all of it is one.
std::optional<double> CsvNumber(std::string_view text);

// Reads `path`: `header` gets the first non-blank line, `row` each later one with as many
// fields as the header (a row with another count is an error); each returns an error
// message, "" for none. The first error stops the reading. An empty file is an
// error; so is a missing one (NotFound), anything but a regular file (a device, a FIFO, a
// folder), a file over 2 GiB and a line over 64 KiB.
absl::Status ReadCsvFile(const std::filesystem::path& path,
                         const std::function<std::string(const CsvRow&)>& header,
                         const std::function<std::string(const CsvRow&)>& row);

}  // namespace oversight
