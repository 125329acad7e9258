// What every section reader of the scenario loader shares.
//
// The loader reads a scenario one section at a time (`[police]`, `[[rules]]`, `[urn]`, ...),
// each section by a function of its own file that takes a SectionContext: the top-level
// table, the diagnostics and the scenario being filled. Sections that others refer to
// (groups, districts, lists) are read first, so later readers can check references with
// "did you mean" suggestions. Thread-safety: a SectionContext belongs to one load.
#pragma once

#include <toml++/toml.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "scenario/scenario.h"
#include "scenario/table_reader.h"

namespace oversight {

struct SectionContext {
  TableReader& root;              // the top-level table (marks which sections were read)
  const toml::table& root_table;  // the same table, to iterate over its keys
  Diagnostics* diagnostics;
  Scenario& scenario;                       // being filled
  std::vector<std::string> group_names;     // after [[groups]]
  std::vector<std::string> district_names;  // after [[districts]]
};

template <size_t N>
std::vector<std::string> ToStrings(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

// The `name` of each item, in order.
std::vector<std::string> NamesOf(const auto& items) {
  std::vector<std::string> names;
  for (const auto& item : items) names.push_back(item.name);
  return names;
}

// "'a', 'b', 'c'".
std::string Quoted(const auto& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += "'";
    out += name;
    out += "'";
  }
  return out;
}

// Place types a scenario may configure counts or cameras for (home and capital are not
// counted per 1,000 residents, but may carry cameras).
const std::vector<std::string>& PlaceTypeNames();

// A path given in the scenario, relative to the scenario file's folder (as given for an
// absolute path or the built-in default).
std::filesystem::path ResolvePath(const SectionContext& ctx, const std::string& path);

// Reads `key`, an array of exactly two numbers in [min, max], into *out.
void ReadPair(TableReader& r, std::string_view key, double min, double max,
              std::array<double, 2>* out);

// Reads `key`, the name of a list, into *out (an index into the scenario's lists).
void ReadListName(const SectionContext& ctx, TableReader& r, std::string_view key, int32_t* out);

// Reads `key`, a list name or "anyone", into *out (a list index, or kEveryone). Returns
// whether the key is present.
bool ReadWho(const SectionContext& ctx, TableReader& r, std::string_view key, uint32_t* out);

// Reports an empty `name` or one that an earlier item of `existing` already has.
template <typename T>
void CheckUniqueName(TableReader& r, const std::vector<T>& existing, const std::string& name,
                     std::string_view what) {
  if (name.empty()) {
    if (r.Has("name")) r.Error("name", std::string(what) + " name in " + r.context() + " is empty");
    return;
  }
  for (const T& item : existing) {
    if (item.name == name) {
      r.Error("name", std::string(what) + " name '" + name + "' is used twice");
      return;
    }
  }
}

}  // namespace oversight
