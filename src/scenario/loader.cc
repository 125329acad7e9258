// Design: the driver of the section readers (section_readers.h, one file per group of
// sections; the place models' through their registry, place_model.h), each driving a
// TableReader over its table; sections that others refer to (groups, districts, lists)
// are read first so references can be checked with "did you mean" suggestions. The
// loader never stops at the first problem. Cross-field checks (shares summing to one,
// rules that could never fire) come after the per-key checks of their table.
#include "scenario/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <optional>
#include <set>
#include <span>

#include "core/sim_time.h"
#include "scenario/place_model.h"
#include "scenario/population_reader.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

namespace {

class Loader {
 public:
  Loader(const toml::table& root, Diagnostics* diagnostics)
      : root_(root, "the top level", diagnostics),
        root_table_(root),
        diagnostics_(diagnostics),
        ctx_{root_, root, diagnostics, scenario_, {}, {}} {}

  Scenario Load() {
    ReadHeader(ctx_);
    if (scenario_.model != ScenarioModel::kCity) {
      ReadPlaceModel();
      root_.Finish();
      return std::move(scenario_);
    }
    ReadCitySections();
    ReadLists(ctx_);
    ReadRules();
    ReadScores();
    ReadRedList(ctx_);
    ReadPolice(ctx_);
    ReadPatrols(ctx_);
    ReadAudit(ctx_);
    root_.Finish();
    return std::move(scenario_);
  }

 private:
  // The place model's own section; any other section but [scenario] is an error.
  void ReadPlaceModel() {
    const PlaceModelSpec* spec = FindPlaceModel(scenario_.model);
    // ReadHeader chooses among the registered models only.
    assert(spec != nullptr);
    if (spec == nullptr) {
      diagnostics_->Error(root_.PositionOf("scenario"),
                          fmt::format("[scenario] model is not a registered model; the models "
                                      "are {}",
                                      Quoted(ModelNames())));
      return;
    }
    spec->read(ctx_);
    const std::string_view section = spec->name;
    for (const auto& [key, node] : root_table_) {
      if (key.str() == "scenario" || key.str() == section) continue;
      root_.Touch(key.str());
      root_.Error(key.str(), fmt::format("section [{0}] does not apply to model \"{1}\" (it "
                                         "has only [scenario] and [{1}])",
                                         key.str(), section));
    }
  }

  // The sections that describe the city, its people and what senses them.
  void ReadCitySections() {
    ReadGroups(ctx_);
    ReadDistricts(ctx_);
    ReadCity(ctx_);
    ReadPopulation(&root_, ctx_.group_names, diagnostics_, &scenario_.world.population);
    ReadTies(ctx_);
    ReadPhones(ctx_);
    ReadPurchases(ctx_);
    ReadUtilities(ctx_);
    ReadVehicles(ctx_);
    ReadLawful(ctx_);
    ReadEvasion(ctx_);
    ReadDeterrence(ctx_);
    ReadLife(ctx_);
    ReadCalendar(ctx_);
    ReadCameras(ctx_);
    ReadRecognition(ctx_);
    ReadRecords(ctx_);
  }

  // Reads `key` (a list name or "anyone") into *out; returns whether it was given.
  bool ReadWho(TableReader& r, std::string_view key, uint32_t* out) {
    return oversight::ReadWho(ctx_, r, key, out);
  }

  void ReadWhere(TableReader& rule_reader, RuleOptions* rule, std::set<std::string>* used) {
    const toml::table* table = rule_reader.Table("where");
    if (table == nullptr) return;
    TableReader r(*table, rule_reader.context() + " where", diagnostics_);
    WhereOptions& where = rule->where;
    r.ChoiceArray("at", PlaceTypeNames(), "place type", [&](size_t i) { where.at |= 1u << i; });
    if (r.Has("near")) {
      r.ChoiceArray("near", PlaceTypeNames(), "place type",
                    [&](size_t i) { where.near |= 1u << i; });
      if (r.Require("within_m", "the distance in metres that counts as near, e.g. 150")) {
        r.Double("within_m", 0.0, 100000.0, &where.near_m);
      }
    } else if (r.Has("within_m")) {
      r.Touch("within_m");
      r.Error("within_m", "'within_m' needs 'near' (the type of place to be near)");
    }
    r.Double("nearby_m", 0.0, 100000.0, &where.nearby_m);
    r.Bool("away_from_home", &where.away_from_home);
    size_t to = static_cast<size_t>(where.to);
    r.Choice("to", ToStrings(kDestinationNames), "destination", &to);
    where.to = static_cast<Destination>(to);
    if (r.Has("numbers")) {
      size_t numbers = 0;
      r.Choice("numbers", {"out_of_town"}, "kind of number", &numbers);
      where.out_of_town = true;
    }
    for (const char* key :
         {"at", "near", "within_m", "nearby_m", "away_from_home", "to", "numbers"}) {
      if (r.Has(key)) used->insert(fmt::format("where.{}", key));
    }
    r.Finish();
  }

