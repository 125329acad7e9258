// Design: a day is a Timeline (world/timeline.h) built in layers, each overwriting what it
// covers: the routine (home, then work or school on workdays; illegal work at a language
// school or bar), school runs by a family's carer, an evening out (a park, a hotel, a
// friend's home), the hidden harmful intents acted on (a drug deal at the district's
// meeting hotel, a pickpocket's long dwell at the station, a recruiter's visit to a
// compound with companions), a grievance group's gathering in a park, the reunion holiday
// (migrant workers away at home; families visiting kin), an ordinary day trip out of town,
// and a petition trip that overrides the rest (station in the morning, ticket, departure
// to the capital). Then evasion, calls, purchases and drives.
// A share of adults spend the night at a hotel (checking in 20:00-23:00).
//
// Every intent's signature overlaps with innocent behaviour (travellers wait at stations,
// friends visit compounds, migrant workers call out-of-town numbers), which is the point.
// Evasion changes only what sensors can see: the phone goes dark (calls move to an
// unregistered phone), payments are in cash, decoy tickets are bought; what the person does
// is unchanged.
//
// Decisions shared by a household (school runs, a family visit) are drawn from the
// household's stream, so every member reaches the same decision independently; a carer
// recomputes a child's school hours from the child's own stream. All draws are made up
// front in a fixed order (common random numbers across twin runs).
#include "world/daily_life.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/hash.h"
#include "core/poisson.h"
#include "core/rng.h"
#include "world/phone_calls.h"
#include "world/phone_number.h"
#include "world/timeline.h"

namespace oversight {

namespace {

// Each decision owns a fixed word of its person-day stream, read only when the decision
// arises (Rng::UniformAt): most persons never need most words, and nobody's draws move
// when another decision changes. Words that are usually needed together share a block of
// four.
// The word tables keep one line per block of four (clang-format would put one word per line).
// clang-format off
enum ScheduleWord : uint32_t {
  kLeisure, kErrand, kHotelStay, kWork,                     // block 0: everyone's decisions
  kLeisureKind, kLeisureStart, kLeisureLength, kLeisurePlace,  // block 1: evenings out
  kErrandStart, kErrandLength, kErrandPlace, kPetitionOffice,  // block 2: errands
  kHotelStart, kHotelPlace,                                  // block 3: nights at a hotel
};

// The work (or school) hours word holds two 16-bit uniforms: the start and the length.
double WorkStart(uint32_t work) { return (work >> 16) / 65536.0; }
double WorkLength(uint32_t work) { return (work & 0xFFFF) / 65536.0; }
enum ActWord : uint32_t {
  kTravel, kTravelCapital, kTrip, kAttend,                  // block 0: the day's decisions
  kTripArrive, kTripTicket, kTripDepart, kEvade,            // block 1: trips and evasion
  kDeal, kDealStart, kDealLength, kDealCalls,               // block 2: drug dealing
  kPickpocket, kPickpocketStart, kPickpocketLength, kVisit, // block 3: stations, visits
  kLongWait, kLongWaitLength,                               // block 4: long waits for trains
};
// clang-format on

Rng ScheduleStream(uint64_t seed, PersonId person, Day day) {
  return Rng(seed, Stream::kSchedule, person.value, day);
}

Minute Scale(double u, Minute span) { return static_cast<Minute>(u * span); }

PlaceId PickPlace(const City& city, PlaceType type, DistrictId district, double u) {
  const std::vector<PlaceId>& local = city.PlacesOfType(type, district);
  const std::vector<PlaceId>& choices = local.empty() ? city.PlacesOfType(type) : local;
  if (choices.empty()) return PlaceId();
  const auto n = static_cast<double>(choices.size());
  return choices[static_cast<size_t>(u * n)];
}

// A student's school hours on a workday, from the student's kWork word: from 07:30-08:00
// to 15:00-16:00.
Interval SchoolHours(uint32_t work) {
  const Minute start = 7 * kMinutesPerHour + 30 + Scale(WorkStart(work), 30);
  return Interval{start, 15 * kMinutesPerHour + Scale(WorkLength(work), 60)};
}

// The member who takes young children to school: the first adult at home or retired,
// else the head.
PersonId Carer(const Population& population, size_t household) {
  const PersonId first = population.household_first[household];
  for (uint32_t k = 0; k < population.household_size[household]; ++k) {
    const size_t i = first.index() + k;
    const Role role = population.role[i];
    if (population.age[i] >= 18 && (role == Role::kAtHome || role == Role::kRetiree)) {
      return PersonId(first.value + k);
    }
  }
  return first;
}

class PersonDay {
 public:
  PersonDay(const WorldOptions& options, uint64_t seed, const City& city,
            const Population& population, const Ties& ties, const DayContext& context,
            PersonId person, DayLog* log)
      : options_(options),
        seed_(seed),
        city_(city),
        pop_(population),
        ties_(ties),
        context_(context),
        person_(person),
        i_(person.index()),
        log_(log),
        household_(population.household[person.index()].index()),
        district_(population.district(person)),
        day_start_(DayStart(context.day)),
        timeline_(population.residence(person)),
        d_(ScheduleStream(seed, person, context.day)),
        a_(seed, Stream::kActs, person.value, context.day) {}

