#include "scenario/section_reader.h"

#include <fmt/format.h>

#include <optional>

#include "core/vocabulary.h"
#include "scenario/loader.h"
#include "scenario/policy_options.h"

namespace oversight {

const std::vector<std::string>& PlaceTypeNames() {
  static const std::vector<std::string> names = ToStrings(kPlaceTypeNames);
  return names;
}

std::filesystem::path ResolvePath(const SectionContext& ctx, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute() || ctx.diagnostics->file() == kBuiltInSource) return p;
  return std::filesystem::path(ctx.diagnostics->file()).parent_path() / p;
}

void ReadPair(TableReader& r, std::string_view key, double min, double max,
              std::array<double, 2>* out) {
  if (!r.Has(key)) return;
  const toml::node* node = r.Get(key);
  const toml::array* values = node->as_array();
  bool ok = values != nullptr && values->size() == 2;
  std::array<double, 2> read = *out;
  for (size_t i = 0; ok && i < 2; ++i) {
    const std::optional<double> v = (*values)[i].value<double>();
    ok = v.has_value() && *v >= min && *v <= max;
    if (ok) read[i] = *v;
  }
  if (!ok) {
    r.Error(key, fmt::format("'{}' in {} must be two numbers from {:g} to {:g}, one per region, "
                             "e.g. [3.5, 2.4]",
                             key, r.context(), min, max));
    return;
  }
  *out = read;
}

void ReadListName(const SectionContext& ctx, TableReader& r, std::string_view key, int32_t* out) {
  if (!r.Has(key)) return;
  const std::vector<std::string> names = NamesOf(ctx.scenario.policy.lists);
  if (names.empty()) {
    r.Touch(key);
    r.Error(key, fmt::format("'{}' names a list, but the scenario defines no [[lists]]", key));
    return;
  }
  size_t list = names.size();
  r.Choice(key, names, "list", &list);
  if (list < names.size()) *out = static_cast<int32_t>(list);
}

bool ReadWho(const SectionContext& ctx, TableReader& r, std::string_view key, uint32_t* out) {
  if (!r.Has(key)) return false;
  const toml::node* node = r.Get(key);
  if (ctx.scenario.policy.lists.empty() && node->is_string() &&
      node->value_or(std::string_view()) != "anyone") {
    r.Error(key, fmt::format("'{}' in {} refers to a list, but the scenario defines no "
                             "[[lists]] (\"anyone\" watches everyone)",
                             key, r.context()));
    return true;
  }
  std::vector<std::string> names = NamesOf(ctx.scenario.policy.lists);
  names.push_back("anyone");
  size_t index = names.size() - 1;
  r.Choice(key, names, "list (or \"anyone\")", &index);
  *out = index + 1 == names.size() ? kEveryone : static_cast<uint32_t>(index);
  return true;
}

}  // namespace oversight
