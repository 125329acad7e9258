// Design: cameras come from three policies: a share of places by type and district (drawn
// per place), every place near a place of a given type (e.g. schools), and outside the
// homes of persons with a trait on file (the placement reads the record, not the truth).
// Observations are made per block of persons in parallel, each block with its own
// buffer, then concatenated in block order and sorted into the day's stream; the result is
// independent of the thread count. Each person-day's recognition draws come from
// Rng(seed, kRecognition, person, day) in presence order.
//
// A sighting is recorded at arrival (presence.enter): cameras see people come in, not how
// long they stay. Homes carry no camera of their own; a camera at the gate of a home's
// residential compound sees the residents (and visitors) arriving home. Phone locations
// (only when a rule reads them) cover whole stays, draw from their own stream and so change
// no other record. A stay that
// merely continues from the day before (it starts at midnight) is not an arrival. A false match
// attributes the sighting to a resident drawn uniformly from everyone else: the errors fall on
// random innocents, not on look-alikes.
#include "sense/sensors.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cassert>
#include <limits>

#include "core/rng.h"
#include "core/snapshot.h"
#include "sense/minute_sort.h"
#include "world/spatial_grid.h"

namespace oversight {

Sensors::Sensors(const SenseOptions& options, const World& world, uint64_t seed)
    : options_(options), seed_(seed) {
  const City& city = world.city();
  if (!city.PlacesOfType(PlaceType::kCapital).empty()) {
    capital_ = city.PlacesOfType(PlaceType::kCapital).front();
  }
  has_camera_.assign(city.place_count(), 0);
  cameras_by_type_.assign(kPlaceTypeCount, 0);
  for (size_t i = 0; i < city.place_count(); ++i) {
    const Place& place = city.places()[i];
    double share = options_.camera_share[static_cast<size_t>(place.type)];
    if (place.district.valid() &&
        place.district.index() < options_.district_camera_multiplier.size()) {
      share = std::min(1.0, share * options_.district_camera_multiplier[place.district.index()]);
    }
    Rng rng(seed_, Stream::kCameras, static_cast<uint32_t>(i), 0);
    if (rng.Bernoulli(share)) {
      has_camera_[i] = 1;
      ++cameras_by_type_[static_cast<size_t>(place.type)];
    }
  }
  PlaceExtraCameras(world);
  seen_at_.assign(city.place_count(), PlaceId());
  for (size_t i = 0; i < city.place_count(); ++i) {
    const PlaceId id(static_cast<uint32_t>(i));
    const PlaceId parent = city.places()[i].parent;
    if (has_camera_[i] != 0) {
      seen_at_[i] = id;
    } else if (parent.valid() && has_camera_[parent.index()] != 0) {
      seen_at_[i] = parent;
    }
  }
  // The vehicle register: every household's vehicles belong to its head.
  const Population& pop = world.population();
  for (size_t h = 0; h < pop.household_count(); ++h) {
    for (uint32_t k = 0; k < pop.household_vehicle_count[h]; ++k) {
      vehicle_owner_.push_back(pop.household_first[h]);
    }
  }
  chunk_observations_.resize(world.day_log().size());
  chunk_observations_most_.resize(world.day_log().size());
  chunk_records_.resize(world.day_log().size());
}

bool Sensors::AddCamera(const City& city, PlaceId place) {
  if (has_camera_[place.index()] != 0) return false;
  has_camera_[place.index()] = 1;
  seen_at_[place.index()] = place;  // a home now sees arrivals at its own door
  ++cameras_added_;
  ++cameras_by_type_[static_cast<size_t>(city.place(place).type)];
  return true;
}

void Sensors::PlaceExtraCameras(const World& world) {
  const City& city = world.city();
  auto add = [&](size_t place) {
    if (has_camera_[place] != 0) return;
    has_camera_[place] = 1;
    ++cameras_by_type_[static_cast<size_t>(city.places()[place].type)];
  };
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    const double radius = options_.camera_near_m[t];
    if (radius < 0) continue;
    const SpatialGrid grid(city, static_cast<PlaceType>(t), std::max(radius, 1.0));
    for (size_t p = 0; p < city.place_count(); ++p) {
      const Place& place = city.places()[p];
      if (place.type == PlaceType::kHome || OutsideTheCity(place.type)) continue;
      if (grid.AnyWithin(place.x, place.y, radius)) add(p);
    }
  }
  if (options_.camera_homes_of == 0) return;
  const Population& pop = world.population();
  for (size_t p = 0; p < pop.size(); ++p) {
    if ((pop.recorded_traits[p] & options_.camera_homes_of) == 0) continue;
    add(pop.home(PersonId(static_cast<uint32_t>(p))).index());
  }
}