  // Returns whether the person sleeps at home tonight (is there at the end of the day).
  bool Live() {
    for (uint32_t w = 0; w < everyday_.size(); ++w) everyday_[w] = d_.WordAt(w);
    PlanEvening();
    Routine();
    SchoolRuns();
    Errands();
    EveningOut();
    HotelStay();
    DrugDeal();
    Pickpocketing();
    Recruiting();
    Gathering();
    const bool away = Reunion();
    if (!away) DayTrip();
    if (!away) PetitionTrip();
    for (const Act& act : acts_) log_->acts.push_back(act);
    const size_t first_call = log_->calls.size();
    MakeCalls(options_.phones, context_.call_counts, seed_, pop_, ties_, context_.day, person_,
              log_);
    SupplierCalls(first_call);
    Evade(first_call);
    EmitTickets();
    Purchases();
    Drives();
    for (size_t k = 0; k < timeline_.size(); ++k) {
      const Timeline::Stay stay = timeline_[k];
      log_->presences.push_back(
          Presence{person_, stay.place, day_start_ + stay.from, day_start_ + stay.to});
    }
    return timeline_.PlaceAt(kMinutesPerDay - 1) == pop_.home(person_);
  }

 private:
  double Everyday(ScheduleWord word) const { return Rng::ToUnit(everyday_[word]); }

  // Phase 1: work or school on workdays.
  void Routine() {
    const PlaceId day_place = pop_.day_place[i_];
    if (context_.kind != DayKind::kWorkday || !day_place.valid()) return;
    const Role role = pop_.role[i_];
    if (Has(pop_.intents[i_], Intent::kIllegalWorker)) {
      // Illegal work at a language school or bar, 10:00-20:00; each day worked is an act.
      const Minute start = 10 * kMinutesPerHour + Scale(WorkStart(everyday_[kWork]), 60);
      timeline_.Set(day_place, start,
                    20 * kMinutesPerHour + Scale(WorkLength(everyday_[kWork]), 60));
      AddHarmfulAct(Intent::kIllegalWorker, day_place, start);
      return;
    }
    if (role == Role::kWorker || role == Role::kMigrantWorker) {
      // Migrant workers work longer days: 10-11 hours instead of 8-9.
      const Minute hours = role == Role::kMigrantWorker ? 10 : 8;
      const Minute start = 7 * kMinutesPerHour + Scale(WorkStart(everyday_[kWork]), 120);
      timeline_.Set(day_place, start,
                    start + hours * kMinutesPerHour + Scale(WorkLength(everyday_[kWork]), 60));
    } else {
      const Interval hours = SchoolHours(everyday_[kWork]);
      timeline_.Set(day_place, hours.enter, hours.leave);
    }
  }

