// Design: one function per section, each driving a TableReader over its table; sections
// that others refer to (groups, districts, lists) are read first so references can be
// checked with "did you mean" suggestions. The loader never stops at the first problem.
// Cross-field checks (shares summing to one, rules that could never fire) come after the
// per-key checks of their table.
#include "scenario/loader.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "core/sim_time.h"
#include "scenario/did_you_mean.h"
#include "scenario/population_reader.h"
#include "scenario/table_reader.h"

namespace oversight {

namespace {

constexpr int64_t kMaxPersons = 100'000'000;
constexpr int64_t kMaxDays = 3650;

template <size_t N>
std::vector<std::string> ToStrings(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

std::vector<std::string> NamesOf(const auto& items) {
  std::vector<std::string> names;
  for (const auto& item : items) names.push_back(item.name);
  return names;
}

// Place types a scenario may configure counts or cameras for (home and capital are not
// counted per 1,000 residents, but may carry cameras).
const std::vector<std::string>& PlaceTypeNames() {
  static const std::vector<std::string> names = ToStrings(kPlaceTypeNames);
  return names;
}

class Loader {
 public:
  Loader(const toml::table& root, Diagnostics* diagnostics)
      : root_(root, "the top level", diagnostics), diagnostics_(diagnostics) {}

  Scenario Load() {
    ReadHeader();
    ReadGroups();
    ReadDistricts();
    ReadCity();
    ReadPopulation(&root_, group_names_, diagnostics_, &scenario_.world.population);
    ReadTies();
    ReadPhones();
    ReadPurchases();
    ReadUtilities();
    ReadVehicles();
    ReadLawful();
    ReadEvasion();
    ReadLife();
    ReadCalendar();
    ReadCameras();
    ReadRecognition();
    ReadRecords();
    ReadLists();
    ReadRules();
    ReadRedList();
    ReadPolice();
    root_.Finish();
    return std::move(scenario_);
  }

 private:
  void ReadHeader() {
    const toml::table* table = root_.Table("scenario");
    if (table == nullptr) {
      if (!root_.Has("scenario")) {
        diagnostics_->Error(root_.Position(),
                            "missing section [scenario]; expected name, seed, days and persons");
      }
      return;
    }
    TableReader r(*table, "[scenario]", diagnostics_);
    r.String("name", &scenario_.name);
    r.String("description", &scenario_.description);
    int64_t seed = static_cast<int64_t>(scenario_.seed);
    r.Integer("seed", 0, INT64_MAX, &seed);
    scenario_.seed = static_cast<uint64_t>(seed);
    r.Int32("days", 1, kMaxDays, &scenario_.days);
    int64_t persons = scenario_.world.persons;
    r.Integer("persons", 1, kMaxPersons, &persons);
    scenario_.world.persons = static_cast<uint32_t>(persons);
    r.Finish();
  }

  void ReadGroups() {
    std::vector<GroupOptions>& groups = scenario_.world.groups;
    if (const toml::array* array = root_.ArrayOfTables("groups")) {
      for (const toml::node& node : *array) {
        const toml::table& table = *node.as_table();
        TableReader r(table, fmt::format("[[groups]] #{}", groups.size() + 1), diagnostics_);
        GroupOptions group;
        if (r.Require("name", "a group name such as \"majority\"")) r.String("name", &group.name);
        r.Double("record_bias", 0.0, 100.0, &group.record_bias);
        r.Finish();
        CheckUniqueName(r, groups, group.name, "group");
        groups.push_back(std::move(group));
      }
    }
    if (groups.empty()) groups.push_back(GroupOptions{"everyone", 1.0});
    group_names_ = NamesOf(groups);
  }

  void ReadDistricts() {
    std::vector<DistrictOptions>& districts = scenario_.world.districts;
    if (const toml::array* array = root_.ArrayOfTables("districts")) {
      for (const toml::node& node : *array) {
        const toml::table& table = *node.as_table();
        TableReader r(table, fmt::format("[[districts]] #{}", districts.size() + 1),
                      diagnostics_);
        DistrictOptions district;
        if (r.Require("name", "a district name")) r.String("name", &district.name);
        r.Double("population_weight", 0.0, 1e9, &district.population_weight);
        district.group_shares.assign(group_names_.size(), 0.0);
        if (group_names_.size() == 1) district.group_shares[0] = 1.0;
        if (r.Has("group_shares") || group_names_.size() > 1) {
          if (r.Require("group_shares", "the share of residents in each group, e.g. "
                                        "{ majority = 0.9, minority = 0.1 }")) {
            std::fill(district.group_shares.begin(), district.group_shares.end(), 0.0);
            r.NumberMap("group_shares", group_names_, "group", 0.0, 1.0,
                        [&](size_t i, double v) { district.group_shares[i] = v; });
            double sum = 0.0;
            for (double share : district.group_shares) sum += share;
            if (std::abs(sum - 1.0) > 1e-6) {
              r.Error("group_shares",
                      fmt::format("'group_shares' in {} must sum to 1, got {}", r.context(), sum));
            }
          }
        }
        r.Finish();
        CheckUniqueName(r, districts, district.name, "district");
        districts.push_back(std::move(district));
      }
    }
    if (districts.empty()) {
      DistrictOptions centre;
      centre.name = "Centre";
      centre.group_shares.assign(group_names_.size(), 1.0 / static_cast<double>(group_names_.size()));
      districts.push_back(std::move(centre));
    }
    double total_weight = 0.0;
    for (const DistrictOptions& d : districts) total_weight += d.population_weight;
    if (total_weight <= 0.0) {
      diagnostics_->Error(root_.PositionOf("districts"),
                          "the districts' population_weight values sum to 0; at least one "
                          "district must have residents");
    }
    district_names_ = NamesOf(districts);
  }

  void ReadCity() {
    const toml::table* table = root_.Table("city");
    if (table == nullptr) return;
    TableReader r(*table, "[city]", diagnostics_);
    r.Double("district_size_m", 100.0, 1e6, &scenario_.world.district_size_m);
    r.NumberMap("places_per_1000", PlaceTypeNames(), "place type", 0.0, 1000.0,
                [&](size_t i, double v) {
                  const auto type = static_cast<PlaceType>(i);
                  if (type == PlaceType::kHome || OutsideTheCity(type) ||
                      type == PlaceType::kResidentialCompound) {
                    r.Error("places_per_1000",
                            fmt::format("'places_per_1000' in [city] cannot set '{}': there is "
                                        "one home per household, the capital and out_of_town "
                                        "lie outside the city, and compounds are set by "
                                        "'households_per_compound'",
                                        Name(type)));
                    return;
                  }
                  scenario_.world.places_per_1000[i] = v;
                });
    r.Int32("households_per_compound", 1, 100000, &scenario_.world.households_per_compound);
    r.Finish();
  }

  void ReadTies() {
    const toml::table* table = root_.Table("ties");
    if (table == nullptr) return;
    TableReader r(*table, "[ties]", diagnostics_);
    TieOptions& ties = scenario_.world.ties;
    r.Int32("kin_households", 0, 50, &ties.kin_households);
    r.Int32("friends", 0, 200, &ties.friends);
    r.Probability("friends_local_share", &ties.friends_local_share);
    r.Int32("coworkers", 0, 200, &ties.coworkers);
    r.Int32("petitioner_group_size", 1, 1000, &ties.petitioner_group_size);
    r.Finish();
  }

  void ReadPhones() {
    const toml::table* table = root_.Table("phones");
    if (table == nullptr) return;
    TableReader r(*table, "[phones]", diagnostics_);
    PhoneOptions& phones = scenario_.world.phones;
    r.Int32("min_age", 0, 100, &phones.min_age);
    r.Probability("second_phone_share", &phones.second_phone_share);
    r.Double("calls_per_day", 0.0, 20.0, &phones.calls_per_day);
    r.Probability("new_number_share", &phones.new_number_share);
    r.Probability("out_of_town_share", &phones.out_of_town_share);
    r.Probability("migrant_home_call_share", &phones.migrant_home_call_share);
    int64_t pool = phones.out_of_town_numbers;
    r.Integer("out_of_town_numbers", 1, 100'000'000, &pool);
    phones.out_of_town_numbers = static_cast<uint32_t>(pool);
    r.Finish();
  }

  void ReadPurchases() {
    const toml::table* table = root_.Table("purchases");
    if (table == nullptr) return;
    TableReader r(*table, "[purchases]", diagnostics_);
    PurchaseOptions& p = scenario_.world.purchases;
    r.Double("per_day", 0.0, 20.0, &p.per_day);
    r.Probability("cash_share", &p.cash_share);
    r.Probability("cash_share_elderly", &p.cash_share_elderly);
    r.Finish();
  }

  void ReadUtilities() {
    const toml::table* table = root_.Table("utilities");
    if (table == nullptr) return;
    TableReader r(*table, "[utilities]", diagnostics_);
    UtilityOptions& u = scenario_.world.utilities;
    r.Double("water_base_l", 0.0, 10000.0, &u.water_base_l);
    r.Double("water_per_person_l", 0.0, 10000.0, &u.water_per_person_l);
    r.Double("power_base_kwh", 0.0, 1000.0, &u.power_base_kwh);
    r.Double("power_per_person_kwh", 0.0, 1000.0, &u.power_per_person_kwh);
    r.Double("noise", 0.0, 1.0, &u.noise);
    r.Probability("family_unregistered_share", &u.family_unregistered_share);
    r.Int32("shared_registered_max", 1, 100, &u.shared_registered_max);
    r.Finish();
  }

  void ReadVehicles() {
    const toml::table* table = root_.Table("vehicles");
    if (table == nullptr) return;
    TableReader r(*table, "[vehicles]", diagnostics_);
    VehicleOptions& v = scenario_.world.vehicles;
    r.Probability("family_share_one", &v.family_share_one);
    r.Probability("family_share_two", &v.family_share_two);
    r.Probability("drive_share", &v.drive_share);
    int64_t hired = v.hired_vehicles;
    r.Integer("hired_vehicles", 1, 10'000'000, &hired);
    v.hired_vehicles = static_cast<uint32_t>(hired);
    if (v.family_share_one + v.family_share_two > 1.0 + 1e-9) {
      r.Error("family_share_two", "'family_share_one' + 'family_share_two' in [vehicles] must be "
                                  "at most 1");
    }
    r.Finish();
  }

  void ReadLawful() {
    const toml::table* table = root_.Table("lawful");
    if (table == nullptr) return;
    TableReader r(*table, "[lawful]", diagnostics_);
    LawfulOptions& lawful = scenario_.world.lawful;
    r.Probability("petition_trip_rate", &lawful.petition_trip_rate);
    r.Probability("gathering_rate", &lawful.gathering_rate);
    r.Probability("gathering_attendance", &lawful.gathering_attendance);
    r.Finish();
  }

  void ReadEvasion() {
    const toml::table* table = root_.Table("evasion");
    if (table == nullptr) return;
    TableReader r(*table, "[evasion]", diagnostics_);
    EvasionOptions& evasion = scenario_.world.evasion;
    r.Probability("base_share", &evasion.base_share);
    r.Probability("petitioner_share", &evasion.petitioner_share);
    r.Probability("harmful_share", &evasion.harmful_share);
    r.Probability("per_police_contact", &evasion.per_police_contact);
    r.Int32("decoy_tickets", 0, 10, &evasion.decoy_tickets);
    r.Finish();
  }

  void ReadLife() {
    const toml::table* table = root_.Table("life");
    if (table == nullptr) return;
    TableReader r(*table, "[life]", diagnostics_);
    LifeOptions& life = scenario_.world.life;
    r.Probability("leisure_rate", &life.leisure_rate);
    r.Probability("leisure_hotel_share", &life.leisure_hotel_share);
    r.Probability("leisure_friend_share", &life.leisure_friend_share);
    if (life.leisure_hotel_share + life.leisure_friend_share > 1.0 + 1e-9) {
      r.Error("leisure_friend_share", "'leisure_hotel_share' + 'leisure_friend_share' in [life] "
                                      "must be at most 1");
    }
    r.Probability("school_run_share", &life.school_run_share);
    r.Int32("school_run_max_age", 0, 25, &life.school_run_max_age);
    r.Probability("travel_rate", &life.travel_rate);
    r.Probability("travel_capital_share", &life.travel_capital_share);
    r.Probability("hospital_rate", &life.hospital_rate);
    r.Probability("hospital_rate_if_ill", &life.hospital_rate_if_ill);
    r.Probability("petition_office_rate", &life.petition_office_rate);
    r.Probability("hotel_stay_rate", &life.hotel_stay_rate);
    r.Finish();
  }

  void ReadCalendar() {
    const toml::table* table = root_.Table("calendar");
    if (table == nullptr) return;
    TableReader r(*table, "[calendar]", diagnostics_);
    CalendarOptions& calendar = scenario_.world.calendar;
    static const std::vector<std::string> kWeekdays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    size_t weekday = static_cast<size_t>(calendar.first_weekday);
    r.Choice("first_weekday", kWeekdays, "weekday", &weekday);
    calendar.first_weekday = static_cast<int32_t>(weekday);
    r.Probability("reunion_travel_share", &calendar.reunion_travel_share);
    r.Probability("reunion_visit_rate", &calendar.reunion_visit_rate);
    if (const toml::array* array = r.ArrayOfTables("holidays")) {
      for (const toml::node& node : *array) {
        TableReader h(*node.as_table(),
                      fmt::format("[[calendar.holidays]] #{}", calendar.holidays.size() + 1),
                      diagnostics_);
        HolidayOptions holiday;
        if (h.Require("name", "a holiday name such as \"spring_festival\"")) {
          h.String("name", &holiday.name);
        }
        h.Require("first_day", "the day index (0-based) the holiday starts");
        h.Int32("first_day", 0, kMaxDays, &holiday.first_day);
        h.Int32("days", 1, 366, &holiday.days);
        h.Bool("reunion", &holiday.reunion);
        h.Finish();
        calendar.holidays.push_back(std::move(holiday));
      }
    }
    r.Finish();
  }

  void ReadCameras() {
    SenseOptions& sense = scenario_.sense;
    sense.district_camera_multiplier.assign(district_names_.size(), 1.0);
    const toml::table* table = root_.Table("cameras");
    if (table == nullptr) return;
    TableReader r(*table, "[cameras]", diagnostics_);
    r.NumberMap("share", PlaceTypeNames(), "place type", 0.0, 1.0,
                [&](size_t i, double v) { sense.camera_share[i] = v; });
    r.NumberMap("district_multiplier", district_names_, "district", 0.0, 1000.0,
                [&](size_t i, double v) { sense.district_camera_multiplier[i] = v; });
    r.Finish();
  }

  void ReadRecognition() {
    SenseOptions& sense = scenario_.sense;
    sense.hit_rate.assign(group_names_.size(), 0.90);
    sense.false_match_rate.assign(group_names_.size(), 0.001);
    const toml::table* table = root_.Table("recognition");
    if (table == nullptr) return;
    TableReader r(*table, "[recognition]", diagnostics_);
    r.NumberMap("hit_rate", group_names_, "group", 0.0, 1.0,
                [&](size_t i, double v) { sense.hit_rate[i] = v; });
    r.NumberMap("false_match_rate", group_names_, "group", 0.0, 1.0,
                [&](size_t i, double v) { sense.false_match_rate[i] = v; });
    for (size_t i = 0; i < group_names_.size(); ++i) {
      if (sense.hit_rate[i] + sense.false_match_rate[i] > 1.0 + 1e-9) {
        r.Error("false_match_rate",
                fmt::format("for group '{}', hit_rate + false_match_rate must be at most 1, got {}",
                            group_names_[i], sense.hit_rate[i] + sense.false_match_rate[i]));
      }
    }
    r.Probability("ticket_id_check_rate", &sense.ticket_id_check_rate);
    r.Finish();
  }

  void ReadRecords() {
    const toml::table* table = root_.Table("records");
    if (table == nullptr) return;
    TableReader r(*table, "[records]", diagnostics_);
    SenseOptions& sense = scenario_.sense;
    r.Probability("call_record_rate", &sense.call_record_rate);
    r.Probability("dark_record_rate", &sense.dark_record_rate);
    r.Probability("payment_record_rate", &sense.payment_record_rate);
    r.Probability("hotel_registration_rate", &sense.hotel_registration_rate);
    r.Probability("plate_read_rate", &sense.plate_read_rate);
    r.Probability("plate_misread_rate", &sense.plate_misread_rate);
    r.Probability("meter_record_rate", &sense.meter_record_rate);
    r.Finish();
  }

  void ReadRedList() {
    const toml::table* table = root_.Table("red_list");
    if (table == nullptr) return;
    TableReader r(*table, "[red_list]", diagnostics_);
    r.Require("recorded_traits", "the traits on file that exempt a person, e.g. [\"official\"]");
    r.ChoiceArray("recorded_traits", ToStrings(kTraitNames), "trait", [&](size_t i) {
      scenario_.policy.red_list_traits =
          static_cast<TraitBits>(scenario_.policy.red_list_traits | (1u << i));
    });
    r.Finish();
  }

  void ReadLists() {
    std::vector<ListOptions>& lists = scenario_.policy.lists;
    const toml::array* array = root_.ArrayOfTables("lists");
    if (array == nullptr) return;
    for (const toml::node& node : *array) {
      TableReader r(*node.as_table(), fmt::format("[[lists]] #{}", lists.size() + 1), diagnostics_);
      ListOptions list;
      if (r.Require("name", "a list name such as \"key_persons\"")) r.String("name", &list.name);
      if (r.Has("recorded_traits")) {
        r.ChoiceArray("recorded_traits", ToStrings(kTraitNames), "trait", [&](size_t i) {
          list.recorded_traits = static_cast<TraitBits>(list.recorded_traits | (1u << i));
        });
        if (list.recorded_traits == 0 && !r.Has("add_after_alerts")) {
          r.Error("recorded_traits", fmt::format("'recorded_traits' in {} is empty and nothing "
                                                 "adds to the list: it would hold nobody and "
                                                 "its rules never fire",
                                                 r.context()));
        }
      } else if (!r.Has("add_after_alerts")) {
        r.Require("recorded_traits", "an array of trait names, e.g. [\"drug_use\"], or "
                                     "'add_after_alerts'");
      }
      r.Int32("add_after_alerts", 0, 1000, &list.add_after_alerts);
      r.Int32("within_days", 1, kMaxDays, &list.within_days);
      r.Probability("removal_rate", &list.removal_rate);
      r.Finish();
      CheckUniqueName(r, lists, list.name, "list");
      if (lists.size() == kMaxLists) {
        r.Error("name", fmt::format("too many lists: at most {} are supported", kMaxLists));
        continue;
      }
      lists.push_back(std::move(list));
    }
  }

  void ReadRules() {
    std::vector<RuleOptions>& rules = scenario_.policy.rules;
    const toml::array* array = root_.ArrayOfTables("rules");
    if (array == nullptr) return;
    const std::vector<std::string> list_names = NamesOf(scenario_.policy.lists);
    std::set<std::string> ids;
    for (const toml::node& node : *array) {
      TableReader r(*node.as_table(), fmt::format("[[rules]] #{}", rules.size() + 1), diagnostics_);
      RuleOptions rule;
      if (r.Require("id", "a rule id such as \"near_school\"")) r.String("id", &rule.id);
      if (!rule.id.empty() && !ids.insert(rule.id).second) {
        r.Error("id", fmt::format("rule id '{}' is used twice", rule.id));
      }
      size_t kind = 0;
      if (r.Require("kind", "one of 'near_place', 'gathering', 'ticket', 'phone_dark', "
                            "'utilities', 'check_ins', 'new_number_calls'")) {
        r.Choice("kind", ToStrings(kRuleKindNames), "rule kind", &kind);
      }
      rule.kind = static_cast<RuleKind>(kind);
      size_t list = 0;
      if (rule.kind == RuleKind::kUtilities && !r.Has("list")) {
        list = kEveryone;  // every household
      } else if (r.Require("list", "the name of a [[lists]] entry")) {
        if (list_names.empty()) {
          r.Error("list", fmt::format("'list' in {} refers to a list, but the scenario defines "
                                      "no [[lists]]", r.context()));
          r.Touch("list");  // known key; the error above is the message
        } else {
          r.Choice("list", list_names, "list", &list);
        }
      }
      rule.list = static_cast<uint32_t>(list);
      size_t place_type = static_cast<size_t>(rule.place_type);
      r.Choice("place_type", PlaceTypeNames(), "place type", &place_type);
      rule.place_type = static_cast<PlaceType>(place_type);
      r.Double("radius_m", 0.0, 100000.0, &rule.radius_m);
      r.Int32("from_hour", 0, 23, &rule.from_hour);
      r.Int32("to_hour", 1, 24, &rule.to_hour);
      r.Int32("min_persons", 2, 100000, &rule.min_persons);
      r.Int32("window_minutes", 1, kMinutesPerDay, &rule.window_minutes);
      r.Double("factor", 1.0, 1000.0, &rule.factor);
      r.Int32("min_calls", 1, 10000, &rule.min_calls);
      r.Int32("window_days", 1, 365, &rule.window_days);
      r.Int32("lookback_days", 1, 3650, &rule.lookback_days);
      size_t category = static_cast<size_t>(rule.category);
      r.Choice("category", ToStrings(kCategoryNames), "category", &category);
      rule.category = static_cast<Category>(category);
      r.Int32("priority", 0, 9, &rule.priority);
      CheckRuleKeys(r, rule);
      r.Finish();
      rules.push_back(std::move(rule));
    }
  }

  // Keys that mean nothing for a rule's kind are errors, not silently ignored settings.
  void CheckRuleKeys(TableReader& r, const RuleOptions& rule) {
    // For each kind-specific key, the kinds it applies to (bit k = RuleKind k).
    struct KeyUse {
      std::string_view key;
      unsigned kinds;
    };
    constexpr auto K = [](RuleKind kind) { return 1u << static_cast<unsigned>(kind); };
    static constexpr KeyUse kUses[] = {
        {"place_type", K(RuleKind::kNearPlace) | K(RuleKind::kGathering)},
        {"radius_m", K(RuleKind::kNearPlace)},
        {"from_hour", K(RuleKind::kNearPlace)},
        {"to_hour", K(RuleKind::kNearPlace)},
        {"min_persons", K(RuleKind::kGathering) | K(RuleKind::kCheckIns)},
        {"window_minutes", K(RuleKind::kGathering)},
        {"factor", K(RuleKind::kUtilities)},
        {"min_calls", K(RuleKind::kNewNumberCalls)},
        {"window_days", K(RuleKind::kNewNumberCalls)},
        {"lookback_days", K(RuleKind::kNewNumberCalls)},
    };
    for (const KeyUse& use : kUses) {
      const bool applies = (use.kinds & K(rule.kind)) != 0;
      if (!applies && r.Has(use.key)) {
        r.Error(use.key, fmt::format("'{}' does not apply to rules of kind '{}' ({})", use.key,
                                     kRuleKindNames[static_cast<size_t>(rule.kind)], r.context()));
      }
    }
    if (rule.kind == RuleKind::kNewNumberCalls && rule.window_days > rule.lookback_days) {
      r.Error("window_days", fmt::format("rule '{}': window_days ({}) must not exceed "
                                         "lookback_days ({})", rule.id, rule.window_days,
                                         rule.lookback_days));
    }
    if (rule.kind == RuleKind::kNearPlace && rule.from_hour >= rule.to_hour) {
      r.Error("to_hour", fmt::format("rule '{}' can never fire: from_hour {} is not before "
                                     "to_hour {}", rule.id, rule.from_hour, rule.to_hour));
    }
    const bool needs_place =
        rule.kind == RuleKind::kNearPlace || rule.kind == RuleKind::kGathering;
    if (needs_place && !r.Has("place_type")) {
      r.Require("place_type", "the type of place the rule watches, e.g. \"school\"");
    }
  }

  void ReadPolice() {
    const toml::table* table = root_.Table("police");
    if (table == nullptr) return;
    TableReader r(*table, "[police]", diagnostics_);
    RespondOptions& respond = scenario_.respond;
    r.Int32("visits_per_day", 0, 10'000'000, &respond.visits_per_day);
    r.Int32("response_minutes", 0, kMinutesPerDay, &respond.response_minutes);
    r.Int32("max_wait_days", 0, 365, &respond.max_wait_days);
    r.Int32("duty_start_hour", 0, 23, &respond.duty_start_hour);
    r.Finish();
  }

  template <typename T>
  void CheckUniqueName(TableReader& r, const std::vector<T>& existing, const std::string& name,
                       std::string_view what) {
    if (name.empty()) {
      if (r.Has("name")) r.Error("name", fmt::format("{} name in {} is empty", what, r.context()));
      return;
    }
    for (const T& item : existing) {
      if (item.name == name) {
        r.Error("name", fmt::format("{} name '{}' is used twice", what, name));
        return;
      }
    }
  }

  TableReader root_;
  Diagnostics* diagnostics_;
  Scenario scenario_;
  std::vector<std::string> group_names_;
  std::vector<std::string> district_names_;
};

}  // namespace

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