// Cursors into a chunk's person-ordered vectors, one per kind, advanced person by person.
enum RecordCursor { kCallCursor, kDarkCursor, kPurchaseCursor, kDriveCursor, kCursorCount };

void Sensors::RecordPerson(const World& world, const DayLog& log, PersonId person,
                           size_t first_presence, size_t end_presence, size_t* cursors,
                           BlockRecords* records) const {
  Rng rng(seed_, Stream::kRecords, person.value, world.current_day());
  // A night at a hotel (a stay from the evening to midnight) is registered with the
  // guest's ID: the real person, whatever a camera would make of their face.
  for (size_t k = first_presence; k < end_presence; ++k) {
    const Presence& p = log.presences[k];
    // The cheap test first: almost no stay runs from the evening to midnight.
    if (MinuteOfDay(p.leave) != 0 || MinuteOfDay(p.enter) < 18 * kMinutesPerHour) continue;
    if (world.city().place(p.place).type != PlaceType::kHotel) continue;
    if (rng.Bernoulli(options_.hotel_registration_rate)) {
      records->check_ins.push_back(CheckInRecord{p.enter, person, p.place});
    }
  }
  for (size_t& c = cursors[kCallCursor]; c < log.calls.size() && log.calls[c].person == person;
       ++c) {
    const Call& call = log.calls[c];
    const bool recorded = rng.Bernoulli(options_.call_record_rate);
    if (!call.burner && recorded)
      records->calls.push_back(CallRecord{call.time, person, call.from, call.to});
  }
  if (options_.record_locations && world.population().phones[person.index()] > 0) {
    RecordLocations(log, person, first_presence, end_presence, cursors[kDarkCursor],
                    world.current_day(), records);
  }
  for (size_t& c = cursors[kDarkCursor]; c < log.dark.size() && log.dark[c].person == person; ++c) {
    if (rng.Bernoulli(options_.dark_record_rate)) {
      records->dark.push_back(DarkRecord{log.dark[c].from, person});
    }
  }
  for (size_t& c = cursors[kPurchaseCursor];
       c < log.purchases.size() && log.purchases[c].person == person; ++c) {
    const Purchase& p = log.purchases[c];
    const bool recorded = rng.Bernoulli(options_.payment_record_rate);
    if (!p.cash && recorded) {
      if (keep_unread_) {
        records->payments.push_back(PaymentRecord{p.time, person, p.place, p.amount});
      } else {
        ++records->unkept[Index(PaymentRecord::kStream)];
      }
    }
  }
  const auto vehicles = static_cast<uint32_t>(vehicle_owner_.size());
  for (size_t& c = cursors[kDriveCursor]; c < log.drives.size() && log.drives[c].person == person;
       ++c) {
    const Drive& d = log.drives[c];
    const bool passes = rng.Bernoulli(options_.plate_read_rate);
    const bool misread = rng.Bernoulli(options_.plate_misread_rate);
    const uint32_t other = rng.UniformInt(vehicles > 0 ? vehicles : 1);
    if (d.avoids_checkpoints || !passes) continue;
    const uint32_t plate = misread && vehicles > 0 ? other : d.vehicle;
    const PersonId owner = plate < vehicles ? vehicle_owner_[plate] : PersonId();
    if (keep_unread_) {
      records->plates.push_back(PlateRecord{d.depart, plate, owner});
    } else {
      ++records->unkept[Index(PlateRecord::kStream)];
    }
  }
}

void Sensors::RecordLocations(const DayLog& log, PersonId person, size_t first_presence,
                              size_t end_presence, size_t first_dark, Day day,
                              BlockRecords* records) const {
  Rng rng(seed_, Stream::kLocations, person.value, day);
  for (size_t k = first_presence; k < end_presence; ++k) {
    const Presence& p = log.presences[k];
    const bool recorded = rng.Bernoulli(options_.location_record_rate);
    bool dark = false;  // the phone was off during part of the stay
    for (size_t c = first_dark; c < log.dark.size() && log.dark[c].person == person; ++c) {
      dark = dark || (log.dark[c].from < p.leave && log.dark[c].to > p.enter);
    }
    if (recorded && !dark) {
      records->locations.push_back(LocationRecord{person, p.place, p.enter, p.leave});
    }
  }
}