  // Phase 2: the carer takes young children to school and collects them.
  void SchoolRuns() {
    if (context_.kind != DayKind::kWorkday) return;
    if (pop_.household_kind[household_] != HouseholdKind::kFamily) return;
    if (Carer(pop_, household_) != person_) return;
    Rng household_rng(seed_, Stream::kHousehold, static_cast<uint32_t>(household_), -1);
    if (!household_rng.Bernoulli(options_.life.school_run_share)) return;
    const PersonId first = pop_.household_first[household_];
    for (uint32_t k = 0; k < pop_.household_size[household_]; ++k) {
      const PersonId child(first.value + k);
      const size_t c = child.index();
      if (pop_.role[c] != Role::kStudent || pop_.age[c] > options_.life.school_run_max_age ||
          !pop_.day_place[c].valid()) {
        continue;
      }
      Rng child_schedule = ScheduleStream(seed_, child, context_.day);
      const Interval hours = SchoolHours(child_schedule.WordAt(kWork));
      timeline_.Set(pop_.day_place[c], hours.enter - 10, hours.enter);
      timeline_.Set(pop_.day_place[c], hours.leave, hours.leave + 15);
    }
  }

  // Phase 2b: daytime errands: a hospital visit (more often for the ill) and, for
  // petitioners, a visit to the city's petition office. Both last 1-2 hours, 09:00-16:00.
  void Errands() {
    const LifeOptions& life = options_.life;
    const TraitBits truth = pop_.true_traits[i_];
    const bool ill = Has(truth, Trait::kMentalIllness) || Has(truth, Trait::kHiv);
    PlaceType type;
    if (Everyday(kErrand) < (ill ? life.hospital_rate_if_ill : life.hospital_rate)) {
      type = PlaceType::kHospital;
    } else if (Has(truth, Trait::kPetitioner) &&
               d_.UniformAt(kPetitionOffice) < life.petition_office_rate) {
      type = PlaceType::kPetitionOffice;
    } else {
      return;
    }
    const PlaceId place = PickPlace(city_, type, district_, d_.UniformAt(kErrandPlace));
    if (!place.valid()) return;
    const Minute start = 9 * kMinutesPerHour + Scale(d_.UniformAt(kErrandStart), 420);
    timeline_.Set(place, start, start + 60 + Scale(d_.UniformAt(kErrandLength), 60));
  }

  // Phase 3, drawn before the rest: an evening out. A friend's home is a random read in a
  // city far larger than the caches, so it is fetched now and read by EveningOut, once the
  // routine and errands are laid.
  void PlanEvening() {
    if (Everyday(kLeisure) >= options_.life.leisure_rate) return;
    const double kind = d_.UniformAt(kLeisureKind);
    const double u_place = d_.UniformAt(kLeisurePlace);
    const LifeOptions& life = options_.life;
    if (kind < life.leisure_hotel_share) {
      evening_place_ = PickPlace(city_, PlaceType::kHotel, district_, u_place);
    } else if (kind < life.leisure_hotel_share + life.leisure_friend_share) {
      // A friend's home (where the friend really lives), if the person has friends.
      const auto contacts = ties_.contacts(person_);
      if (!contacts.empty()) {
        evening_friend_ =
            contacts[static_cast<size_t>(u_place * static_cast<double>(contacts.size()))];
        __builtin_prefetch(&pop_.residence_of[evening_friend_.index()]);
      }
    } else {
      evening_place_ = PickPlace(city_, PlaceType::kPark, district_, u_place);
    }
    evening_start_ = 18 * kMinutesPerHour + Scale(d_.UniformAt(kLeisureStart), 120);
    evening_end_ = evening_start_ + 60 + Scale(d_.UniformAt(kLeisureLength), 120);
  }

  // Phase 3: the evening out planned by PlanEvening, if any.
  void EveningOut() {
    const PlaceId place =
        evening_friend_.valid() ? pop_.residence(evening_friend_) : evening_place_;
    if (!place.valid()) return;
    timeline_.Set(place, evening_start_, evening_end_);
  }

  // Phase 3b: a night at a hotel anywhere in the city, checking in at 20:00-23:00.
  void HotelStay() {
    if (pop_.age[i_] < 18 || Everyday(kHotelStay) >= options_.life.hotel_stay_rate) return;
    const std::vector<PlaceId>& hotels = city_.PlacesOfType(PlaceType::kHotel);
    if (hotels.empty()) return;
    const PlaceId hotel =
        hotels[static_cast<size_t>(d_.UniformAt(kHotelPlace) * static_cast<double>(hotels.size()))];
    const Minute check_in = 20 * kMinutesPerHour + Scale(d_.UniformAt(kHotelStart), 180);
    timeline_.Set(hotel, check_in, kMinutesPerDay);
  }

