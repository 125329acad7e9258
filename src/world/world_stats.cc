#include "world/world_stats.h"

#include "world/phone_number.h"

namespace oversight {

int AgeBand(int age) {
  int band = 0;
  for (size_t b = 0; b < kAgeBandStarts.size(); ++b) {
    if (age >= kAgeBandStarts[b]) band = static_cast<int>(b);
  }
  return band;
}

namespace {

// The register: traits, roles, ages, intents, phones and ties, by group.
void CountPersons(const World& world, WorldStats* stats) {
  const Population& pop = world.population();
  WorldStats& s = *stats;
  for (size_t i = 0; i < pop.size(); ++i) {
    const PersonId id(static_cast<uint32_t>(i));
    const size_t g = pop.group[i].index();
    ++s.persons_by_group[g];
    for (size_t a = 0; a < kTraitCount; ++a) {
      if (!Has(pop.true_traits[i], static_cast<Trait>(a))) continue;
      for (size_t b = 0; b < kTraitCount; ++b) {
        s.trait_pairs[a][b] += Has(pop.true_traits[i], static_cast<Trait>(b)) ? 1u : 0u;
      }
    }
    for (size_t t = 0; t < kTraitCount; ++t) {
      const bool truth = Has(pop.true_traits[i], static_cast<Trait>(t));
      const bool record = Has(pop.recorded_traits[i], static_cast<Trait>(t));
      s.true_traits[g][t] += truth ? 1u : 0u;
      s.recorded_traits[g][t] += record ? 1u : 0u;
      s.recorded_and_true[g][t] += truth && record ? 1u : 0u;
    }
    const auto role = static_cast<size_t>(pop.role[i]);
    ++s.roles[g][role];
    ++s.role_status[role][static_cast<size_t>(pop.status[i])];
    ++s.age_sex[static_cast<size_t>(AgeBand(pop.age[i]))][static_cast<size_t>(pop.sex[i])];
    s.foreign[g] += pop.foreign(id) ? 1u : 0u;
    s.foreign_permit[g] += pop.work_permit(id) ? 1u : 0u;
    s.harmful_intent[g] += pop.intents[i] != 0 ? 1u : 0u;
    for (size_t k = 0; k < kIntentCount; ++k) {
      s.intents[g][k] += Has(pop.intents[i], static_cast<Intent>(k)) ? 1u : 0u;
    }
    s.phones += pop.phones[i];
    s.phone_owners += pop.phones[i] > 0 ? 1u : 0u;
    for (TieKind kind : world.ties().kinds(id)) ++s.ties[static_cast<size_t>(kind)];
  }
}

// Households by kind and size, couples and vehicles.
void CountHouseholds(const Population& pop, WorldStats* stats) {
  WorldStats& s = *stats;
  for (size_t h = 0; h < pop.household_count(); ++h) {
    std::vector<uint64_t>& sizes = s.household_sizes[static_cast<size_t>(pop.household_kind[h])];
    const size_t size = pop.household_size[h];
    if (sizes.size() <= size) sizes.resize(size + 1, 0);
    ++sizes[size];
    s.couples += pop.household_couple[h];
    s.vehicles += pop.household_vehicle_count[h];
  }
}

// Daily life: `days` days of events, stepped on `world`.
void CountDays(World* world, int32_t days, WorldStats* stats) {
  const Population& pop = world->population();
  WorldStats& s = *stats;
  for (Day day = 0; day < days; ++day) {
    world->Step(day);
    for (const DayLog& chunk : world->day_log()) {
      s.presences += chunk.presences.size();
      s.calls += chunk.calls.size();
      for (const Call& call : chunk.calls) {
        s.calls_out_of_town += IsOutOfTown(call.to, static_cast<uint32_t>(s.persons)) ? 1u : 0u;
      }
      s.purchases += chunk.purchases.size();
      for (const Purchase& p : chunk.purchases) s.purchases_cash += p.cash ? 1u : 0u;
      s.drives += chunk.drives.size();
      s.tickets += chunk.tickets.size();
      for (const Act& act : chunk.acts) {
        switch (act.kind) {
          case ActKind::kPetitionTrip:
            ++s.petition_trips;
            break;
          case ActKind::kGathering:
            ++s.gatherings;
            break;
          case ActKind::kHarmful:
            ++s.harmful_acts;
            break;
        }
      }
      s.phone_dark += chunk.dark.size();
      for (const Ticket& t : chunk.tickets) s.decoy_tickets += t.decoy ? 1u : 0u;
    }
    for (const MeterReading& m : world->meters()) {
      const size_t h = m.household.index();
      const auto kind = static_cast<size_t>(pop.household_kind[h]);
      ++s.meter_readings[kind];
      s.water_l[kind] += m.water_l;
      s.registered[kind] += pop.household_registered[h];
      s.residents[kind] += pop.household_size[h];
    }
  }
}

}  // namespace

WorldStats ComputeWorldStats(World* world, int32_t days) {
  const Population& pop = world->population();
  const size_t groups = world->options().groups.size();
  WorldStats s;
  s.persons = pop.size();
  s.persons_by_group.assign(groups, 0);
  s.true_traits.assign(groups, {});
  s.recorded_traits.assign(groups, {});
  s.recorded_and_true.assign(groups, {});
  s.roles.assign(groups, {});
  s.foreign.assign(groups, 0);
  s.foreign_permit.assign(groups, 0);
  s.harmful_intent.assign(groups, 0);
  s.intents.assign(groups, {});
  CountPersons(*world, &s);
  CountHouseholds(pop, &s);
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    s.places[t] = world->city().PlacesOfType(static_cast<PlaceType>(t)).size();
  }

  s.state_bytes = world->StateBytes();
  s.days = days;
  CountDays(world, days, &s);
  return s;
}

}  // namespace oversight