void Sensors::ReadMeters(const World& world) {
  const Population& pop = world.population();
  for (const MeterReading& m : world.meters()) {
    Rng rng(seed_, Stream::kRecords, m.household.value, -1 - world.current_day());
    if (!rng.Bernoulli(options_.meter_record_rate)) continue;
    meters_.meters.push_back(MeterRecord{m.household, pop.household_registered[m.household.index()],
                                         m.water_l, m.power_kwh});
  }
}

void Sensors::ObserveChunk(const World& world, const DayLog& log, std::vector<Observation>* out,
                           uint32_t* observations_most, BlockRecords* records) const {
  ClearKeepingRoom(out, observations_most);
  records->ClearForDay();
  size_t cursors[kCursorCount] = {};
  const Population& population = world.population();
  const auto persons = static_cast<uint32_t>(population.size());
  const Day day = world.current_day();
  size_t next_ticket = 0;
  size_t i = 0;
  while (i < log.presences.size()) {
    const PersonId person = log.presences[i].person;
    const size_t group = population.group[person.index()].index();
    // The loader gives every group a hit and a false-match rate.
    assert(group < options_.hit_rate.size() && group < options_.false_match_rate.size());
    const double hit = options_.hit_rate[group];
    const double false_match = options_.false_match_rate[group];
    Rng rng(seed_, Stream::kRecognition, person.value, day);
    const size_t first_presence = i;
    for (; i < log.presences.size() && log.presences[i].person == person; ++i) {
      const Presence& presence = log.presences[i];
      // A stay that began yesterday (at midnight) is not a new arrival.
      if (MinuteOfDay(presence.enter) == 0) continue;
      const PlaceId camera = seen_at(presence.place);
      bool seen = false;
      if (camera.valid()) {
        const double u = rng.Uniform();
        const uint32_t other = rng.UniformInt(persons > 1 ? persons - 1 : 1);
        if (u < hit) {
          out->push_back(Observation{presence.enter, camera, person});
          seen = true;
        } else if (u < hit + false_match && persons > 1) {
          const PersonId wrong(other >= person.value ? other + 1 : other);
          out->push_back(Observation{presence.enter, camera, wrong});
        }
      }
      if (!seen && !patrol_chance_.empty() && PatrolChecks(world.city(), presence, day)) {
        out->push_back(Observation{presence.enter, presence.place, person});
      }
    }
    RecordPerson(world, log, person, first_presence, i, cursors, records);
    // Tickets are logged in person order, after that person's presences were generated.
    for (; next_ticket < log.tickets.size() && log.tickets[next_ticket].person <= person;
         ++next_ticket) {
      const Ticket& ticket = log.tickets[next_ticket];
      if (rng.Bernoulli(options_.ticket_id_check_rate)) {
        out->push_back(
            Observation{ticket.time, ticket.station, ticket.person, ObservationKind::kTicket,
                        ticket.destination == capital_ ? kTicketToCapital : kTicketElsewhere});
      }
    }
  }
}

void Sensors::SetPatrols(std::vector<double> check_chance, Minute from, Minute to) {
  patrol_chance_ = std::move(check_chance);
  patrol_from_ = from;
  patrol_to_ = to;
}

// Whether a patrol checks the person arriving at `presence` today. The draw comes from the
// person's own patrol stream, indexed by the arrival minute, so it changes no other draw.
bool Sensors::PatrolChecks(const City& city, const Presence& presence, Day day) const {
  const Place& place = city.place(presence.place);
  if (place.type == PlaceType::kHome || place.type == PlaceType::kResidentialCompound ||
      place.type == PlaceType::kWorkplace || place.type == PlaceType::kSchool ||
      !place.district.valid()) {
    return false;
  }
  const double chance = patrol_chance_[place.district.index()];
  const Minute minute = MinuteOfDay(presence.enter);
  if (chance <= 0 || minute < patrol_from_ || minute >= patrol_to_) return false;
  Rng rng(seed_, Stream::kPatrol, presence.person.value, day);
  return rng.UniformAt(static_cast<uint32_t>(minute)) < chance;
}

const std::vector<Observation>& Sensors::Observe(const World& world) {
  BeginDay(world);
  const std::vector<DayLog>& chunks = world.day_log();
  tbb::parallel_for(tbb::blocked_range<size_t>(0, chunks.size(), 1),
                    [&](const tbb::blocked_range<size_t>& range) {
                      for (size_t c = range.begin(); c != range.end(); ++c) {
                        ObserveBlock(world, c, chunks[c]);
                      }
                    });
  return FinishDay(world);
}