  // Phase 4a: a drug dealer's deal at the district's meeting hotel in the afternoon.
  void DrugDeal() {
    const PlaceId hotel = context_.meeting_hotel[district_.index()];
    if (!Has(pop_.intents[i_], Intent::kDrugDealer) || !hotel.valid() ||
        a_.UniformAt(kDeal) >= IntentRate(Intent::kDrugDealer) * HarmfulChill()) {
      return;
    }
    const Minute arrive = 13 * kMinutesPerHour + Scale(a_.UniformAt(kDealStart), 120);
    const Minute leave = arrive + 60 + Scale(a_.UniformAt(kDealLength), 90);
    timeline_.Set(hotel, arrive, leave);
    deal_arrive_ = arrive;
    // The deal is done as the meeting ends; a visit before then stops it.
    AddHarmfulAct(Intent::kDrugDealer, hotel, leave - 1);
  }

  // Phase 4b: a pickpocket's long dwell at the station (2-5 hours, from 09:00-15:00).
  void Pickpocketing() {
    const PlaceId station = context_.station[district_.index()];
    if (!Has(pop_.intents[i_], Intent::kPickpocket) || !station.valid() ||
        a_.UniformAt(kPickpocket) >= IntentRate(Intent::kPickpocket) * HarmfulChill()) {
      return;
    }
    const Minute arrive = 9 * kMinutesPerHour + Scale(a_.UniformAt(kPickpocketStart), 360);
    const Minute leave = arrive + 120 + Scale(a_.UniformAt(kPickpocketLength), 180);
    timeline_.Set(station, arrive, leave);
    AddHarmfulAct(Intent::kPickpocket, station, arrive + 60);
  }

  // Phase 4c: a recruiter's visit to a compound, or a companion taken along.
  void Recruiting() {
    auto it = context_.recruited.find(person_.value);
    if (it == context_.recruited.end()) return;
    const Recruitment& visit = context_.recruitments[it->second];
    timeline_.Set(visit.compound, visit.start, visit.end);
    if (visit.recruiter == person_) {
      AddHarmfulAct(Intent::kPyramidRecruiter, visit.compound, visit.start + 30);
    }
  }

  // Phase 4d: a grievance group's peaceful gathering in a park (lawful).
  void Gathering() {
    const uint32_t group = ties_.grievance_group(person_);
    if (group == Ties::kNoGroup) return;
    const LawfulOptions& lawful = options_.lawful;
    Rng group_rng(seed_, Stream::kGroups, group, context_.day);
    if (group_rng.UniformAt(0) >= lawful.gathering_rate ||
        a_.UniformAt(kAttend) >= lawful.gathering_attendance * LawfulChill()) {
      return;
    }
    const PlaceId park = PickPlace(city_, PlaceType::kPark, district_, group_rng.UniformAt(1));
    if (!park.valid()) return;
    const Minute start = 10 * kMinutesPerHour + Scale(group_rng.UniformAt(2), 120);
    timeline_.Set(park, start, start + 120);
    acts_.push_back(Act{person_, ActKind::kGathering, park, day_start_ + start});
    sensitive_from_ = std::min(sensitive_from_, start);
  }

  // Phase 5: a reunion holiday. Returns true when the person is away from the city.
  bool Reunion() {
    if (!context_.reunion) return false;
    const CalendarOptions& calendar = options_.calendar;
    if (pop_.role[i_] == Role::kMigrantWorker) {
      // Decided once per holiday, so a migrant worker who goes home stays there.
      Rng rng(seed_, Stream::kReunion, person_.value, context_.reunion_first_day);
      if (!rng.Bernoulli(calendar.reunion_travel_share)) return false;
      if (context_.day == context_.reunion_first_day) {
        TravelFrom(6 * kMinutesPerHour + Scale(rng.Uniform(), 240), context_.out_of_town, false);
      } else {
        ClearActs();
        timeline_.Set(context_.out_of_town, 0, kMinutesPerDay);
      }
      return true;
    }
    if (pop_.household_kind[household_] != HouseholdKind::kFamily) return false;
    Rng household_rng(seed_, Stream::kHousehold, static_cast<uint32_t>(household_), context_.day);
    const bool visit = household_rng.Bernoulli(calendar.reunion_visit_rate);
    const double u_start = household_rng.Uniform();
    const double u_length = household_rng.Uniform();
    if (!visit) return false;
    const PersonId head = pop_.household_first[household_];
    const auto contacts = ties_.contacts(head);
    const auto kinds = ties_.kinds(head);
    for (size_t k = 0; k < contacts.size(); ++k) {
      if (kinds[k] != TieKind::kKin) continue;
      const Minute start = 11 * kMinutesPerHour + Scale(u_start, 120);
      timeline_.Set(pop_.residence(contacts[k]), start, start + 180 + Scale(u_length, 120));
      break;
    }
    return false;
  }

