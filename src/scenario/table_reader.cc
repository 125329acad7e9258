// Design: the reader is driven by the loader's code, so the schema lives in one place (the
// loader) and documentation (docs/SCENARIOS.md) mirrors it key by key. Rejected: a
// separate declarative schema table, which would need its own interpreter for the
// cross-references (groups, districts, lists) that the loader checks anyway.
#include "scenario/table_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "scenario/did_you_mean.h"

namespace oversight {

SourcePosition PositionOf(const toml::node& node) {
  const toml::source_region& source = node.source();
  return SourcePosition{static_cast<int>(source.begin.line), static_cast<int>(source.begin.column)};
}

std::string_view TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

namespace {

std::string Quoted(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

size_t IndexOf(const std::vector<std::string>& names, std::string_view name) {
  return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// The value of an integer or floating-point node; nothing for other types.
std::optional<double> NumberOf(const toml::node& node) {
  if (const auto* f = node.as_floating_point()) return f->get();
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  return std::nullopt;
}

}  // namespace

TableReader::TableReader(const toml::table& table, std::string context, Diagnostics* diagnostics)
    : table_(table), context_(std::move(context)), diagnostics_(diagnostics) {}

SourcePosition TableReader::PositionOf(std::string_view key) const {
  const toml::node* node = table_.get(key);
  return node != nullptr ? oversight::PositionOf(*node) : Position();
}

const toml::node* TableReader::Get(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  return table_.get(key);
}

void TableReader::Error(std::string_view key, std::string message) {
  diagnostics_->Error(PositionOf(key), std::move(message));
}

bool TableReader::Require(std::string_view key, std::string_view expected) {
  if (Get(key) != nullptr) return true;
  diagnostics_->Error(Position(),
                      fmt::format("missing key '{}' in {}; expected {}", key, context_, expected));
  return false;
}

void TableReader::Integer(std::string_view key, int64_t min, int64_t max, int64_t* out) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  const auto* value = node->as_integer();
  if (value == nullptr) {
    Error(key, fmt::format("'{}' in {} must be an integer from {} to {}, got {}", key, context_,
                           min, max, TypeName(*node)));
    return;
  }
  const int64_t v = value->get();
  if (v < min || v > max) {
    Error(key, fmt::format("'{}' in {} must be an integer from {} to {}, got {}", key, context_,
                           min, max, v));
    return;
  }
  *out = v;
}

void TableReader::Int32(std::string_view key, int32_t min, int32_t max, int32_t* out) {
  int64_t value = *out;
  Integer(key, min, max, &value);
  *out = static_cast<int32_t>(value);
}

void TableReader::Double(std::string_view key, double min, double max, double* out) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  const std::optional<double> number = NumberOf(*node);
  if (!number) {
    Error(key, fmt::format("'{}' in {} must be a number from {} to {}, got {}", key, context_, min,
                           max, TypeName(*node)));
    return;
  }
  const double v = *number;
  if (!std::isfinite(v) || v < min || v > max) {
    Error(key, fmt::format("'{}' in {} must be a number from {} to {}, got {}", key, context_, min,
                           max, v));
    return;
  }
  *out = v;
}

void TableReader::String(std::string_view key, std::string* out) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  const auto* value = node->as_string();
  if (value == nullptr) {
    Error(key, fmt::format("'{}' in {} must be a string, got {}", key, context_, TypeName(*node)));
    return;
  }
  *out = value->get();
}

void TableReader::Bool(std::string_view key, bool* out) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  const auto* value = node->as_boolean();
  if (value == nullptr) {
    Error(key,
          fmt::format("'{}' in {} must be true or false, got {}", key, context_, TypeName(*node)));
    return;
  }
  *out = value->get();
}

void TableReader::Choice(std::string_view key, const std::vector<std::string>& names,
                         std::string_view what, size_t* out) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  const auto* value = node->as_string();
  if (value == nullptr) {
    Error(key, fmt::format("'{}' in {} must be a string naming a {} (one of {}), got {}", key,
                           context_, what, Quoted(names), TypeName(*node)));
    return;
  }
  const size_t index = ResolveName(key, value->get(), names, what, PositionOf(key));
  if (index != names.size()) *out = index;
}