  void ReadWhen(TableReader& rule_reader, RuleOptions* rule, std::set<std::string>* used) {
    const toml::table* table = rule_reader.Table("when");
    if (table == nullptr) return;
    TableReader r(*table, rule_reader.context() + " when", diagnostics_);
    WhenOptions& when = rule->when;
    if (r.Has("hours")) {
      used->insert("when.hours");
      const toml::node* node = table->get("hours");
      const toml::array* hours = node->as_array();
      r.Touch("hours");
      if (hours == nullptr || hours->size() != 2 || !(*hours)[0].is_integer() ||
          !(*hours)[1].is_integer()) {
        r.Error("hours",
                "'hours' must be [from, to]: two whole hours, e.g. [7, 18] for "
                "07:00-18:00 or [20, 7] for 20:00-07:00");
      } else {
        const int64_t from = *(*hours)[0].value<int64_t>();
        const int64_t to = *(*hours)[1].value<int64_t>();
        if (from < 0 || from > 23 || to < 1 || to > 24) {
          r.Error("hours",
                  fmt::format("'hours' = [{}, {}]: from must be 0-23 and to 1-24", from, to));
        } else if (from == to) {
          r.Error("hours", fmt::format("rule '{}' can never fire: 'hours' = [{}, {}] is an "
                                       "empty span",
                                       rule->id, from, to));
        } else {
          when.from_hour = static_cast<int32_t>(from);
          when.to_hour = static_cast<int32_t>(to);
        }
      }
    }
    size_t days = static_cast<size_t>(when.days);
    if (r.Has("days")) used->insert("when.days");
    r.Choice("days", ToStrings(kDayFilterNames), "kind of day", &days);
    when.days = static_cast<DayFilter>(days);
    r.Finish();
  }

  void ReadHowOften(TableReader& rule_reader, RuleOptions* rule, std::set<std::string>* used) {
    const toml::table* table = rule_reader.Table("how_often");
    if (table == nullptr) return;
    TableReader r(*table, rule_reader.context() + " how_often", diagnostics_);
    HowOftenOptions& h = rule->how_often;
    r.Int32("at_least", 1, 100000, &h.at_least);
    r.Int32("within_days", 1, 365, &h.within_days);
    r.Int32("new_after_days", 1, 3650, &h.new_after_days);
    r.Int32("distinct_companions", 1, kMaxCompanionsCount, &h.distinct_companions);
    r.Int32("dwell_minutes", 1, kMinutesPerDay, &h.dwell_minutes);
    r.Int32("total_minutes", 1, 366 * kMinutesPerDay, &h.total_minutes);
    r.Double("times_norm", 1.0, 1000.0, &h.times_norm);
    r.Double("together_below", 0.0, 1.0, &h.together_below);
    for (const char* key : {"at_least", "within_days", "new_after_days", "distinct_companions",
                            "dwell_minutes", "total_minutes", "times_norm", "together_below"}) {
      if (r.Has(key)) used->insert(fmt::format("how_often.{}", key));
    }
    r.Finish();
  }

  void ReadWith(TableReader& rule_reader, RuleOptions* rule, std::set<std::string>* used) {
    const toml::table* table = rule_reader.Table("with");
    if (table == nullptr) return;
    TableReader r(*table, rule_reader.context() + " with", diagnostics_);
    WithOptions& with = rule->with;
    with.present = true;
    r.Bool("spouse", &with.spouse);
    if (!with.spouse && !r.Has("who")) {
      r.Require("who", "the list the others must be on (or \"anyone\"), or spouse = true");
    }
    ReadWho(r, "who", &with.who);
    r.Int32("at_least", 1, 100000, &with.at_least);
    r.Int32("within_minutes", 1, kMinutesPerDay, &with.within_minutes);
    for (const char* key : {"who", "at_least", "within_minutes", "spouse"}) {
      if (r.Has(key)) used->insert(fmt::format("with.{}", key));
    }
    r.Finish();
  }

