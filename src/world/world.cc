// Design: the day step is embarrassingly parallel over persons: each person's day depends
// only on (seed, person, day) and on state fixed before the step. Household meters are read
// in a second parallel pass over households, from who slept at home. Work is split into fixed
// blocks of kPersonsPerChunk persons, each writing its own DayLog, so the output is the
// same whatever the thread count and order. Rejected: one shared log with atomic appends
// (order would depend on scheduling).
#include "world/world.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/poisson.h"
#include "core/rng.h"
#include "core/snapshot.h"
#include "core/tuning.h"
#include "world/world_builder.h"

namespace oversight {

World::World(const WorldOptions& options, uint64_t seed) : options_(options), seed_(seed) {
  BuildWorld(options_, seed_, &city_, &population_);
  ties_ = Ties(options_.ties, seed_, city_, population_);
  // Each district's residents use the station nearest to the district's centre.
  district_station_.resize(city_.district_count());
  for (size_t d = 0; d < city_.district_count(); ++d) {
    const District& district = city_.district(DistrictId(static_cast<uint32_t>(d)));
    const double cx = district.x0 + district.size / 2;
    const double cy = district.y0 + district.size / 2;
    double best = 0.0;
    for (PlaceId station : city_.PlacesOfType(PlaceType::kTrainStation)) {
      const Place& p = city_.place(station);
      const double dist = (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy);
      if (!district_station_[d].valid() || dist < best) {
        best = dist;
        district_station_[d] = station;
      }
    }
  }
  const size_t chunk_count = (population_.size() + kPersonsPerChunk - 1) / kPersonsPerChunk;
  chunks_.resize(chunk_count);
  home_tonight_.assign(population_.size(), 0);
  held_today_.assign(population_.size(), 0);
  police_contacts_.assign(population_.size(), 0);
  for (uint32_t p = 0; p < population_.size(); ++p) {
    if (Has(population_.intents[p], Intent::kPyramidRecruiter)) recruiters_.push_back(PersonId(p));
  }
  meters_.resize(population_.household_count());
}

DayContext World::MakeContext(Day day) const {
  DayContext context;
  context.day = day;
  const HolidayOptions* holiday = nullptr;
  context.kind = KindOfDay(options_.calendar, day, &holiday);
  context.reunion = holiday != nullptr && holiday->reunion;
  context.reunion_first_day = holiday != nullptr ? holiday->first_day : 0;
  context.out_of_town = city_.PlacesOfType(PlaceType::kOutOfTown).front();
  context.police_contacts = police_contacts_.data();
  PlanRecruitments(day, &context);
  context.call_counts = PoissonTable(options_.phones.calls_per_day);
  context.purchase_counts = PoissonTable(options_.purchases.per_day);
  context.station = district_station_;
  context.capital = city_.PlacesOfType(PlaceType::kCapital).front();
  context.meeting_hotel.resize(city_.district_count());
  for (size_t d = 0; d < city_.district_count(); ++d) {
    const DistrictId district(static_cast<uint32_t>(d));
    const std::vector<PlaceId>& local = city_.PlacesOfType(PlaceType::kHotel, district);
    const std::vector<PlaceId>& hotels =
        local.empty() ? city_.PlacesOfType(PlaceType::kHotel) : local;
    if (hotels.empty()) continue;
    Rng rng(seed_, Stream::kMeeting, district.value, day);
    context.meeting_hotel[d] = hotels[rng.UniformInt(static_cast<uint32_t>(hotels.size()))];
  }
  return context;
}

void World::Step(Day day, const BlockObserver& observer, Keep keep) {
  day_ = day;
  const DayContext context = MakeContext(day);
  StartRestrictions();
  const size_t n = population_.size();
  tbb::parallel_for(tbb::blocked_range<size_t>(0, chunks_.size(), 1),
                    [&](const tbb::blocked_range<size_t>& range) {
                      for (size_t c = range.begin(); c != range.end(); ++c) {
                        DayLog& log = keep == Keep::kEverything ? chunks_[c] : scratch_.local();
                        log.Clear();
                        const size_t end = std::min(n, (c + 1) * kPersonsPerChunk);
                        for (size_t p = c * kPersonsPerChunk; p < end; ++p) {
                          home_tonight_[p] =
                              LivePersonDay(options_, seed_, city_, population_, ties_, context,
                                            PersonId(static_cast<uint32_t>(p)), &log)
                                  ? 1
                                  : 0;
                        }
                        ApplyRestrictions(c, &log);
                        if (observer) observer(c, log);
                        if (keep == Keep::kActsOnly) {
                          chunks_[c].Clear();
                          chunks_[c].acts.swap(log.acts);
                        }
                      }
                    });
  ReadMeters(day);
}

// Water and electricity follow the number of members who sleep at home tonight, whatever
// the register says; each reading carries its own noise.
void World::ReadMeters(Day day) {
  const UtilityOptions& u = options_.utilities;
  tbb::parallel_for(
      tbb::blocked_range<size_t>(0, population_.household_count(), kPersonsPerChunk),
      [&](const tbb::blocked_range<size_t>& range) {
        for (size_t h = range.begin(); h != range.end(); ++h) {
          const size_t first = population_.household_first[h].index();
          uint32_t home = 0;
          for (size_t k = 0; k < population_.household_size[h]; ++k)
            home += home_tonight_[first + k];
          Rng rng(seed_, Stream::kMeters, static_cast<uint32_t>(h), day);
          const double water_noise = 1.0 + u.noise * (2.0 * rng.Uniform() - 1.0);
          const double power_noise = 1.0 + u.noise * (2.0 * rng.Uniform() - 1.0);
          meters_[h] = MeterReading{
              HouseholdId(static_cast<uint32_t>(h)),
              static_cast<float>((u.water_base_l + u.water_per_person_l * home) * water_noise),
              static_cast<float>((u.power_base_kwh + u.power_per_person_kwh * home) * power_noise)};
        }
      });
}

namespace {

template <typename T>
size_t Bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

size_t World::StateBytes() const {
  const Population& p = population_;
  return Bytes(p.group) + Bytes(p.household) + Bytes(p.age) + Bytes(p.sex) + Bytes(p.role) +
         Bytes(p.status) + Bytes(p.flags) + Bytes(p.day_place) + Bytes(p.true_traits) +
         Bytes(p.recorded_traits) + Bytes(p.recorded_personality) + Bytes(p.intents) +
         Bytes(p.household_first) + Bytes(p.household_size) + Bytes(p.household_kind) +
         Bytes(p.household_couple) + Bytes(p.household_home) + Bytes(p.household_district) +
         Bytes(p.phones) + Bytes(p.household_registered) + Bytes(p.household_vehicles) +
         Bytes(p.household_vehicle_count) + Bytes(p.residence_of) + Bytes(city_.places()) +
         ties_.Bytes() + Bytes(police_contacts_);
}

// A recruiter who acts today visits a compound of his district other than his own, from
// 14:00-17:00 for 60-120 minutes, with one to three of his contacts (different ones from
// day to day). A person takes part in at most one visit a day (the first recruiter, in id
// order, who picks them).
void World::PlanRecruitments(Day day, DayContext* context) const {
  const double rate =
      options_.population.intents[static_cast<size_t>(Intent::kPyramidRecruiter)].act_rate;
  for (PersonId recruiter : recruiters_) {
    Rng rng(seed_, Stream::kRecruit, recruiter.value, day);
    if (rng.UniformAt(0) >= rate || context->recruited.contains(recruiter.value)) continue;
    const DistrictId district = population_.district(recruiter);
    const std::vector<PlaceId>& compounds =
        city_.PlacesOfType(PlaceType::kResidentialCompound, district);
    const PlaceId own = city_.place(population_.residence(recruiter)).parent;
    if (compounds.size() < 2) continue;
    PlaceId compound =
        compounds[static_cast<size_t>(rng.UniformAt(1) * static_cast<double>(compounds.size()))];
    if (compound == own) compound = compounds[(compound == compounds[0]) ? 1 : 0];
    const Minute start = 14 * kMinutesPerHour + static_cast<Minute>(rng.UniformAt(2) * 180);
    const Minute end = start + 60 + static_cast<Minute>(rng.UniformAt(3) * 60);
    const auto index = static_cast<uint32_t>(context->recruitments.size());
    context->recruitments.push_back(Recruitment{recruiter, compound, start, end});
    context->recruited.emplace(recruiter.value, index);
    const auto contacts = ties_.contacts(recruiter);
    const int companions = 1 + static_cast<int>(rng.UniformAt(4) * 3);
    for (int c = 0; c < companions && !contacts.empty(); ++c) {
      const auto k = static_cast<size_t>(rng.UniformAt(5 + static_cast<uint32_t>(c)) *
                                         static_cast<double>(contacts.size()));
      context->recruited.emplace(contacts[k].value, index);  // no-op if already taking part
    }
  }
}

void World::Check(PersonId person) {
  uint8_t& contacts = police_contacts_[person.index()];
  if (contacts < 255) ++contacts;
}

void World::Apply(const Intervention& intervention) {
  if (!IsContact(intervention.kind)) return;
  const PersonId person = intervention.person;
  uint8_t& contacts = police_contacts_[person.index()];
  if (contacts < 255) ++contacts;
  const uint32_t cause = intervention.rule.value;
  const Restriction restriction{day_ + 1, day_ + intervention.days, cause};
  switch (intervention.kind) {
    case Response::kDenyPermit:
      StopActs(person, intervention.time, cause, /*only_petition_trips=*/true);
      if (restriction.until > restriction.from) permits_[person.value] = restriction;
      break;
    case Response::kDetain:
      StopActs(person, intervention.time, cause);
      if (restriction.until > restriction.from) holds_[person.value] = restriction;
      break;
    default:
      StopActs(person, intervention.time, cause);
      break;
  }
}

namespace {

// Stops `person`'s acts in `acts` (ordered by person) due at or after `time`; see StopActs.
int StopActsIn(std::vector<Act>* acts_of_block, PersonId person, Minute time, uint32_t cause,
               bool only_petition_trips) {
  std::vector<Act>& acts = *acts_of_block;
  auto it = std::lower_bound(acts.begin(), acts.end(), person,
                             [](const Act& act, PersonId p) { return act.person < p; });
  int stopped = 0;
  for (; it != acts.end() && it->person == person; ++it) {
    if (only_petition_trips && it->kind != ActKind::kPetitionTrip) continue;
    if (!it->stopped() && it->time >= time) {
      it->stopped_by = cause;
      ++stopped;
    }
  }
  return stopped;
}

// Removes the events of persons marked in `held` from `events`.
template <typename Event>
void RemoveHeld(const std::vector<uint8_t>& held, std::vector<Event>* events) {
  std::erase_if(*events, [&](const Event& e) { return held[e.person.index()] != 0; });
}

}  // namespace

void World::StartRestrictions() {
  std::fill(held_today_.begin(), held_today_.end(), 0);
  std::erase_if(holds_, [&](const auto& entry) { return entry.second.until <= day_; });
  std::erase_if(permits_, [&](const auto& entry) { return entry.second.until <= day_; });
  for (const auto& [person, hold] : holds_) {
    if (hold.from <= day_) held_today_[person] = 1;
  }
}

// Reads holds_ and permits_ (not changed during the day step) and writes only block
// `block`'s persons, so blocks may run concurrently.
void World::ApplyRestrictions(size_t block, DayLog* log) {
  const auto first = static_cast<uint32_t>(block * kPersonsPerChunk);
  const auto end =
      static_cast<uint32_t>(std::min(population_.size(), (block + 1) * kPersonsPerChunk));
  bool touched = false;
  for (auto it = holds_.lower_bound(first); it != holds_.end() && it->first < end; ++it) {
    if (it->second.from > day_) continue;
    home_tonight_[it->first] = 0;
    touched = true;
    StopActsIn(&log->acts, PersonId(it->first), DayStart(day_), it->second.cause, false);
  }
  for (auto it = permits_.lower_bound(first); it != permits_.end() && it->first < end; ++it) {
    if (it->second.from > day_) continue;
    StopActsIn(&log->acts, PersonId(it->first), DayStart(day_), it->second.cause, true);
  }
  if (!touched) return;
  RemoveHeld(held_today_, &log->presences);
  RemoveHeld(held_today_, &log->calls);
  RemoveHeld(held_today_, &log->dark);
  RemoveHeld(held_today_, &log->purchases);
  RemoveHeld(held_today_, &log->drives);
  RemoveHeld(held_today_, &log->tickets);
}

int World::StopActs(PersonId person, Minute time, uint32_t cause, bool only_petition_trips) {
  return StopActsIn(&chunks_[person.index() / kPersonsPerChunk].acts, person, time, cause,
                    only_petition_trips);
}

void World::Save(SnapshotWriter& out) const { out(day_, police_contacts_, holds_, permits_); }

void World::Load(SnapshotReader& in) {
  const size_t persons = police_contacts_.size();
  in(day_, police_contacts_, holds_, permits_);
  ExpectSize(police_contacts_.size(), persons, "police contacts");
}

}  // namespace oversight