void Sensors::BeginDay(const World& world) {
  chunk_observations_.resize(world.day_log().size());
  chunk_observations_most_.resize(world.day_log().size());
  chunk_records_.resize(world.day_log().size());
}

void Sensors::ObserveBlock(const World& world, size_t block, const DayLog& log) {
  ObserveChunk(world, log, &chunk_observations_[block], &chunk_observations_most_[block],
               &chunk_records_[block]);
}

const std::vector<Observation>& Sensors::FinishDay(const World& world) {
  MergeObservations(world.current_day());
  records_.Clear();
  for (const BlockRecords& chunk : chunk_records_) records_.Add(chunk);
  meters_.Clear();
  ReadMeters(world);
  records_.Add(meters_);
  return observations_;
}

// Time comes first in ObservationBefore, and a day's observations span at most a day's
// minutes: a counting sort by minute merges the blocks' observations into place, and each
// minute's bucket (about a thousand at 1,000,000 persons) is then sorted by the rest of the
// order, buckets in parallel. ObservationBefore is a total order, so the result is the one
// std::sort would give, at any thread count (docs/PERFORMANCE.md has the measurements).
void Sensors::MergeObservations(Day day) {
  constexpr auto kMinutes = static_cast<size_t>(kMinutesPerDay);
  observations_.clear();
  // Every observation is an arrival or a ticket check of the world's current day: its
  // minute of the day is its bucket. The blocks are taken in kMergeGroups groups of
  // consecutive blocks (a fixed number, so the result does not depend on the threads):
  // each group counts its observations per minute, then writes them at its own offsets
  // within each minute's bucket, groups in block order: the sequence one pass over the
  // blocks in order would give.
  const Minute first = DayStart(day);
  const size_t blocks = chunk_observations_.size();
  const size_t groups = std::min(kMergeGroups, std::max<size_t>(blocks, 1));
  // Calls visit(row, o, minute) for each observation of each group's blocks in order, the
  // groups in parallel; `row` is the group's kMinutes entries of group_next_.
  auto each_group = [&](const auto& visit) {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, groups, 1), [&](const auto& range) {
      for (size_t g = range.begin(); g != range.end(); ++g) {
        size_t* row = &group_next_[g * kMinutes];
        for (size_t b = g * blocks / groups; b < (g + 1) * blocks / groups; ++b) {
          for (const Observation& o : chunk_observations_[b]) {
            assert(o.time >= first && static_cast<size_t>(o.time - first) < kMinutes);
            visit(row, o, static_cast<size_t>(o.time - first));
          }
        }
      }
    });
  };
  group_next_.assign(groups * kMinutes, 0);
  each_group([](size_t* counts, const Observation&, size_t minute) { ++counts[minute]; });
  // Offsets: minute by minute, group by group.
  bucket_start_.assign(kMinutes + 1, 0);
  size_t total = 0;
  for (size_t m = 0; m < kMinutes; ++m) {
    bucket_start_[m] = total;
    for (size_t g = 0; g < groups; ++g) {
      const size_t count = group_next_[g * kMinutes + m];
      group_next_[g * kMinutes + m] = total;
      total += count;
    }
  }
  bucket_start_[kMinutes] = total;
  if (total == 0) return;
  if (observations_.capacity() < total) {
    // Grown in place, the vector would hold its old buffer and the new one at once, on the
    // busiest day of the run, which sets the run's peak. Its contents are about to be
    // replaced, so the old buffer goes first.
    std::vector<Observation>().swap(observations_);
    observations_.reserve(total + total / 16);
  }
  observations_.resize(total);
  each_group([&](size_t* next, const Observation& o, size_t minute) {
    observations_[next[minute]++] = o;
  });
  tbb::parallel_for(tbb::blocked_range<size_t>(0, kMinutes, 16), [&](const auto& range) {
    std::vector<Observation>& scratch = merge_scratch_.local();
    for (size_t m = range.begin(); m != range.end(); ++m) {
      SortMinuteOfObservations(std::span<Observation>(observations_.data() + bucket_start_[m],
                                                      bucket_start_[m + 1] - bucket_start_[m]),
                               &scratch);
    }
  });
}

void Sensors::Save(SnapshotWriter& out) const {
  out(has_camera_, seen_at_, cameras_by_type_, cameras_added_);
}

void Sensors::Load(SnapshotReader& in) {
  const size_t places = has_camera_.size();
  in(has_camera_, seen_at_, cameras_by_type_, cameras_added_);
  ExpectSize(has_camera_.size(), places, "cameras");
  ExpectSize(seen_at_.size(), places, "camera views");
}

}  // namespace oversight