  void ReadThen(TableReader& rule_reader, RuleOptions* rule, std::set<std::string>* used) {
    const toml::table* table = rule_reader.Table("then");
    if (table == nullptr) return;
    TableReader r(*table, rule_reader.context() + " then", diagnostics_);
    ThenOptions& then = rule->then;
    then.present = true;
    size_t what = static_cast<size_t>(then.what);
    if (r.Require("what", "the kind of evidence that must follow, e.g. \"ticket\"")) {
      r.Choice("what", ToStrings(kEvidenceNames), "kind of evidence", &what);
    }
    then.what = static_cast<Evidence>(what);
    size_t to = static_cast<size_t>(then.to);
    r.Choice("to", ToStrings(kDestinationNames), "destination", &to);
    then.to = static_cast<Destination>(to);
    r.Int32("within_hours", 1, 24 * 365, &then.within_hours);
    for (const char* key : {"what", "to", "within_hours"}) {
      if (r.Has(key)) used->insert(fmt::format("then.{}", key));
    }
    if (r.Has("to") && then.what != Evidence::kTicket) {
      r.Error("to", "'to' (a ticket's destination) needs what = \"ticket\"");
    }
    r.Finish();
  }

  void ReadRules() {
    std::vector<RuleOptions>& rules = scenario_.policy.rules;
    const toml::array* array = root_.ArrayOfTables("rules");
    if (array == nullptr) return;
    std::set<std::string> ids;
    for (const toml::node& node : *array) {
      TableReader r(*node.as_table(), fmt::format("[[rules]] #{}", rules.size() + 1), diagnostics_);
      RuleOptions rule;
      if (r.Require("id", "a rule id such as \"near_school\"")) r.String("id", &rule.id);
      if (!rule.id.empty() && !ids.insert(rule.id).second) {
        r.Error("id", fmt::format("rule id '{}' is used twice", rule.id));
      }
      if (r.Has("kind")) {
        r.Touch("kind");
        r.Error("kind",
                "'kind' was replaced by the rule menu's slots (who, what, where, when, "
                "how_often, with, then); see docs/RULES.md");
      }
      if (r.Require("who", "the list the rule watches, or \"anyone\""))
        ReadWho(r, "who", &rule.who);
      size_t what = static_cast<size_t>(rule.what);
      if (r.Require("what", "the kind of evidence, one of " + Quoted(kEvidenceNames))) {
        r.Choice("what", ToStrings(kEvidenceNames), "kind of evidence", &what);
      }
      rule.what = static_cast<Evidence>(what);
      std::set<std::string> used;
      ReadWhere(r, &rule, &used);
      ReadWhen(r, &rule, &used);
      ReadHowOften(r, &rule, &used);
      ReadWith(r, &rule, &used);
      ReadThen(r, &rule, &used);
      size_t category = static_cast<size_t>(rule.category);
      r.Choice("category", ToStrings(kCategoryNames), "category", &category);
      rule.category = static_cast<Category>(category);
      r.Int32("priority", 0, 9, &rule.priority);
      ReadResponse(r, &rule);
      if (!diagnostics_->empty()) {
        r.Finish();
        rules.push_back(std::move(rule));
        continue;  // compile only rules whose slots all read cleanly
      }
      CompileRule(r, used, &rule);
      r.Finish();
      rules.push_back(std::move(rule));
    }
  }

