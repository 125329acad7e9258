// The sections that describe the city and its daily life: [city], [ties], [phones],
// [purchases], [utilities], [vehicles], [life] and [calendar].
#include <fmt/format.h>

#include "core/limits.h"
#include "core/vocabulary.h"
#include "scenario/section_reader.h"
#include "scenario/section_readers.h"
#include "scenario/table_reader.h"

namespace oversight {

void ReadCity(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("city");
  if (table == nullptr) return;
  TableReader r(*table, "[city]", ctx.diagnostics);
  r.Double("district_size_m", 100.0, 1e6, &ctx.scenario.world.district_size_m);
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
                ctx.scenario.world.places_per_1000[i] = v;
              });
  r.Int32("households_per_compound", 1, 100000, &ctx.scenario.world.households_per_compound);
  r.Finish();
}

void ReadTies(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("ties");
  if (table == nullptr) return;
  TableReader r(*table, "[ties]", ctx.diagnostics);
  TieOptions& ties = ctx.scenario.world.ties;
  r.Int32("kin_households", 0, 50, &ties.kin_households);
  r.Int32("friends", 0, 200, &ties.friends);
  r.Probability("friends_local_share", &ties.friends_local_share);
  r.Int32("coworkers", 0, 200, &ties.coworkers);
  r.Int32("petitioner_group_size", 1, 1000, &ties.petitioner_group_size);
  r.Finish();
}

void ReadPhones(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("phones");
  if (table == nullptr) return;
  TableReader r(*table, "[phones]", ctx.diagnostics);
  PhoneOptions& phones = ctx.scenario.world.phones;
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

void ReadPurchases(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("purchases");
  if (table == nullptr) return;
  TableReader r(*table, "[purchases]", ctx.diagnostics);
  PurchaseOptions& p = ctx.scenario.world.purchases;
  r.Double("per_day", 0.0, 20.0, &p.per_day);
  r.Probability("cash_share", &p.cash_share);
  r.Probability("cash_share_elderly", &p.cash_share_elderly);
  r.Finish();
}

void ReadUtilities(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("utilities");
  if (table == nullptr) return;
  TableReader r(*table, "[utilities]", ctx.diagnostics);
  UtilityOptions& u = ctx.scenario.world.utilities;
  r.Double("water_base_l", 0.0, 10000.0, &u.water_base_l);
  r.Double("water_per_person_l", 0.0, 10000.0, &u.water_per_person_l);
  r.Double("power_base_kwh", 0.0, 1000.0, &u.power_base_kwh);
  r.Double("power_per_person_kwh", 0.0, 1000.0, &u.power_per_person_kwh);
  r.Double("noise", 0.0, 1.0, &u.noise);
  r.Probability("family_unregistered_share", &u.family_unregistered_share);
  r.Int32("shared_registered_max", 1, 100, &u.shared_registered_max);
  r.Finish();
}

void ReadVehicles(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("vehicles");
  if (table == nullptr) return;
  TableReader r(*table, "[vehicles]", ctx.diagnostics);
  VehicleOptions& v = ctx.scenario.world.vehicles;
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

void ReadLife(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("life");
  if (table == nullptr) return;
  TableReader r(*table, "[life]", ctx.diagnostics);
  LifeOptions& life = ctx.scenario.world.life;
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

void ReadCalendar(SectionContext& ctx) {
  const toml::table* table = ctx.root.Table("calendar");
  if (table == nullptr) return;
  TableReader r(*table, "[calendar]", ctx.diagnostics);
  CalendarOptions& calendar = ctx.scenario.world.calendar;
  static const std::vector<std::string> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
  size_t weekday = static_cast<size_t>(calendar.first_weekday);
  r.Choice("first_weekday", kWeekdays, "weekday", &weekday);
  calendar.first_weekday = static_cast<int32_t>(weekday);
  r.Probability("reunion_travel_share", &calendar.reunion_travel_share);
  r.Probability("reunion_visit_rate", &calendar.reunion_visit_rate);
  if (const toml::array* array = r.ArrayOfTables("holidays")) {
    for (const toml::node& node : *array) {
      TableReader h(*node.as_table(),
                    fmt::format("[[calendar.holidays]] #{}", calendar.holidays.size() + 1),
                    ctx.diagnostics);
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

}  // namespace oversight
