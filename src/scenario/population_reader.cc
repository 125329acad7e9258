// Design: a table given in a scenario replaces the built-in table of the same name as a
// whole (its rows are the user's, in the user's order), so no built-in row can silently
// outrank one the user wrote. Share tables must end with a catch-all row (no `when`) so
// that every person is covered by a row the user can see. Trait rows may only test traits
// drawn earlier, which rules out cycles by construction.
#include "scenario/population_reader.h"

#include <fmt/format.h>

#include <cmath>

namespace oversight {

namespace {

template <size_t N>
std::vector<std::string> ToStrings(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

class PopulationReader {
 public:
  PopulationReader(const std::vector<std::string>& group_names, Diagnostics* diagnostics)
      : group_names_(group_names), diagnostics_(diagnostics) {}

  void Read(TableReader* root, PopulationOptions* out) {
    if (const toml::table* table = root->Table("population")) {
      TableReader r(*table, "[population]", diagnostics_);
      ReadHouseholds(&r, &out->households);
      ReadShareTable<kRoleCount>(&r, "roles", ToStrings(kRoleNames), "role", &out->roles,
                                 &out->default_roles);
      ReadShareTable<kStatusCount>(&r, "status", ToStrings(kStatusNames), "status", &out->status,
                                   &out->default_status);
      ReadForeign(&r, out);
      if (const toml::table* p = r.Table("personality")) {
        TableReader pr(*p, "[population.personality]", diagnostics_);
        pr.Double("base", 0.0, 10.0, &out->personality.base);
        pr.Double("signal", -10.0, 10.0, &out->personality.signal);
        pr.Double("noise", 0.0, 10.0, &out->personality.noise);
        pr.Finish();
      }
      r.Finish();
    }
    if (const toml::table* table = root->Table("traits")) {
      TableReader r(*table, "[traits]", diagnostics_);
      for (size_t t = 0; t < kTraitCount; ++t) ReadTrait(&r, t, &out->traits[t]);
      r.Finish();
    }
    if (const toml::table* table = root->Table("intents")) {
      TableReader r(*table, "[intents]", diagnostics_);
      for (size_t i = 0; i < kIntentCount; ++i) ReadIntent(&r, i, &out->intents[i]);
      r.Finish();
    }
  }

 private:
  void ReadHouseholds(TableReader* parent, HouseholdOptions* h) {
    const toml::table* table = parent->Table("households");
    if (table == nullptr) return;
    TableReader r(*table, "[population.households]", diagnostics_);
    r.Probability("shared_share", &h->shared_share);
    r.Int32("shared_min_size", 1, 100, &h->shared_min_size);
    r.Int32("shared_max_size", 1, 100, &h->shared_max_size);
    r.Int32("family_max_size", 1, 50, &h->family_max_size);
    r.Probability("couple_share", &h->couple_share);
    r.Probability("elderly_share", &h->elderly_share);
    r.Int32("head_age_min", 16, 100, &h->head_age_min);
    r.Int32("head_age_max", 16, 100, &h->head_age_max);
    r.Probability("male_share", &h->male_share);
    if (h->shared_min_size > h->shared_max_size) {
      r.Error("shared_max_size", fmt::format("'shared_min_size' ({}) is above 'shared_max_size' "
                                             "({}) in {}",
                                             h->shared_min_size, h->shared_max_size, r.context()));
    }
    if (h->head_age_min > h->head_age_max) {
      r.Error("head_age_max", fmt::format("'head_age_min' ({}) is above 'head_age_max' ({}) in {}",
                                          h->head_age_min, h->head_age_max, r.context()));
    }
    r.Finish();
  }

  // `when = { ... }`; traits named must come before `trait_limit` in the drawing order.
  Condition ReadCondition(TableReader* row, size_t trait_limit, std::string_view what_is_drawn) {
    Condition c;
    const toml::table* table = row->Table("when");
    if (table == nullptr) return c;
    TableReader r(*table, "'when' of " + row->context(), diagnostics_);
    size_t index = 0;
    if (r.Has("group")) {
      r.Choice("group", group_names_, "group", &index);
      c.group = static_cast<uint8_t>(index);
    }
    if (r.Has("sex")) {
      r.Choice("sex", ToStrings(kSexNames), "sex", &index);
      c.sex = static_cast<Sex>(index);
    }
    int32_t age = c.age_min;
    r.Int32("age_min", 0, 255, &age);
    c.age_min = static_cast<uint8_t>(age);
    age = c.age_max;
    r.Int32("age_max", 0, 255, &age);
    c.age_max = static_cast<uint8_t>(age);
    if (c.age_min > c.age_max) {
      r.Error("age_max", fmt::format("this row can never apply: age_min {} is above age_max {}",
                                     c.age_min, c.age_max));
    }
    if (r.Has("role")) {
      r.Choice("role", ToStrings(kRoleNames), "role", &index);
      c.role = static_cast<Role>(index);
    }
    if (r.Has("status")) {
      r.Choice("status", ToStrings(kStatusNames), "status", &index);
      c.status = static_cast<Status>(index);
    }
    if (r.Has("foreign")) {
      bool foreign = false;
      r.Bool("foreign", &foreign);
      c.foreign = foreign;
    }
    if (r.Has("household")) {
      r.Choice("household", ToStrings(kHouseholdKindNames), "household kind", &index);
      c.household = static_cast<HouseholdKind>(index);
    }
    auto read_traits = [&](std::string_view key, TraitBits* bits) {
      r.ChoiceArray(key, ToStrings(kTraitNames), "trait", [&](size_t t) {
        if (t >= trait_limit) {
          r.Error(key, fmt::format("'{}' in {} names trait '{}', which is drawn after {}; a "
                                   "condition may only test traits drawn before (order: {})",
                                   key, r.context(), kTraitNames[t], what_is_drawn,
                                   fmt::join(kTraitNames, ", ")));
          return;
        }
        *bits = static_cast<TraitBits>(*bits | (1u << t));
      });
    };
    read_traits("traits", &c.traits_all);
    read_traits("not_traits", &c.traits_none);
    if ((c.traits_all & c.traits_none) != 0) {
      r.Error("not_traits", "this row can never apply: a trait is both required and excluded");
    }
    r.Finish();
    return c;
  }

  // Rows of a table whose last row must be a catch-all (no `when`): that row becomes
  // `*fallback`, the others `*rows`. `read_value(row_reader, value)` reads a row's value.
  template <typename Value, typename ReadValue>
  void ReadRows(TableReader* parent, std::string_view key, std::string_view what,
                std::vector<ConditionalRow<Value>>* rows, Value* fallback,
                const ReadValue& read_value) {
    const toml::array* array = parent->ArrayOfTables(key);
    if (array == nullptr) return;
    rows->clear();
    size_t row_number = 0;
    bool last_is_catch_all = false;
    for (const toml::node& node : *array) {
      ++row_number;
      TableReader r(*node.as_table(), fmt::format("[[population.{}]] #{}", key, row_number),
                    diagnostics_);
      ConditionalRow<Value> row{};
      last_is_catch_all = !r.Has("when");
      row.when = ReadCondition(&r, 0, what);
      read_value(r, row.value);
      r.Finish();
      rows->push_back(row);
    }
    if (!last_is_catch_all) {
      parent->Error(key, fmt::format("the last [[population.{}]] row must have no 'when': it "
                                     "applies to everyone the rows above miss",
                                     key));
    } else if (!rows->empty()) {
      *fallback = rows->back().value;
      rows->pop_back();
    }
  }

  template <size_t N>
  void ReadShareTable(TableReader* parent, std::string_view key,
                      const std::vector<std::string>& names, std::string_view what,
                      std::vector<ConditionalRow<std::array<double, N>>>* rows,
                      std::array<double, N>* fallback) {
    ReadRows(parent, key, what, rows, fallback, [&](TableReader& r, std::array<double, N>& value) {
      if (!r.Require("shares", fmt::format("the share of each {}, e.g. {{ {} = 1.0 }}", what,
                                           names.front()))) {
        return;
      }
      r.NumberMap("shares", names, what, 0.0, 1.0, [&](size_t i, double v) { value[i] = v; });
      double sum = 0.0;
      for (double v : value) sum += v;
      if (std::abs(sum - 1.0) > 1e-6) {
        r.Error("shares", fmt::format("'shares' in {} must sum to 1, got {}", r.context(), sum));
      }
    });
  }

  void ReadForeign(TableReader* parent, PopulationOptions* out) {
    ReadRows(parent, "foreign", "nationality", &out->foreign, &out->default_foreign,
             [](TableReader& r, ForeignShares& value) {
               r.Require("share", "the probability of being a foreign national");
               r.Probability("share", &value.share);
               r.Probability("work_permit_share", &value.work_permit_share);
             });
  }

  void ReadTrait(TableReader* parent, size_t t, TraitOptions* trait) {
    const std::string_view name = kTraitNames[t];
    const toml::table* table = parent->Table(name);
    if (table == nullptr) return;
    const std::string section = fmt::format("traits.{}", name);
    TableReader r(*table, "[" + section + "]", diagnostics_);
    r.Probability("prevalence", &trait->prevalence);
    r.Probability("recorded_if_true", &trait->recorded_if_true);
    r.Probability("recorded_if_false", &trait->recorded_if_false);
    ReadGivenRows(&r, section, t, fmt::format("'{}'", name), &trait->given);
    r.Finish();
  }

  void ReadIntent(TableReader* parent, size_t i, IntentOptions* intent) {
    const std::string_view name = kIntentNames[i];
    const toml::table* table = parent->Table(name);
    if (table == nullptr) return;
    const std::string section = fmt::format("intents.{}", name);
    TableReader r(*table, "[" + section + "]", diagnostics_);
    r.Probability("prevalence", &intent->prevalence);
    r.Probability("act_rate", &intent->act_rate);
    // Intents are drawn after every trait: their rows may test any trait.
    ReadGivenRows(&r, section, kTraitCount, "an intent", &intent->given);
    r.Finish();
  }

  // The [[<section>.given]] rows of a prevalence table; they replace the built-in rows.
  void ReadGivenRows(TableReader* r, const std::string& section, size_t trait_limit,
                     std::string_view what_is_drawn, std::vector<ConditionalRow<double>>* rows) {
    rows->clear();
    const toml::array* array = r->ArrayOfTables("given");
    if (array == nullptr) return;
    size_t row_number = 0;
    for (const toml::node& node : *array) {
      ++row_number;
      TableReader row_reader(*node.as_table(), fmt::format("[[{}.given]] #{}", section, row_number),
                             diagnostics_);
      ConditionalRow<double> row{};
      if (!row_reader.Has("when")) {
        row_reader.Error("when", fmt::format("{} needs a 'when'; for everyone else set "
                                             "'prevalence' in [{}]",
                                             row_reader.context(), section));
      }
      row.when = ReadCondition(&row_reader, trait_limit, what_is_drawn);
      row_reader.Require("prevalence", "the share of matching persons");
      row_reader.Probability("prevalence", &row.value);
      row_reader.Finish();
      rows->push_back(row);
    }
  }

  const std::vector<std::string>& group_names_;
  Diagnostics* diagnostics_;
};

}  // namespace

void ReadPopulation(TableReader* root, const std::vector<std::string>& group_names,
                    Diagnostics* diagnostics, PopulationOptions* out) {
  PopulationReader(group_names, diagnostics).Read(root, out);
}

}  // namespace oversight