  // [[scores]] become rules whose operator is a score, so every output treats them alike.
  void ReadScores() {
    std::vector<RuleOptions>& rules = scenario_.policy.rules;
    const toml::array* array = root_.ArrayOfTables("scores");
    if (array == nullptr) return;
    std::set<std::string> ids;
    for (const RuleOptions& rule : rules) ids.insert(rule.id);
    size_t number = 0;
    for (const toml::node& node : *array) {
      TableReader r(*node.as_table(), fmt::format("[[scores]] #{}", ++number), diagnostics_);
      RuleOptions rule;
      ScoreOptions& score = rule.score;
      if (r.Require("id", "a score id such as \"petitioner_risk\"")) r.String("id", &rule.id);
      if (!rule.id.empty() && !ids.insert(rule.id).second) {
        r.Error("id", fmt::format("id '{}' is used twice (rules and scores share ids)", rule.id));
      }
      if (r.Require("who", "the list the score rates, or \"anyone\"")) ReadWho(r, "who", &rule.who);
      size_t method = 0;
      if (r.Require("method", "'weighted' (by hand) or 'learned' (logistic regression)")) {
        r.Choice("method", {"weighted", "learned"}, "scoring method", &method);
      }
      rule.op = method == 0 ? RuleOperator::kWeightedScore : RuleOperator::kLearnedScore;
      const bool weighted = rule.op == RuleOperator::kWeightedScore;
      auto only = [&](std::string_view key, bool applies) {
        if (!applies && r.Has(key)) {
          r.Touch(key);
          r.Error(key, fmt::format("'{}' does not apply to method '{}'", key,
                                   weighted ? "weighted" : "learned"));
        }
        return applies;
      };
      if (only("weights", weighted)) {
        if (r.Require("weights", "feature weights, e.g. { past_trips = 2.0, personality = 0.5 }")) {
          r.NumberMap("weights", ToStrings(kScoreFeatureNames), "score feature", -1000.0, 1000.0,
                      [&](size_t f, double w) { score.weights[f] = w; });
        }
      }
      if (only("raise_level_for", weighted)) {
        r.ChoiceArray("raise_level_for", ToStrings(kScoreFeatureNames), "score feature",
                      [&](size_t f) { score.raise_level_for |= 1u << f; });
      }
      if (only("ties_list", weighted)) ReadWho(r, "ties_list", &score.ties_list);
      if (only("window_days", weighted)) r.Int32("window_days", 1, 365, &score.window_days);
      if (only("levels", weighted) && r.Require("levels", "ascending score thresholds, e.g. [3, 5, 7]")) {
        const toml::node* levels = r.Get("levels");
        const toml::array* values = levels->as_array();
        bool ok = values != nullptr && !values->empty();
        if (ok) {
          for (const toml::node& v : *values) {
            const std::optional<double> d = v.value<double>();
            ok = ok && d.has_value() && (score.levels.empty() || *d > score.levels.back());
            if (d) score.levels.push_back(*d);
          }
        }
        if (!ok) {
          r.Error("levels", "'levels' must be a non-empty array of ascending numbers, e.g. [3, 5, 7]");
          score.levels.assign(1, 1.0);
        }
      }
      if (only("alert_level", weighted)) {
        r.Int32("alert_level", 1, 100, &score.alert_level);
        if (weighted && score.alert_level > static_cast<int32_t>(score.levels.size()) +
                                                std::popcount(score.raise_level_for)) {
          r.Error("alert_level", fmt::format("score '{}' can never alert: alert_level {} is above "
                                             "the highest level it can reach", rule.id,
                                             score.alert_level));
        }
      }
      if (only("retrain_every_days", !weighted)) {
        r.Int32("retrain_every_days", 1, 365, &score.retrain_every_days);
      }
      if (only("threshold", !weighted)) r.Double("threshold", 0.0, 1.0, &score.threshold);
      if (only("training_sample", !weighted)) {
        r.Int32("training_sample", 100, 10'000'000, &score.training_sample);
      }
      size_t category = static_cast<size_t>(rule.category);
      r.Choice("category", ToStrings(kCategoryNames), "category", &category);
      rule.category = static_cast<Category>(category);
      r.Int32("priority", 0, 9, &rule.priority);
      ReadResponse(r, &rule);
      r.Finish();
      rules.push_back(std::move(rule));
    }
  }

