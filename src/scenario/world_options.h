// Options of the world stage: the synthetic city, its people and their daily life.
//
// Plain data with in-class defaults; only the scenario loader fills it from a file.
// Every probability is in [0, 1]; "rate" means probability per person per day.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/vocabulary.h"
#include "scenario/population_options.h"

namespace oversight {

// A population group (e.g. an ethnic majority and minorities).
struct GroupOptions {
  std::string name;
  // Multiplies the chance that a trait is on file, true or not (1 = same as everyone).
  // Models heavier recording of a group by the authorities. Unitless, >= 0.
  double record_bias = 1.0;
};

// A district of the city: a square on the map.
struct DistrictOptions {
  std::string name;
  double population_weight = 1.0;  // relative share of households (and of places)
  // Share of the district's residents in each group, indexed like WorldOptions::groups;
  // sums to 1.
  std::vector<double> group_shares;
};

// Lawful activity the apparatus targets: the acts whose suppression the audit counts.
struct LawfulOptions {
  double petition_trip_rate = 0.03;   // per true petitioner per day: a trip to the capital
  double gathering_rate = 0.02;       // per grievance group per day: a gathering in a park
  double gathering_attendance = 0.7;  // share of the group's members who come
};

// Deterrence (the chilling effect): each police visit a person has had multiplies their
// daily chance of setting out on a lawful act (a petition trip, attending a gathering) or a
// harmful one (a deal, pickpocketing) by (1 - per_contact).
struct DeterrenceOptions {
  double lawful_per_contact = 0.3;
  double harmful_per_contact = 0.3;
};

// Evasion ("anti-reconnaissance"): what some persons do so that sensors see less of an
// outing they expect to be watched. It changes what is observed, never what is done.
struct EvasionOptions {
  double base_share = 0.05;          // chance to evade on a sensitive outing
  double petitioner_share = 0.30;    // ... for petitioners with a protest history
  double harmful_share = 0.30;       // ... for persons acting on a harmful intent
  double per_police_contact = 0.15;  // added per police visit the person has had (capped at 1)
  int32_t decoy_tickets = 2;         // extra tickets to elsewhere bought by an evading traveller
};

// Social ties (directed contact lists; household members are always contacts).
struct TieOptions {
  int32_t kin_households = 2;        // per family: heads of other families that are kin (both ways)
  int32_t friends = 4;               // per person aged 12+, drawn from the same district mostly
  double friends_local_share = 0.8;  // share of friends from the person's own district
  int32_t coworkers = 3;             // per worker: others at the same workplace
  int32_t petitioner_group_size = 8;  // petitioners with a shared grievance, by district
};

// Phones and calls.
struct PhoneOptions {
  int32_t min_age = 10;                  // younger persons have no phone
  double second_phone_share = 0.08;      // share of phone owners with a second phone
  double calls_per_day = 2.5;            // mean calls a phone owner makes per day (Poisson)
  double new_number_share = 0.05;        // share of calls to a number outside the person's contacts
  double out_of_town_share = 0.3;        // of those, share to an out-of-town number
  double migrant_home_call_share = 0.3;  // share of a migrant worker's calls to kin back home
  uint32_t out_of_town_numbers = 1'000'000;  // size of the pool of out-of-town numbers
};

// Purchases and how they are paid.
struct PurchaseOptions {
  double per_day = 1.5;              // mean purchases per person aged 16+ per day (Poisson)
  double cash_share = 0.10;          // share paid in cash by persons under 60
  double cash_share_elderly = 0.40;  // share paid in cash by persons 60 and over
};

// Household water and electricity use, driven by who really sleeps there.
struct UtilityOptions {
  double water_base_l = 30.0;               // litres per household per day
  double water_per_person_l = 110.0;        // litres per person at home that night
  double power_base_kwh = 2.0;              // kWh per household per day
  double power_per_person_kwh = 1.2;        // kWh per person at home that night
  double noise = 0.3;                       // each reading times uniform(1 - noise, 1 + noise)
  double family_unregistered_share = 0.05;  // families with one member not on the register
  int32_t shared_registered_max = 2;        // shared housing registers 1..this many residents
};

// Vehicles and drives.
struct VehicleOptions {
  double family_share_one = 0.35;  // families with one vehicle
  double family_share_two = 0.05;  // families with two
  // Per day, for the head and the spouse of a family with a vehicle: the chance they drive
  // wherever they go in the city that day (the head takes the first vehicle, the spouse
  // the second, or the first when there is one).
  double drive_share = 0.7;
  uint32_t hired_vehicles = 5000;  // hired cars with drivers, used by evaders
};

// Daily routine beyond work and school.
struct LifeOptions {
  double leisure_rate = 0.30;          // per person per day: an evening visit out
  double leisure_hotel_share = 0.15;   // share of evening visits to a hotel
  double leisure_friend_share = 0.25;  // share of evening visits to a friend's home (rest: a park)
  double school_run_share = 0.8;       // families whose carer takes young children to school
  int32_t school_run_max_age = 11;     // children up to this age are taken and collected
  double travel_rate = 0.002;          // per adult per day: a day trip out of the city by train
  double travel_capital_share = 0.3;   // share of those trips that go to the capital
  double long_wait_share = 0.1;        // share of train trips with a 2-4 hour wait at the station
  double hospital_rate = 0.005;        // per person per day: a hospital visit (09:00-16:00)
  double hospital_rate_if_ill = 0.03;  // ... for persons with a mental illness history or HIV
  double petition_office_rate = 0.05;  // per petitioner per day: a visit to the petition office
  double hotel_stay_rate = 0.002;      // per adult per day: a night at a hotel in the city
};

// A public holiday: no work, no school.
struct HolidayOptions {
  std::string name;
  int32_t first_day = 0;  // day index of the run
  int32_t days = 1;
  // A family-reunion holiday (the Spring Festival): migrant workers go home, families
  // visit kin.
  bool reunion = false;
};

struct CalendarOptions {
  int32_t first_weekday = 0;  // weekday of day 0: 0 = Monday ... 6 = Sunday
  std::vector<HolidayOptions> holidays;
  double reunion_travel_share = 0.7;  // migrant workers who spend a reunion holiday at home
  double reunion_visit_rate = 0.5;    // per family per reunion day: a visit to kin
};

inline std::array<double, kPlaceTypeCount> DefaultPlacesPer1000() {
  std::array<double, kPlaceTypeCount> per_1000{};
  auto set = [&](PlaceType t, double v) { per_1000[static_cast<size_t>(t)] = v; };
  set(PlaceType::kWorkplace, 20.0);
  set(PlaceType::kSchool, 2.0);
  set(PlaceType::kHotel, 1.0);
  set(PlaceType::kPark, 1.0);
  set(PlaceType::kTrainStation, 0.1);
  set(PlaceType::kBar, 1.0);
  set(PlaceType::kLanguageSchool, 0.2);
  set(PlaceType::kHospital, 0.1);
  set(PlaceType::kPetitionOffice, 0.02);
  return per_1000;
}

struct WorldOptions {
  uint32_t persons = 100000;
  std::vector<GroupOptions> groups;        // at least one
  std::vector<DistrictOptions> districts;  // at least one
  double district_size_m = 3000.0;         // side of each square district, metres
  // Places per 1,000 residents, by place type. Not counted here: home (one per household),
  // residential_compound (households_per_compound) and capital (one). At least one of
  // each other type exists.
  std::array<double, kPlaceTypeCount> places_per_1000 = DefaultPlacesPer1000();
  int32_t households_per_compound = 150;  // homes are grouped into gated compounds
  PopulationOptions population = PopulationOptions::Defaults();
  TieOptions ties;
  PhoneOptions phones;
  PurchaseOptions purchases;
  UtilityOptions utilities;
  VehicleOptions vehicles;
  LawfulOptions lawful;
  EvasionOptions evasion;
  DeterrenceOptions deterrence;
  LifeOptions life;
  CalendarOptions calendar;
};

}  // namespace oversight
