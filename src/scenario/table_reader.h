// Schema-checked reading of one TOML table.
//
// A TableReader wraps a table of a scenario file and reads the keys the schema knows,
// checking type and range and recording every problem in a Diagnostics with the key's
// line and column. Finish() then reports each key nobody asked for as unknown, with a
// "did you mean" suggestion among the known keys. A key that is absent keeps the
// caller's default. Thread-safety: not thread-safe; the table must outlive the reader.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace oversight {

SourcePosition PositionOf(const toml::node& node);

class TableReader {
 public:
  // `context` names the table in messages, e.g. "[scenario]" or "[[rules]] 'near_school'".
  TableReader(const toml::table& table, std::string context, Diagnostics* diagnostics);

  bool Has(std::string_view key) const { return table_.contains(key); }
  const std::string& context() const { return context_; }
  SourcePosition Position() const { return oversight::PositionOf(table_); }
  // The position of `key`'s value, or of the table when the key is absent.
  SourcePosition PositionOf(std::string_view key) const;

  // Reports "missing key" when absent. Returns whether it is present.
  bool Require(std::string_view key, std::string_view expected);

  // Scalars. Each marks the key as known; on a wrong type or range it reports and leaves
  // *out unchanged. Doubles accept integer literals.
  void Integer(std::string_view key, int64_t min, int64_t max, int64_t* out);
  void Int32(std::string_view key, int32_t min, int32_t max, int32_t* out);
  void Double(std::string_view key, double min, double max, double* out);
  void Probability(std::string_view key, double* out) { Double(key, 0.0, 1.0, out); }
  void String(std::string_view key, std::string* out);
  void Bool(std::string_view key, bool* out);

  // A value that must be one of `names`; *out gets its index.
  void Choice(std::string_view key, const std::vector<std::string>& names, std::string_view what,
              size_t* out);

  // An inline table mapping names to numbers in [min, max], e.g. { hotel = 0.8 }.
  // Each name must be one of `names` (an unknown one is reported with a suggestion);
  // `set(index, value)` is called for each valid entry.
  void NumberMap(std::string_view key, const std::vector<std::string>& names, std::string_view what,
                 double min, double max, const std::function<void(size_t, double)>& set);

  // An array of strings (or a single string), each one of `names`; `add(index)` is called
  // for each.
  void ChoiceArray(std::string_view key, const std::vector<std::string>& names,
                   std::string_view what, const std::function<void(size_t)>& add);

  // Sub-tables and arrays of tables; nullptr when absent (or wrong type, reported).
  const toml::table* Table(std::string_view key);
  const toml::array* ArrayOfTables(std::string_view key);

  // Marks `key` as known without reading it.
  void Touch(std::string_view key) { Get(key); }

  // Reports an error at `key` (or at the table when absent).
  void Error(std::string_view key, std::string message);

  // Reports every key that no reader call asked for.
  void Finish();

  // The value of `key` (marked known), or nullptr when absent.
  const toml::node* Get(std::string_view key);

 private:
  // Index of `name` in `names`; reports an unknown name (with a suggestion) at `at` and
  // returns names.size().
  size_t ResolveName(std::string_view key, std::string_view name,
                     const std::vector<std::string>& names, std::string_view what,
                     SourcePosition at);

  const toml::table& table_;
  std::string context_;
  Diagnostics* diagnostics_;
  std::vector<std::string> known_;
};

// Human-readable name of a TOML value's type, with its article ("an integer", "a string").
std::string_view TypeName(const toml::node& node);

}  // namespace oversight