  // Chooses the operator that answers the rule's filled-in slots and rejects slots that
  // mean nothing for it, or combinations that can never fire.
  void CompileRule(TableReader& r, const std::set<std::string>& used, RuleOptions* rule) {
    const Evidence what = rule->what;
    const std::string_view what_name = kEvidenceNames[static_cast<size_t>(what)];
    auto fail = [&](std::string_view slot, const std::string& why) {
      const std::string top(slot.substr(0, slot.find('.')));
      r.Error(top, fmt::format("rule '{}' cannot be compiled: {}", rule->id, why));
    };
    if (rule->then.present) {
      rule->op = RuleOperator::kSequence;
    } else if (rule->with.present && rule->with.spouse) {
      rule->op = RuleOperator::kPair;
    } else if (rule->with.present && used.count("how_often.distinct_companions") != 0) {
      rule->op = RuleOperator::kCompanions;
    } else if (rule->with.present) {
      rule->op = RuleOperator::kTogether;
    } else if (what == Evidence::kMeter) {
      rule->op = RuleOperator::kNorm;
    } else if (used.count("how_often.dwell_minutes") != 0 ||
               used.count("how_often.total_minutes") != 0) {
      rule->op = RuleOperator::kDwell;
    } else if (used.count("how_often.at_least") != 0 ||
               used.count("how_often.new_after_days") != 0) {
      rule->op = RuleOperator::kCount;
    } else {
      rule->op = RuleOperator::kFilter;
    }
    const RuleOperator op = rule->op;
    // Hotel registrations are all in the evening: by default "together" means the same night.
    if (op == RuleOperator::kTogether && what == Evidence::kCheckIn &&
        used.count("with.within_minutes") == 0) {
      rule->with.within_minutes = kMinutesPerDay;
    }
    const std::string_view op_name = kRuleOperatorNames[static_cast<size_t>(op)];

    // The evidence each operator reads.
    auto require_what = [&](std::initializer_list<Evidence> allowed, std::string_view why) {
      for (Evidence e : allowed) {
        if (e == what) return;
      }
      std::string names;
      for (Evidence e : allowed) {
        names += fmt::format("{}\"{}\"", names.empty() ? "" : " or ",
                             kEvidenceNames[static_cast<size_t>(e)]);
      }
      fail("what", fmt::format("{} needs what = {}, not \"{}\"", why, names, what_name));
    };
    switch (op) {
      case RuleOperator::kWeightedScore:
      case RuleOperator::kLearnedScore:
        break;  // [[scores]], read by ReadScores
      case RuleOperator::kFilter:
        if (what == Evidence::kCall) {
          fail("what", "a call rule needs how_often (at_least, within_days, new_after_days)");
        }
        break;
      case RuleOperator::kTogether:
        require_what({Evidence::kSighting, Evidence::kCheckIn, Evidence::kLocation},
                     "'with' (others together at a place)");
        break;
      case RuleOperator::kCount:
        require_what({Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn, Evidence::kCall,
                      Evidence::kPhoneDark, Evidence::kLocation},
                     "how_often.at_least");
        if (used.count("how_often.new_after_days") != 0) {
          require_what({Evidence::kCall}, "how_often.new_after_days (new numbers)");
        }
        break;
      case RuleOperator::kNorm:
        if (used.count("how_often.times_norm") == 0) {
          fail("how_often",
               "a meter rule needs how_often.times_norm (the factor over the day's "
               "median use per registered resident)");
        }
        break;
      case RuleOperator::kDwell:
        require_what({Evidence::kLocation}, "a dwell time (cameras see arrivals only)");
        if (used.count("how_often.dwell_minutes") != 0 &&
            used.count("how_often.total_minutes") != 0) {
          fail("how_often",
               "give either dwell_minutes (one stay) or total_minutes (stays "
               "summed over within_days), not both");
        }
        break;
      case RuleOperator::kPair:
        require_what({Evidence::kLocation}, "a couple's time together");
        if (used.count("how_often.together_below") == 0) {
          fail("how_often",
               "with.spouse needs how_often.together_below (the share of time "
               "the couple is located together below which it alerts)");
        }
        if (used.count("how_often.within_days") == 0) {
          fail("how_often",
               "with.spouse needs how_often.within_days (the period the share is "
               "measured over)");
        }
        break;
      case RuleOperator::kCompanions:
        require_what({Evidence::kSighting, Evidence::kLocation}, "companions");
        // The rule keeps each (person, place)'s latest entries and companions in one slot.
        if (rule->how_often.at_least > kMaxCompanionsCount) {
          fail("how_often",
               fmt::format("a companions rule counts at most {} entries (how_often.at_least)",
                           kMaxCompanionsCount));
        }
        break;
      case RuleOperator::kSequence:
        require_what({Evidence::kSighting, Evidence::kTicket, Evidence::kCheckIn,
                      Evidence::kPhoneDark, Evidence::kLocation},
                     "'then'");
        if (rule->then.what == Evidence::kCall || rule->then.what == Evidence::kMeter) {
          fail("then",
               "'then' takes sighting, ticket, check_in, phone_dark or location "
               "evidence");
        }
        break;
    }

    // Slots each operator (bit k = RuleOperator k) and evidence (bit e) accept.
    constexpr auto O = [](RuleOperator o) { return 1u << static_cast<unsigned>(o); };
    constexpr auto E = [](Evidence e) { return 1u << static_cast<unsigned>(e); };
    constexpr unsigned kAllOps = (1u << kRuleOperatorCount) - 1;
    constexpr unsigned kAllWhat = (1u << kEvidenceCount) - 1;
    constexpr unsigned kPlaced =
        E(Evidence::kSighting) | E(Evidence::kCheckIn) | E(Evidence::kLocation);
    struct SlotUse {
      std::string_view slot;
      unsigned ops;
      unsigned whats;
    };
    static constexpr SlotUse kUses[] = {
        {"where.at", kAllOps & ~O(RuleOperator::kPair), kPlaced},
        {"where.near", kAllOps & ~O(RuleOperator::kPair), kPlaced},
        {"where.within_m", kAllOps & ~O(RuleOperator::kPair), kPlaced},
        {"where.nearby_m", O(RuleOperator::kTogether), kPlaced},
        {"where.away_from_home", kAllOps & ~O(RuleOperator::kPair),
         E(Evidence::kSighting) | E(Evidence::kLocation)},
        {"where.to", kAllOps, E(Evidence::kTicket)},
        {"where.numbers", O(RuleOperator::kCount), E(Evidence::kCall)},
        {"when.hours", kAllOps & ~O(RuleOperator::kNorm), kAllWhat & ~E(Evidence::kMeter)},
        {"when.days", kAllOps, kAllWhat},
        {"how_often.at_least", O(RuleOperator::kCount) | O(RuleOperator::kCompanions), kAllWhat},
        {"how_often.within_days",
         O(RuleOperator::kCount) | O(RuleOperator::kDwell) | O(RuleOperator::kPair) |
             O(RuleOperator::kCompanions),
         kAllWhat},
        {"how_often.new_after_days", O(RuleOperator::kCount), E(Evidence::kCall)},
        {"how_often.distinct_companions", O(RuleOperator::kCompanions), kAllWhat},
        {"how_often.dwell_minutes", O(RuleOperator::kDwell), kAllWhat},
        {"how_often.total_minutes", O(RuleOperator::kDwell), kAllWhat},
        {"how_often.times_norm", O(RuleOperator::kNorm), kAllWhat},
        {"how_often.together_below", O(RuleOperator::kPair), kAllWhat},
        {"with.at_least", O(RuleOperator::kTogether), kAllWhat},
        {"with.within_minutes", O(RuleOperator::kTogether) | O(RuleOperator::kCompanions),
         kAllWhat},
        {"with.who", O(RuleOperator::kTogether) | O(RuleOperator::kCompanions), kAllWhat},
    };
    for (const SlotUse& use : kUses) {
      if (used.count(std::string(use.slot)) == 0) continue;
      if ((use.ops & O(op)) == 0) {
        fail(use.slot, fmt::format("'{}' means nothing to a {} rule (what = \"{}\"); "
                                   "docs/RULES.md lists which slots each operator reads",
                                   use.slot, op_name, what_name));
      } else if ((use.whats & E(what)) == 0) {
        fail(use.slot, fmt::format("'{}' does not apply to what = \"{}\"", use.slot, what_name));
      }
    }
    if (op == RuleOperator::kCount && rule->how_often.new_after_days > 0 &&
        rule->how_often.within_days > rule->how_often.new_after_days) {
      fail("how_often",
           fmt::format("how_often.within_days ({}) must not exceed new_after_days ({})",
                       rule->how_often.within_days, rule->how_often.new_after_days));
    }
    if (op == RuleOperator::kDwell && used.count("how_often.total_minutes") != 0 &&
        rule->how_often.total_minutes > rule->how_often.within_days * kMinutesPerDay) {
      fail("how_often",
           fmt::format("rule '{}' can never fire: total_minutes {} exceeds the "
                       "minutes in within_days ({})",
                       rule->id, rule->how_often.total_minutes, rule->how_often.within_days));
    }
    if (op == RuleOperator::kPair && rule->how_often.within_days > scenario_.days) {
      fail("how_often",
           fmt::format("it can never fire: it judges couples at the end of each period "
                       "of within_days ({}) days, longer than the run ({} days)",
                       rule->how_often.within_days, scenario_.days));
    }
    if (op == RuleOperator::kCompanions && rule->how_often.distinct_companions > 0 &&
        used.count("how_often.at_least") == 0) {
      rule->how_often.at_least = 1;
    }
  }

