// Design: one function per section, each driving a TableReader over its table; sections
// that others refer to (groups, districts, lists) are read first so references can be
// checked with "did you mean" suggestions. The loader never stops at the first problem.
// Cross-field checks (shares summing to one, rules that could never fire) come after the
// per-key checks of their table.
#include "scenario/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>
#include <span>

#include "core/limits.h"
#include "core/sim_time.h"
#include "scenario/crime_records_reader.h"
#include "scenario/did_you_mean.h"
#include "scenario/population_reader.h"
#include "scenario/reporting_tables_reader.h"
#include "scenario/section_reader.h"
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
    ReadHeader();
    if (scenario_.model != ScenarioModel::kCity) {
      const std::string_view section = ModelName(scenario_.model);
      switch (scenario_.model) {
        case ScenarioModel::kUrn:
          ReadUrn();
          break;
        case ScenarioModel::kPredpol:
          ReadPredpol();
          break;
        default:
          ReadReporting();
          break;
      }
      for (const auto& [key, node] : root_table_) {
        if (key.str() == "scenario" || key.str() == section) continue;
        root_.Touch(key.str());
        root_.Error(key.str(), fmt::format("section [{0}] does not apply to model \"{1}\" (it "
                                           "has only [scenario] and [{1}])",
                                           key.str(), section));
      }
      root_.Finish();
      return std::move(scenario_);
    }
    ReadGroups();
    ReadDistricts();
    ReadCity();
    ReadPopulation(&root_, ctx_.group_names, diagnostics_, &scenario_.world.population);
    ReadTies();
    ReadPhones();
    ReadPurchases();
    ReadUtilities();
    ReadVehicles();
    ReadLawful();
    ReadEvasion();
    ReadDeterrence();
    ReadLife();
    ReadCalendar();
    ReadCameras();
    ReadRecognition();
    ReadRecords();
    ReadLists();
    ReadRules();
    ReadScores();
    ReadRedList();
    ReadPolice();
    ReadPatrols();
    ReadAudit();
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
    size_t model = static_cast<size_t>(scenario_.model);
    r.Choice("model", {"city", "urn", "predpol", "reporting"}, "model", &model);
    scenario_.model = static_cast<ScenarioModel>(model);
    if (scenario_.model != ScenarioModel::kCity && r.Has("persons")) {
      r.Touch("persons");
      r.Error("persons", fmt::format("'persons' does not apply to model \"{}\" (it has places, "
                                     "not persons)",
                                     ModelName(scenario_.model)));
    }
    size_t city = 0;
    r.Choice("city", {"default"}, "city to start from", &city);  // see InheritDefaultCity
    size_t apparatus = 0;
    r.Choice("apparatus", {"default"}, "apparatus to install", &apparatus);  // ditto
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

  void ReadUrn() {
    const toml::table* table = root_.Table("urn");
    if (table == nullptr) {
      if (!root_.Has("urn")) {
        diagnostics_->Error(root_.Position(), "model \"urn\" needs a section [urn] with "
                                              "discovered_rate and start");
      }
      return;
    }
    TableReader r(*table, "[urn]", diagnostics_);
    UrnScenarioOptions& urn = scenario_.urn;
    if (r.Has("regions")) {
      const toml::array* names = r.Get("regions")->as_array();
      const bool ok = names != nullptr && names->size() == 2 && (*names)[0].is_string() &&
                      (*names)[1].is_string();
      if (ok) {
        urn.regions = {*(*names)[0].value<std::string>(), *(*names)[1].value<std::string>()};
      } else {
        r.Error("regions", "'regions' must be two names, e.g. [\"top bin\", \"random bin\"]");
      }
    }
    if (r.Require("discovered_rate", "two true daily rates, e.g. [3.68511, 2.35592]")) {
      ReadPair(r, "discovered_rate", 0.0, 1000.0, &urn.discovered_rate);
    }
    ReadPair(r, "reported_rate", 0.0, 1000.0, &urn.reported_rate);
    if (r.Require("start", "two counts of recorded incidents, e.g. [609, 7]")) {
      ReadPair(r, "start", 1.0, 1e9, &urn.start);
    }
    r.Probability("decay", &urn.decay);
    r.Int32("runs", 1, 100'000, &urn.runs);
    size_t correction = 2;
    r.Choice("correction", {"off", "on", "both"}, "correction arm", &correction);
    urn.without_correction = correction != 1;
    urn.with_correction = correction != 0;
    // Update mode, surprise corrections and the final-share threshold.
    size_t updates = static_cast<size_t>(urn.updates);
    r.Choice("updates", {"poisson", "expected"}, "update mode", &updates);
    urn.updates = static_cast<UrnUpdates>(updates);
    size_t surprise = static_cast<size_t>(urn.surprise);
    r.Choice("surprise", {"linear", "partial", "weighted"}, "surprise correction", &surprise);
    urn.surprise = static_cast<UrnSurprise>(surprise);
    ReadPair(r, "surprise_add", 0.0, 1000.0, &urn.surprise_add);
    r.Double("reported_weight", 1e-6, 1.0, &urn.reported_weight);
    r.Probability("threshold", &urn.threshold);
    if (urn.surprise != UrnSurprise::kLinear && !urn.with_correction) {
      r.Error("surprise",
              "'surprise' applies to the corrected arm: set correction = \"on\" "
              "or \"both\"");
    }
    r.Finish();
  }

  // A path in the scenario, relative to the scenario file's folder.
  std::filesystem::path Resolve(const std::string& path) const {
    const std::filesystem::path p(path);
    if (p.is_absolute() || diagnostics_->file() == kBuiltInSource) return p;
    return std::filesystem::path(diagnostics_->file()).parent_path() / p;
  }

  void ReadPredpol() {
    const toml::table* table = root_.Table("predpol");
    if (table == nullptr) {
      if (!root_.Has("predpol")) {
        diagnostics_->Error(root_.Position(),
                            "model \"predpol\" needs a section [predpol] with "
                            "records and first_day");
      }
      return;
    }
    TableReader r(*table, "[predpol]", diagnostics_);
    PredpolScenarioOptions& p = scenario_.predpol;
    if (r.Require("records",
                  "a CSV file of recorded incidents by bin and date, relative to "
                  "this file")) {
      std::string path;
      r.String("records", &path);
      p.records_path = Resolve(path).string();
      if (absl::Status s = ReadCrimeRecords(p.records_path, &p); !s.ok()) {
        r.Error("records", fmt::format("cannot use 'records': {}", std::string(s.message())));
      }
    }
    if (r.Has("bins")) {
      std::string path;
      r.String("bins", &path);
      p.bins_path = Resolve(path).string();
      if (absl::Status s = ReadBinCentres(p.bins_path, &p); !s.ok()) {
        r.Error("bins", fmt::format("cannot use 'bins': {}", std::string(s.message())));
      }
    }
    if (r.Require("first_day", "the first day to forecast, e.g. \"2011-01-01\"")) {
      std::string text;
      r.String("first_day", &text);
      const std::optional<CivilDay> day = ParseCivilDay(text);
      if (day) {
        p.first_day = *day;
      } else {
        r.Error("first_day", fmt::format("'first_day' must be a date such as \"2011-01-01\", "
                                         "got \"{}\"",
                                         text));
      }
    }
    r.Int32("window_days", 1, 3650, &p.window_days);
    r.Int32("top", 1, 100'000, &p.top);
    r.Probability("added_share", &p.added_share);
    r.Int32("runs", 1, 10'000, &p.runs);
    size_t feedback = 2;
    r.Choice("feedback", {"off", "on", "both"}, "feedback arm", &feedback);
    p.without_feedback = feedback != 1;
    p.with_feedback = feedback != 0;
    // The ranker and the EM stopping rule.
    size_t ranker = static_cast<size_t>(p.ranker);
    r.Choice("ranker", {"sepp", "counts"}, "ranker", &ranker);
    p.ranker = static_cast<PredpolRanker>(ranker);
    size_t stop = p.stop_any ? 0 : 1;
    r.Choice("stop", {"any", "all"}, "EM stopping rule", &stop);
    p.stop_any = stop == 0;
    if (!p.records.empty()) {
      if (p.top > p.bins) {
        r.Error("top", fmt::format("'top' ({}) is more than the {} bins", p.top, p.bins));
      }
      const CivilDay from = p.first_day - p.window_days;
      const bool covered =
          std::any_of(p.records.begin(), p.records.end(),
                      [&](const CrimeRecord& c) { return c.day >= from && c.day < p.first_day; });
      if (!covered && r.Has("first_day")) {
        r.Error("first_day",
                fmt::format("no records in the {} days before {}: the records run from {} to {}",
                            p.window_days, FormatCivilDay(p.first_day),
                            FormatCivilDay(p.records.front().day),
                            FormatCivilDay(p.records.back().day)));
      }
    }
    r.Finish();
  }

  void ReadReporting() {
    const toml::table* table = root_.Table("reporting");
    if (table == nullptr) {
      if (!root_.Has("reporting")) {
        diagnostics_->Error(root_.Position(),
                            "model \"reporting\" needs a section [reporting] with districts "
                            "and cells");
      }
      return;
    }
    TableReader r(*table, "[reporting]", diagnostics_);
    ReportingScenarioOptions& o = scenario_.reporting;
    bool districts_read = false;
    if (r.Require("districts",
                  "a CSV file of districts with their victimization and "
                  "reporting rates, relative to this file")) {
      std::string path;
      r.String("districts", &path);
      o.districts_path = Resolve(path).string();
      absl::Status s = ReadReportingDistricts(o.districts_path, &o);
      districts_read = s.ok();
      if (!s.ok()) {
        r.Error("districts", fmt::format("cannot use 'districts': {}", std::string(s.message())));
      }
    }
    if (r.Require("cells",
                  "a CSV file of grid cells and their districts, relative to this "
                  "file")) {
      std::string path;
      r.String("cells", &path);
      o.cells_path = Resolve(path).string();
      if (districts_read) {
        if (absl::Status s = ReadReportingCells(o.cells_path, &o); !s.ok()) {
          r.Error("cells", fmt::format("cannot use 'cells': {}", std::string(s.message())));
        }
      }
    }
    r.Double("population_scale", 1e-3, 1e9, &o.population_scale);
    r.Double("theta", 0.0, 0.95, &o.theta);
    r.Double("omega", 1e-3, 100.0, &o.omega);
    r.Int32("burn_in_days", 0, 36'500, &o.burn_in_days);
    r.Int32("train_days", 1, 3'650, &o.train_days);
    r.Int32("refit_days", 1, 3'650, &o.refit_days);
    r.Int32("top", 1, 1'000'000, &o.top);
    r.Int32("runs", 1, 10'000, &o.runs);
    r.Double("background_rate", 0.0, 1e6, &o.background_rate);
    r.Double("bump_sd", 1e-3, 1e3, &o.bump_sd);
    r.Double("aftershock_sd", 1e-3, 1e3, &o.aftershock_sd);
    r.Double("model_background_sd", 1e-3, 1e3, &o.model_background_sd);
    r.Int32("em_iterations", 1, 100'000, &o.em_iterations);
    r.Int32("ma_max_days", 1, 3'650, &o.ma_max_days);
    if (!o.cells.empty() && static_cast<size_t>(o.top) > o.cells.size()) {
      r.Error("top", fmt::format("'top' ({}) is more than the {} cells", o.top, o.cells.size()));
    }
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
    ctx_.group_names = NamesOf(groups);
  }

  void ReadDistricts() {
    std::vector<DistrictOptions>& districts = scenario_.world.districts;
    if (const toml::array* array = root_.ArrayOfTables("districts")) {
      for (const toml::node& node : *array) {
        const toml::table& table = *node.as_table();
        TableReader r(table, fmt::format("[[districts]] #{}", districts.size() + 1), diagnostics_);
        DistrictOptions district;
        if (r.Require("name", "a district name")) r.String("name", &district.name);
        r.Double("population_weight", 0.0, 1e9, &district.population_weight);
        district.group_shares.assign(ctx_.group_names.size(), 0.0);
        if (ctx_.group_names.size() == 1) district.group_shares[0] = 1.0;
        if (r.Has("group_shares") || ctx_.group_names.size() > 1) {
          if (r.Require("group_shares",
                        "the share of residents in each group, e.g. "
                        "{ majority = 0.9, minority = 0.1 }")) {
            std::fill(district.group_shares.begin(), district.group_shares.end(), 0.0);
            r.NumberMap("group_shares", ctx_.group_names, "group", 0.0, 1.0,
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
      centre.group_shares.assign(ctx_.group_names.size(),
                                 1.0 / static_cast<double>(ctx_.group_names.size()));
      districts.push_back(std::move(centre));
    }
    double total_weight = 0.0;
    for (const DistrictOptions& d : districts) total_weight += d.population_weight;
    if (total_weight <= 0.0) {
      diagnostics_->Error(root_.PositionOf("districts"),
                          "the districts' population_weight values sum to 0; at least one "
                          "district must have residents");
    }
    ctx_.district_names = NamesOf(districts);
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
      r.Error("family_share_two",
              "'family_share_one' + 'family_share_two' in [vehicles] must be "
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

  void ReadDeterrence() {
    const toml::table* table = root_.Table("deterrence");
    if (table == nullptr) return;
    TableReader r(*table, "[deterrence]", diagnostics_);
    DeterrenceOptions& d = scenario_.world.deterrence;
    r.Probability("lawful_per_contact", &d.lawful_per_contact);
    r.Probability("harmful_per_contact", &d.harmful_per_contact);
    r.Finish();
  }

  void ReadAudit() {
    const toml::table* table = root_.Table("audit");
    if (table == nullptr) return;
    TableReader r(*table, "[audit]", diagnostics_);
    AuditOptions& audit = scenario_.audit;
    r.Bool("twin", &audit.twin);
    if (r.Has("reference_group")) {
      size_t group = 0;
      r.Choice("reference_group", ctx_.group_names, "group", &group);
      if (group < ctx_.group_names.size()) audit.reference_group = ctx_.group_names[group];
    }
    if (r.Has("band")) {
      const toml::node* node = r.Get("band");
      const toml::array* band = node->as_array();
      std::optional<double> low, high;
      if (band != nullptr && band->size() == 2) {
        low = (*band)[0].value<double>();
        high = (*band)[1].value<double>();
      }
      if (!low || !high || !(*low > 0.0 && *low < 1.0 && *high > 1.0)) {
        r.Error("band", "'band' must be [low, high] with 0 < low < 1 < high, e.g. [0.8, 1.25]");
      } else {
        audit.band_low = *low;
        audit.band_high = *high;
      }
    }
    r.Int32("min_cell", 1, 1'000'000, &audit.min_cell);
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
      r.Error("leisure_friend_share",
              "'leisure_hotel_share' + 'leisure_friend_share' in [life] "
              "must be at most 1");
    }
    r.Probability("school_run_share", &life.school_run_share);
    r.Int32("school_run_max_age", 0, 25, &life.school_run_max_age);
    r.Probability("travel_rate", &life.travel_rate);
    r.Probability("travel_capital_share", &life.travel_capital_share);
    r.Probability("long_wait_share", &life.long_wait_share);
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
    sense.district_camera_multiplier.assign(ctx_.district_names.size(), 1.0);
    const toml::table* table = root_.Table("cameras");
    if (table == nullptr) return;
    TableReader r(*table, "[cameras]", diagnostics_);
    r.NumberMap("share", PlaceTypeNames(), "place type", 0.0, 1.0,
                [&](size_t i, double v) { sense.camera_share[i] = v; });
    r.NumberMap("district_multiplier", ctx_.district_names, "district", 0.0, 1000.0,
                [&](size_t i, double v) { sense.district_camera_multiplier[i] = v; });
    r.NumberMap("near", PlaceTypeNames(), "place type", 0.0, 10000.0,
                [&](size_t i, double v) { sense.camera_near_m[i] = v; });
    r.ChoiceArray("homes_of_recorded", ToStrings(kTraitNames), "trait", [&](size_t i) {
      sense.camera_homes_of = static_cast<TraitBits>(sense.camera_homes_of | (1u << i));
    });
    r.Finish();
  }

  void ReadRecognition() {
    SenseOptions& sense = scenario_.sense;
    sense.hit_rate.assign(ctx_.group_names.size(), 0.90);
    sense.false_match_rate.assign(ctx_.group_names.size(), 0.001);
    const toml::table* table = root_.Table("recognition");
    if (table == nullptr) return;
    TableReader r(*table, "[recognition]", diagnostics_);
    r.NumberMap("hit_rate", ctx_.group_names, "group", 0.0, 1.0,
                [&](size_t i, double v) { sense.hit_rate[i] = v; });
    r.NumberMap("false_match_rate", ctx_.group_names, "group", 0.0, 1.0,
                [&](size_t i, double v) { sense.false_match_rate[i] = v; });
    for (size_t i = 0; i < ctx_.group_names.size(); ++i) {
      if (sense.hit_rate[i] + sense.false_match_rate[i] > 1.0 + 1e-9) {
        r.Error("false_match_rate",
                fmt::format("for group '{}', hit_rate + false_match_rate must be at most 1, got {}",
                            ctx_.group_names[i], sense.hit_rate[i] + sense.false_match_rate[i]));
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
    r.Probability("location_record_rate", &sense.location_record_rate);
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
      }
      if (r.Has("sex")) {
        size_t sex = 0;
        r.Choice("sex", ToStrings(kSexNames), "sex", &sex);
        list.sex = static_cast<int8_t>(sex);
      }
      bool flag = false;
      if (r.Has("foreign_national")) {
        r.Bool("foreign_national", &flag);
        list.foreign = flag ? 1 : 0;
      }
      if (r.Has("work_permit")) {
        r.Bool("work_permit", &flag);
        list.work_permit = flag ? 1 : 0;
      }
      if (!r.Has("recorded_traits") && !r.Has("sex") && !r.Has("foreign_national") &&
          !r.Has("work_permit") && !r.Has("add_after_alerts")) {
        r.Require("recorded_traits",
                  "who is on the list: 'recorded_traits' (e.g. "
                  "[\"drug_use\"]), 'sex', 'foreign_national', "
                  "'work_permit', or 'add_after_alerts'");
      }
      r.Int32("add_after_alerts", 0, 100, &list.add_after_alerts);
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

  void ReadPolice() {
    const toml::table* table = root_.Table("police");
    if (table == nullptr) return;
    TableReader r(*table, "[police]", diagnostics_);
    RespondOptions& respond = scenario_.respond;
    if (r.Has("visits_per_day")) {
      r.Touch("visits_per_day");
      r.Error("visits_per_day", "'visits_per_day' was replaced by 'capacity_per_day' (officer time "
                                "per day; a home visit costs [police.cost] visit, 1 by default)");
    }
    r.Double("capacity_per_day", 0.0, 1e9, &respond.capacity_per_day);
    r.Int32("response_minutes", 0, kMinutesPerDay, &respond.response_minutes);
    r.Int32("intercept_minutes", 0, kMinutesPerDay, &respond.intercept_minutes);
    r.Int32("max_wait_days", 0, 365, &respond.max_wait_days);
    r.Int32("duty_start_hour", 0, 23, &respond.duty_start_hour);
    r.Int32("detention_days", 1, 3650, &respond.detention_days);
    r.Int32("permit_days", 1, 3650, &respond.permit_days);
    r.Probability("answer_share", &respond.answer_share);
    r.Bool("camera_after_visit", &respond.camera_after_visit);
    ReadListName(r, "list_after_visit", &respond.list_after_visit);
    if (const toml::table* costs = r.Table("cost")) {
      TableReader c(*costs, "[police.cost]", diagnostics_);
      for (size_t k = 0; k < kResponseCount; ++k) {
        c.Double(kResponseNames[k], 0.0, 1e6, &respond.cost[k]);
      }
      c.Finish();
    }
    r.Finish();
  }

  void ReadPatrols() {
    const toml::table* table = root_.Table("patrols");
    if (table == nullptr) return;
    TableReader r(*table, "[patrols]", diagnostics_);
    PatrolOptions& patrols = scenario_.respond.patrols;
    r.Int32("units", 0, 100'000, &patrols.units);
    r.Int32("window_days", 1, 365, &patrols.window_days);
    size_t allocate = static_cast<size_t>(patrols.allocate);
    r.Choice("allocate", {"alerts", "hotspots", "even"}, "patrol allocation", &allocate);
    patrols.allocate = static_cast<PatrolOptions::Allocation>(allocate);
    r.Int32("hotspots", 1, 10'000, &patrols.hotspots);
    if (r.Has("hotspots") && patrols.allocate != PatrolOptions::Allocation::kHotspots) {
      r.Error("hotspots", "'hotspots' applies only to allocate = \"hotspots\"");
    }
    r.Probability("sighting_rate", &patrols.sighting_rate);
    r.Int32("from_hour", 0, 23, &patrols.from_hour);
    r.Int32("to_hour", 1, 24, &patrols.to_hour);
    if (patrols.to_hour <= patrols.from_hour) {
      r.Error(r.Has("to_hour") ? "to_hour" : "from_hour",
              fmt::format("patrols must end after they start: from_hour {} to to_hour {}",
                          patrols.from_hour, patrols.to_hour));
    }
    r.Finish();
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

}  // namespace

std::string_view ModelName(ScenarioModel model) {
  switch (model) {
    case ScenarioModel::kCity:
      return "city";
    case ScenarioModel::kUrn:
      return "urn";
    case ScenarioModel::kPredpol:
      return "predpol";
    case ScenarioModel::kReporting:
      return "reporting";
    case ScenarioModel::kAttention:
      return "attention";
  }
  return "city";
}

namespace {

// Sections of the built-in default a file can take with `apparatus = "default"`.
constexpr std::array<std::string_view, 6> kApparatusSections = {"lists",    "rules",  "scores",
                                                                "red_list", "police", "patrols"};
// Sections a file never takes from the default: what it runs and how it is audited.
constexpr std::array<std::string_view, 3> kOwnSections = {"scenario", "audit", "urn"};

bool OneOf(std::string_view name, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
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
                        : OneOf(name, kOwnSections)     ? false
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