  // Phase 6: an ordinary day trip out of the city by train (adults).
  void DayTrip() {
    if (pop_.age[i_] < 18 || a_.UniformAt(kTravel) >= options_.life.travel_rate) return;
    const PlaceId destination = a_.UniformAt(kTravelCapital) < options_.life.travel_capital_share
                                    ? context_.capital
                                    : context_.out_of_town;
    TravelFrom(6 * kMinutesPerHour + Scale(a_.UniformAt(kTripArrive), 240), destination, false);
  }

  // Phase 7: a lawful petition trip to the capital overrides the rest of the day.
  void PetitionTrip() {
    if (!Has(pop_.true_traits[i_], Trait::kPetitioner) ||
        a_.UniformAt(kTrip) >= options_.lawful.petition_trip_rate * LawfulChill()) {
      return;
    }
    TravelFrom(6 * kMinutesPerHour + Scale(a_.UniformAt(kTripArrive), 240), context_.capital, true);
  }

  // At the station from `arrive`, a ticket 5-20 minutes later, departure 30-90 minutes
  // after that (2-4 hours on a long wait: an early arrival, a delayed or a late train);
  // away for the rest of the day.
  void TravelFrom(Minute arrive, PlaceId destination, bool petition) {
    const PlaceId station = context_.station[district_.index()];
    if (!station.valid()) return;
    const Minute ticket = arrive + 5 + Scale(a_.UniformAt(kTripTicket), 15);
    const bool long_wait = a_.UniformAt(kLongWait) < options_.life.long_wait_share;
    const Minute depart = long_wait ? ticket + 120 + Scale(a_.UniformAt(kLongWaitLength), 120)
                                    : ticket + 30 + Scale(a_.UniformAt(kTripDepart), 60);
    ClearActs();  // away from whatever else was planned
    timeline_.Set(station, arrive, depart);
    timeline_.Set(destination, depart, kMinutesPerDay);
    trip_station_ = station;
    trip_ticket_ = ticket;
    trip_destination_ = destination;
    if (petition) {
      acts_.push_back(Act{person_, ActKind::kPetitionTrip, destination, day_start_ + depart});
      sensitive_from_ = std::min(sensitive_from_, arrive);
    }
  }

  // Drops the acts planned so far today (the person is away instead).
  // Whether `place` lies outside the city (compared by id: no lookup in the places table).
  bool Outside(PlaceId place) const {
    return place == context_.capital || place == context_.out_of_town;
  }

  void ClearActs() {
    acts_.clear();
    sensitive_from_ = kMinutesPerDay;
    deal_arrive_ = -1;
  }

  // The chilling effect: (1 - per_contact) per police visit the person has had.
  double Chill(double per_contact) const {
    if (context_.police_contacts == nullptr || context_.police_contacts[i_] == 0) return 1.0;
    return std::pow(1.0 - per_contact, context_.police_contacts[i_]);
  }
  double LawfulChill() const { return Chill(options_.deterrence.lawful_per_contact); }
  double HarmfulChill() const { return Chill(options_.deterrence.harmful_per_contact); }

  double IntentRate(Intent intent) const {
    return options_.population.intents[static_cast<size_t>(intent)].act_rate;
  }

  void AddHarmfulAct(Intent intent, PlaceId place, Minute minute) {
    Act act{person_, ActKind::kHarmful, place, day_start_ + minute};
    act.intent = intent;
    acts_.push_back(act);
    if (intent != Intent::kIllegalWorker) sensitive_from_ = std::min(sensitive_from_, minute);
  }