  void ReadListName(TableReader& r, std::string_view key, int32_t* out) {
    oversight::ReadListName(ctx_, r, key, out);
  }

  // A rule's or score's `response`: what the police do about its alerts.
  void ReadResponse(TableReader& r, RuleOptions* rule) {
    size_t response = static_cast<size_t>(rule->response);
    r.Choice("response", ToStrings(kResponseNames), "police response", &response);
    rule->response = static_cast<Response>(response);
    ReadListName(r, "response_list", &rule->response_list);
    if (rule->response == Response::kList && rule->response_list < 0 && !r.Has("response_list")) {
      r.Error("response", "response \"list\" needs response_list, the list to add the person to");
    }
    if (rule->response != Response::kList && r.Has("response_list")) {
      r.Error("response_list", "'response_list' applies only to response = \"list\"");
    }
  }

  TableReader root_;
  const toml::table& root_table_;
  Diagnostics* diagnostics_;
  Scenario scenario_;
  SectionContext ctx_;
};

// Sections of the built-in default a file can take with `apparatus = "default"`.
constexpr std::array<std::string_view, 6> kApparatusSections = {"lists",    "rules",  "scores",
                                                                "red_list", "police", "patrols"};
// Sections a file never takes from the default: what it runs and how it is audited (and
// any place model's section).
constexpr std::array<std::string_view, 2> kOwnSections = {"scenario", "audit"};

bool OneOf(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsOwnSection(std::string_view name) {
  if (OneOf(name, kOwnSections)) return true;
  for (const PlaceModelSpec& spec : PlaceModels()) {
    if (spec.name == name) return true;
  }
  return false;
}

}  // namespace

// With `[scenario] city = "default"`, copies into `root` every section of the built-in
// default city that describes the city (population, places, life, sensors, ...) and that
// `root` does not set itself; with `apparatus = "default"`, every section that describes
// the apparatus likewise. A section the file sets replaces the default's whole.
void InheritDefaultCity(toml::table* root, Diagnostics* diagnostics) {
  const toml::table* header = (*root)["scenario"].as_table();
  if (header == nullptr) return;
  const bool city = (*header)["city"].value<std::string_view>() == "default";
  const bool apparatus = (*header)["apparatus"].value<std::string_view>() == "default";
  if (!city && !apparatus) return;
  // Problems in the sections taken from the default city (say, its districts naming
  // groups this file redefined) are reported at `city` (or `apparatus`), saying where they
  // come from.
  const char* const key_name = city ? "city" : "apparatus";
  diagnostics->SetPositionForUnpositioned(
      PositionOf(*header->get(key_name)),
      fmt::format(" (in a section taken from the default city by {} = \"default\"; write "
                  "that section in this file to replace it)",
                  key_name));
  const toml::table base = toml::parse(DefaultScenarioText(), kBuiltInSource);
  for (const auto& [key, node] : base) {
    const std::string_view name = key.str();
    const bool wanted = OneOf(name, kApparatusSections) ? apparatus
                        : IsOwnSection(name)            ? false
                                                        : city;
    if (!wanted || root->contains(name)) continue;
    root->insert(key, node);
  }
}

Scenario ParseScenario(std::string_view text, Diagnostics* diagnostics) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(diagnostics->file()));
  } catch (const toml::parse_error& error) {
    const toml::source_position begin = error.source().begin;
    diagnostics->Error({static_cast<int>(begin.line), static_cast<int>(begin.column)},
                       fmt::format("TOML syntax: {}", error.description()));
    return Scenario{};
  }
  InheritDefaultCity(&root, diagnostics);
  Scenario scenario = Loader(root, diagnostics).Load();
  scenario.source = diagnostics->file();
  return scenario;
}

absl::StatusOr<Scenario> LoadScenarioText(std::string_view text, std::string_view source) {
  Diagnostics diagnostics{std::string(source)};
  Scenario scenario = ParseScenario(text, &diagnostics);
  if (!diagnostics.empty()) return diagnostics.ToStatus();
  return scenario;
}

Scenario DefaultScenario() {
  absl::StatusOr<Scenario> scenario = LoadScenarioText(DefaultScenarioText(), kBuiltInSource);
  // The embedded text is checked by tests/scenario/loader_test.cc; failing here is a build bug.
  if (!scenario.ok()) std::abort();
  return *std::move(scenario);
}

}  // namespace oversight
