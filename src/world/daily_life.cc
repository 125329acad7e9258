// Design: a day is a Timeline (world/timeline.h) built in layers: the routine (home, then
// work or school on weekdays), an evening leisure visit, a harmful act for persons with a
// hidden intent (a meeting at the district's meeting hotel in the afternoon, which is what
// makes their intent show in behaviour), and a petition trip that overrides the rest
// (station in the morning, ticket, departure to the capital). All random numbers are drawn
// up front so every decision keeps its own draws (common random numbers across twin runs).
#include "world/daily_life.h"

#include "core/rng.h"
#include "world/timeline.h"

namespace oversight {

namespace {

struct Draws {
  double work_start, work_length;
  double leisure, leisure_start, leisure_length, leisure_kind, leisure_place;
};

struct ActDraws {
  double harmful, harmful_start, harmful_length;
  double trip, trip_arrive, trip_ticket, trip_depart;
};

Minute Scale(double u, Minute span) { return static_cast<Minute>(u * span); }

PlaceId PickPlace(const City& city, PlaceType type, DistrictId district, double u) {
  const std::vector<PlaceId>& local = city.PlacesOfType(type, district);
  const std::vector<PlaceId>& choices = local.empty() ? city.PlacesOfType(type) : local;
  if (choices.empty()) return PlaceId();
  const auto n = static_cast<double>(choices.size());
  return choices[static_cast<size_t>(u * n)];
}

}  // namespace

void LivePersonDay(const WorldOptions& options, uint64_t seed, const City& city,
                   const Population& population, const DayContext& context, PersonId person,
                   DayLog* log) {
  Rng schedule_rng(seed, Stream::kSchedule, person.value, context.day);
  const Draws d{schedule_rng.Uniform(), schedule_rng.Uniform(), schedule_rng.Uniform(),
                schedule_rng.Uniform(), schedule_rng.Uniform(), schedule_rng.Uniform(),
                schedule_rng.Uniform()};
  Rng act_rng(seed, Stream::kActs, person.value, context.day);
  const ActDraws a{act_rng.Uniform(), act_rng.Uniform(), act_rng.Uniform(), act_rng.Uniform(),
                   act_rng.Uniform(), act_rng.Uniform(), act_rng.Uniform()};

  const size_t i = person.index();
  const DistrictId district = population.district(person);
  const Minute day_start = DayStart(context.day);
  Timeline timeline(population.home(person));

  // Phase 1: routine.
  const PlaceId day_place = population.day_place[i];
  if (context.weekday && day_place.valid()) {
    const Role role = population.role[i];
    if (role == Role::kWorker || role == Role::kMigrantWorker) {
      // Migrant workers work longer days: 10-11 hours instead of 8-9.
      const Minute hours = role == Role::kMigrantWorker ? 10 : 8;
      const Minute start = 7 * kMinutesPerHour + Scale(d.work_start, 120);
      timeline.Set(day_place, start,
                   start + hours * kMinutesPerHour + Scale(d.work_length, 60));
    } else {
      const Minute start = 7 * kMinutesPerHour + 30 + Scale(d.work_start, 30);
      timeline.Set(day_place, start, 15 * kMinutesPerHour + Scale(d.work_length, 60));
    }
  }

  // Phase 2: an evening out.
  if (d.leisure < options.life.leisure_rate) {
    const PlaceType type =
        d.leisure_kind < options.life.leisure_hotel_share ? PlaceType::kHotel : PlaceType::kPark;
    const PlaceId place = PickPlace(city, type, district, d.leisure_place);
    if (place.valid()) {
      const Minute start = 18 * kMinutesPerHour + Scale(d.leisure_start, 120);
      timeline.Set(place, start, start + 60 + Scale(d.leisure_length, 120));
    }
  }

  // Phase 3: a hidden harmful intent acted on: a meeting at the district's meeting hotel.
  Act harmful_act;
  bool acts_harmfully = population.harmful_intent[i] != 0 &&
                        a.harmful < options.intent.harmful_act_rate &&
                        context.meeting_hotel[district.index()].valid();
  if (acts_harmfully) {
    const PlaceId hotel = context.meeting_hotel[district.index()];
    const Minute arrive = 13 * kMinutesPerHour + Scale(a.harmful_start, 120);
    const Minute leave = arrive + 60 + Scale(a.harmful_length, 90);
    timeline.Set(hotel, arrive, leave);
    // The act is done as the meeting ends; a visit before then stops it.
    harmful_act = Act{person, ActKind::kHarmful, hotel, day_start + leave - 1};
  }

  // Phase 4: a lawful petition trip to the capital overrides the rest of the day.
  const bool petitions = Has(population.true_traits[i], Trait::kPetitioner) &&
                         a.trip < options.intent.petition_trip_rate &&
                         context.station[district.index()].valid();
  if (petitions) {
    const PlaceId station = context.station[district.index()];
    const Minute arrive = 6 * kMinutesPerHour + Scale(a.trip_arrive, 240);
    const Minute ticket = arrive + 5 + Scale(a.trip_ticket, 15);
    const Minute depart = ticket + 30 + Scale(a.trip_depart, 60);
    timeline.Set(station, arrive, depart);
    timeline.Set(context.capital, depart, kMinutesPerDay);
    log->tickets.push_back(Ticket{person, station, day_start + ticket});
    log->acts.push_back(Act{person, ActKind::kPetitionTrip, context.capital, day_start + depart});
    acts_harmfully = false;  // in the capital instead
  }
  if (acts_harmfully) log->acts.push_back(harmful_act);

  for (size_t k = 0; k < timeline.size(); ++k) {
    const Timeline::Stay& stay = timeline[k];
    log->presences.push_back(
        Presence{person, stay.place, day_start + stay.from, day_start + stay.to});
  }
}

}  // namespace oversight