  // A drug dealer calls one of two out-of-town suppliers 2-5 times before the deal.
  void SupplierCalls(size_t first_call) {
    if (deal_arrive_ < 0 || pop_.phones[i_] == 0) return;
    const auto persons = static_cast<uint32_t>(pop_.size());
    const int calls = 2 + static_cast<int>(a_.UniformAt(kDealCalls) * 4);
    const auto window = static_cast<uint64_t>(deal_arrive_ - 9 * kMinutesPerHour + 1);
    for (int c = 0; c < calls; ++c) {
      const uint64_t hash = Hash3(
          seed_, person_.value, static_cast<uint64_t>(context_.day) * 8 + static_cast<uint64_t>(c));
      const auto supplier = static_cast<uint32_t>(Hash3(seed_, person_.value, 1000 + hash % 2) %
                                                  options_.phones.out_of_town_numbers);
      const Minute time = 9 * kMinutesPerHour + static_cast<Minute>((hash >> 8) % window);
      log_->calls.push_back(Call{person_, day_start_ + time, NumberOf(person_, 0),
                                 OutOfTownNumber(supplier, persons)});
    }
    std::stable_sort(log_->calls.begin() + static_cast<std::ptrdiff_t>(first_call),
                     log_->calls.end(),
                     [](const Call& a, const Call& b) { return a.time < b.time; });
  }

  // Evasion on a sensitive outing (a petition trip, a gathering, a harmful act): the phone
  // goes dark from an hour before until the end of the day, calls in that time are made on
  // an unregistered phone, payments are in cash and decoy tickets are bought.
  void Evade(size_t first_call) {
    evading_ = false;
    if (sensitive_from_ >= kMinutesPerDay) return;
    const EvasionOptions& e = options_.evasion;
    const bool harmful = pop_.intents[i_] != 0;
    const bool activist = Has(pop_.true_traits[i_], Trait::kPetitioner) &&
                          Has(pop_.true_traits[i_], Trait::kProtestHistory);
    double p = harmful ? e.harmful_share : activist ? e.petitioner_share : e.base_share;
    if (context_.police_contacts != nullptr) {
      p += e.per_police_contact * context_.police_contacts[i_];
    }
    if (a_.UniformAt(kEvade) >= p) return;
    evading_ = true;
    dark_from_ = std::max<Minute>(0, sensitive_from_ - 60);
    if (pop_.phones[i_] > 0) {
      log_->dark.push_back(
          PhoneDark{person_, day_start_ + dark_from_, day_start_ + kMinutesPerDay});
    }
    for (size_t c = first_call; c < log_->calls.size(); ++c) {
      if (MinuteOfDay(log_->calls[c].time) >= dark_from_) log_->calls[c].burner = true;
    }
  }

  // The day's ticket, paid in cash when evading, with decoys to elsewhere.
  void EmitTickets() {
    if (!trip_station_.valid()) return;
    log_->tickets.push_back(
        Ticket{person_, trip_station_, day_start_ + trip_ticket_, trip_destination_, evading_});
    if (!evading_) return;
    for (int32_t k = 0; k < options_.evasion.decoy_tickets; ++k) {
      log_->tickets.push_back(Ticket{person_, trip_station_, day_start_ + trip_ticket_ + 1 + k,
                                     context_.out_of_town, true, true});
    }
  }

  // Phase 9: purchases where the person is at the time, in cash or electronically.
  void Purchases() {
    if (pop_.age[i_] < 16) return;
    const PurchaseOptions& po = options_.purchases;
    Rng rng(seed_, Stream::kPurchases, person_.value, context_.day);
    const int count = context_.purchase_counts.Draw(rng);
    const double cash_share = pop_.age[i_] >= 60 ? po.cash_share_elderly : po.cash_share;
    for (int k = 0; k < count; ++k) {
      const double u_time = rng.Uniform();
      const double u_cash = rng.Uniform();
      const double u_amount = rng.Uniform();
      const Minute t = 8 * kMinutesPerHour + Scale(u_time, 13 * kMinutesPerHour);
      // 10 to 200 yuan, mostly small.
      const auto amount = static_cast<float>(10.0 + 190.0 * u_amount * u_amount);
      const bool cash = u_cash < cash_share || (evading_ && t >= dark_from_);
      log_->purchases.push_back(
          Purchase{person_, day_start_ + t, timeline_.PlaceAt(t), amount, cash});
    }
    std::sort(log_->purchases.end() - count, log_->purchases.end(),
              [](const Purchase& a, const Purchase& b) { return a.time < b.time; });
  }

