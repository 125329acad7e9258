// Design: observations are made per block of persons in parallel, each block with its own
// buffer, then concatenated in block order and sorted into the day's stream; the result is
// independent of the thread count. Each person-day's recognition draws come from
// Rng(seed, kRecognition, person, day) in presence order.
//
// A sighting is recorded at arrival (presence.enter): cameras see people come in, not how
// long they stay. Homes carry no camera of their own; a camera at the gate of a home's
// residential compound sees the residents (and visitors) arriving home. A stay that
// merely continues from the day before (it starts at midnight) is not an arrival. A false match attributes the sighting to a resident
// drawn uniformly from everyone else: the errors fall on random innocents, not on
// look-alikes.
#include "sense/sensors.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/rng.h"

namespace oversight {

Sensors::Sensors(const SenseOptions& options, const World& world, uint64_t seed)
    : options_(options), seed_(seed) {
  const City& city = world.city();
  has_camera_.assign(city.place_count(), 0);
  cameras_by_type_.assign(kPlaceTypeCount, 0);
  for (size_t i = 0; i < city.place_count(); ++i) {
    const Place& place = city.places()[i];
    double share = options_.camera_share[static_cast<size_t>(place.type)];
    if (place.district.valid() && place.district.index() < options_.district_camera_multiplier.size()) {
      share = std::min(1.0, share * options_.district_camera_multiplier[place.district.index()]);
    }
    Rng rng(seed_, Stream::kCameras, static_cast<uint32_t>(i), 0);
    if (rng.Bernoulli(share)) {
      has_camera_[i] = 1;
      ++camera_count_;
      ++cameras_by_type_[static_cast<size_t>(place.type)];
    }
  }
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
  chunk_observations_.resize(world.day_log().size());
}

void Sensors::ObserveChunk(const World& world, const DayLog& log,
                           std::vector<Observation>* out) const {
  out->clear();
  const Population& population = world.population();
  const auto persons = static_cast<uint32_t>(population.size());
  const Day day = world.current_day();
  size_t next_ticket = 0;
  size_t i = 0;
  while (i < log.presences.size()) {
    const PersonId person = log.presences[i].person;
    const size_t group = population.group[person.index()].index();
    const double hit = options_.hit_rate[group];
    const double false_match = options_.false_match_rate[group];
    Rng rng(seed_, Stream::kRecognition, person.value, day);
    for (; i < log.presences.size() && log.presences[i].person == person; ++i) {
      const Presence& presence = log.presences[i];
      const PlaceId camera = seen_at(presence.place);
      if (!camera.valid()) continue;
      // A stay that began yesterday (at midnight) is not a new arrival.
      if (MinuteOfDay(presence.enter) == 0) continue;
      const double u = rng.Uniform();
      const uint32_t other = rng.UniformInt(persons > 1 ? persons - 1 : 1);
      if (u < hit) {
        out->push_back(Observation{presence.enter, camera, person});
      } else if (u < hit + false_match && persons > 1) {
        const PersonId wrong(other >= person.value ? other + 1 : other);
        out->push_back(Observation{presence.enter, camera, wrong});
      }
    }
    // Tickets are logged in person order, after that person's presences were generated.
    for (; next_ticket < log.tickets.size() && log.tickets[next_ticket].person <= person;
         ++next_ticket) {
      const Ticket& ticket = log.tickets[next_ticket];
      if (rng.Bernoulli(options_.ticket_id_check_rate)) {
        out->push_back(Observation{ticket.time, ticket.station, ticket.person,
                                   ObservationKind::kTicket, ticket.destination.value});
      }
    }
  }
}

const std::vector<Observation>& Sensors::Observe(const World& world) {
  const std::vector<DayLog>& chunks = world.day_log();
  chunk_observations_.resize(chunks.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, chunks.size(), 1),
                    [&](const tbb::blocked_range<size_t>& range) {
                      for (size_t c = range.begin(); c != range.end(); ++c) {
                        ObserveChunk(world, chunks[c], &chunk_observations_[c]);
                      }
                    });
  observations_.clear();
  for (const std::vector<Observation>& chunk : chunk_observations_) {
    observations_.insert(observations_.end(), chunk.begin(), chunk.end());
  }
  std::sort(observations_.begin(), observations_.end(), ObservationBefore);
  return observations_;
}

}  // namespace oversight