void TableReader::NumberMap(std::string_view key, const std::vector<std::string>& names,
                            std::string_view what, double min, double max,
                            const std::function<void(size_t, double)>& set) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  const toml::table* map = node->as_table();
  if (map == nullptr) {
    Error(key, fmt::format("'{}' in {} must be a table of {} names to numbers, e.g. {{ {} = {} }}",
                           key, context_, what, names.empty() ? "name" : names.front(), max));
    return;
  }
  for (auto&& [name_key, value] : *map) {
    const std::string_view name = name_key.str();
    const SourcePosition at = oversight::PositionOf(value);
    const size_t index = ResolveName(key, name, names, what, at);
    if (index == names.size()) continue;
    const std::optional<double> number = NumberOf(value);
    if (!number) {
      diagnostics_->Error(at, fmt::format("'{}.{}' in {} must be a number from {} to {}, got {}",
                                          key, name, context_, min, max, TypeName(value)));
      continue;
    }
    const double v = *number;
    if (!std::isfinite(v) || v < min || v > max) {
      diagnostics_->Error(at, fmt::format("'{}.{}' in {} must be a number from {} to {}, got {}",
                                          key, name, context_, min, max, v));
      continue;
    }
    set(index, v);
  }
}

void TableReader::ChoiceArray(std::string_view key, const std::vector<std::string>& names,
                              std::string_view what, const std::function<void(size_t)>& add) {
  const toml::node* node = Get(key);
  if (node == nullptr) return;
  if (const auto* single = node->as_string()) {  // one name stands for a one-element array
    const size_t index = ResolveName(key, single->get(), names, what, PositionOf(key));
    if (index != names.size()) add(index);
    return;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    Error(key, fmt::format("'{}' in {} must be a {} name or an array of them (from {}), got {}",
                           key, context_, what, Quoted(names), TypeName(*node)));
    return;
  }
  for (const toml::node& element : *array) {
    const auto* value = element.as_string();
    const SourcePosition at = oversight::PositionOf(element);
    if (value == nullptr) {
      diagnostics_->Error(at, fmt::format("'{}' in {} must hold strings naming a {}, got {}", key,
                                          context_, what, TypeName(element)));
      continue;
    }
    const size_t index = ResolveName(key, value->get(), names, what, at);
    if (index != names.size()) add(index);
  }
}

size_t TableReader::ResolveName(std::string_view key, std::string_view name,
                                const std::vector<std::string>& names, std::string_view what,
                                SourcePosition at) {
  const size_t index = IndexOf(names, name);
  if (index == names.size()) {
    diagnostics_->Error(
        at, fmt::format("'{}' in {} names unknown {} '{}'{} (expected one of {})", key, context_,
                        what, name, DidYouMean(name, names), Quoted(names)));
  }
  return index;
}

const toml::table* TableReader::Table(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return nullptr;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    Error(key, fmt::format("'{}' in {} must be a table ([{}]), got {}", key, context_, key,
                           TypeName(*node)));
  }
  return table;
}

const toml::array* TableReader::ArrayOfTables(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return nullptr;
  const toml::array* array = node->as_array();
  if (array != nullptr && array->empty()) return array;
  if (array == nullptr || !array->is_array_of_tables()) {
    Error(key, fmt::format("'{}' in {} must be an array of tables ([[{}]] sections), got {}", key,
                           context_, key, TypeName(*node)));
    return nullptr;
  }
  return array;
}

void TableReader::Finish() {
  for (auto&& [key, value] : table_) {
    const std::string_view name = key.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    const toml::source_position at = key.source().begin;
    const SourcePosition position =
        at.line > 0 ? SourcePosition{static_cast<int>(at.line), static_cast<int>(at.column)}
                    : oversight::PositionOf(value);
    diagnostics_->Error(position, fmt::format("unknown key '{}' in {}{}", name, context_,
                                              DidYouMean(name, known_)));
  }
}

}  // namespace oversight