  // Phase 10: the head of a family with a vehicle drives to work and back.
  // Phase 10: drives. The head and spouse of a family with a vehicle drive wherever they go
  // in the city on days they take the car; an evader is driven by a hired car, off the
  // checkpoints, once the outing begins (whether or not the family owns a car).
  void Drives() {
    const uint32_t position = person_.value - pop_.household_first[household_].value;
    const uint8_t vehicles = pop_.household_vehicle_count[household_];
    Rng rng(seed_, Stream::kDrives, person_.value, context_.day);
    const bool own_car = vehicles > 0 && position < 2 && pop_.age[i_] >= 18 &&
                         (position == 0 || pop_.household_couple[household_] != 0) &&
                         rng.UniformAt(0) < options_.vehicles.drive_share;
    if (!own_car && !evading_) return;
    const uint32_t own =
        pop_.household_vehicles[household_] + (position == 1 && vehicles == 2 ? 1 : 0);
    const uint32_t hired =
        kHiredVehicleBase +
        static_cast<uint32_t>(rng.UniformAt(1) * options_.vehicles.hired_vehicles);
    for (size_t k = 1; k < timeline_.size(); ++k) {
      const Timeline::Stay before = timeline_[k - 1];
      const Timeline::Stay after = timeline_[k];
      if (Outside(before.place) || Outside(after.place)) continue;  // by train, not by road
      const bool evasive = evading_ && after.from >= dark_from_;
      if (!evasive && !own_car) continue;
      log_->drives.push_back(Drive{person_, evasive ? hired : own, day_start_ + after.from,
                                   before.place, after.place, evasive});
    }
  }

  const WorldOptions& options_;
  uint64_t seed_;
  const City& city_;
  const Population& pop_;
  const Ties& ties_;
  const DayContext& context_;
  PersonId person_;
  size_t i_;
  DayLog* log_;
  size_t household_;
  DistrictId district_;
  Minute day_start_;
  Timeline timeline_;
  Rng d_;  // the person-day's schedule stream, read by ScheduleWord
  Rng a_;  // the person-day's act stream, read by ActWord
  // Block 0 of the schedule stream (everyone's decisions), read once: otherwise an evening
  // out or an errand moves d_'s one-block cache on, and the next decision computes block 0
  // again.
  std::array<uint32_t, 4> everyday_{};
  PlaceId evening_place_;    // tonight's hotel or park, if planned
  PersonId evening_friend_;  // or the friend whose home is visited
  Minute evening_start_ = 0, evening_end_ = 0;
  std::vector<Act> acts_;
  Minute sensitive_from_ = kMinutesPerDay;  // start of today's first sensitive outing
  Minute deal_arrive_ = -1;                 // a drug deal's meeting, if any
  PlaceId trip_station_, trip_destination_;
  Minute trip_ticket_ = 0;
  bool evading_ = false;
  Minute dark_from_ = kMinutesPerDay;
};

}  // namespace

DayKind KindOfDay(const CalendarOptions& calendar, Day day, const HolidayOptions** holiday) {
  *holiday = nullptr;
  for (const HolidayOptions& h : calendar.holidays) {
    if (day >= h.first_day && day < h.first_day + h.days) {
      *holiday = &h;
      return DayKind::kHoliday;
    }
  }
  const int weekday = (calendar.first_weekday + day) % 7;
  return weekday < 5 ? DayKind::kWorkday : DayKind::kWeekend;
}

bool LivePersonDay(const WorldOptions& options, uint64_t seed, const City& city,
                   const Population& population, const Ties& ties, const DayContext& context,
                   PersonId person, DayLog* log) {
  return PersonDay(options, seed, city, population, ties, context, person, log).Live();
}

}  // namespace oversight
