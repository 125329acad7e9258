// Design: ties are first collected as (from, to, kind) triples, then laid out as
// compressed rows by a counting sort on `from` (two passes, no comparison sort), keeping
// each person's contacts in the order they were drawn. Duplicate ties are kept: a friend
// who is also a co-worker is called more. Rejected: adjacency sets (far more memory per
// person) and symmetric friendship (needs a matching step; contact lists are what the
// phone model needs, and they need not be mutual).
//
// Random streams: Stream::kTies keyed by person (friends, co-workers) or household (kin).
#include "world/ties.h"

#include "core/rng.h"

namespace oversight {

namespace {

struct Edge {
  uint32_t from, to;
  TieKind kind;
};

}  // namespace

Ties::Ties(const TieOptions& options, uint64_t seed, const City& city,
           const Population& population) {
  const size_t n = population.size();
  std::vector<Edge> edges;
  edges.reserve(n * static_cast<size_t>(options.friends + options.coworkers + 1));

  // Who lives in each district, and who works or studies at each place.
  std::vector<std::vector<uint32_t>> residents(city.district_count());
  std::vector<std::vector<uint32_t>> members(city.place_count());
  for (uint32_t p = 0; p < n; ++p) {
    residents[population.district(PersonId(p)).index()].push_back(p);
    const PlaceId day_place = population.day_place[p];
    if (day_place.valid()) members[day_place.index()].push_back(p);
  }

  // Kin: each family's head is tied (both ways) to the heads of other families.
  std::vector<uint32_t> heads;
  for (size_t h = 0; h < population.household_count(); ++h) {
    if (population.household_kind[h] == HouseholdKind::kFamily) {
      heads.push_back(population.household_first[h].value);
    }
  }
  for (size_t k = 0; k < heads.size() && heads.size() > 1; ++k) {
    Rng rng(seed, Stream::kTies, heads[k], 1);
    for (int32_t i = 0; i < options.kin_households; ++i) {
      const uint32_t other = heads[rng.UniformInt(static_cast<uint32_t>(heads.size()))];
      if (other == heads[k]) continue;
      edges.push_back({heads[k], other, TieKind::kKin});
      edges.push_back({other, heads[k], TieKind::kKin});
    }
  }

  // Friends and co-workers.
  for (uint32_t p = 0; p < n; ++p) {
    Rng rng(seed, Stream::kTies, p, 0);
    if (population.age[p] >= 12) {
      const std::vector<uint32_t>& local = residents[population.district(PersonId(p)).index()];
      for (int32_t i = 0; i < options.friends; ++i) {
        const bool is_local = rng.Bernoulli(options.friends_local_share);
        const uint32_t other = is_local ? local[rng.UniformInt(static_cast<uint32_t>(local.size()))]
                                        : rng.UniformInt(static_cast<uint32_t>(n));
        if (other != p) edges.push_back({p, other, TieKind::kFriend});
      }
    }
    const Role role = population.role[p];
    const PlaceId day_place = population.day_place[p];
    if ((role == Role::kWorker || role == Role::kMigrantWorker) && day_place.valid()) {
      const std::vector<uint32_t>& colleagues = members[day_place.index()];
      for (int32_t i = 0; i < options.coworkers && colleagues.size() > 1; ++i) {
        const uint32_t other = colleagues[rng.UniformInt(static_cast<uint32_t>(colleagues.size()))];
        if (other != p) edges.push_back({p, other, TieKind::kCoworker});
      }
    }
  }

  // Fellow petitioners: true petitioners of a district, in id order, in groups.
  grievance_group_.assign(n, kNoGroup);
  const auto group_size = static_cast<size_t>(options.petitioner_group_size);
  for (const std::vector<uint32_t>& district : residents) {
    std::vector<uint32_t> petitioners;
    for (uint32_t p : district) {
      if (Has(population.true_traits[p], Trait::kPetitioner)) petitioners.push_back(p);
    }
    for (size_t start = 0; start < petitioners.size(); start += group_size) {
      const size_t end = std::min(petitioners.size(), start + group_size);
      const auto group = static_cast<uint32_t>(grievance_groups_++);
      for (size_t a = start; a < end; ++a) {
        grievance_group_[petitioners[a]] = group;
        for (size_t b = start; b < end; ++b) {
          if (a != b) edges.push_back({petitioners[a], petitioners[b], TieKind::kPetitioner});
        }
      }
    }
  }

  // Compressed rows by counting sort on `from`.
  offsets_.assign(n + 1, 0);
  for (const Edge& e : edges) ++offsets_[e.from + 1];
  for (size_t p = 0; p < n; ++p) offsets_[p + 1] += offsets_[p];
  contacts_.resize(edges.size());
  kinds_.resize(edges.size());
  std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (const Edge& e : edges) {
    const uint32_t at = next[e.from]++;
    contacts_[at] = PersonId(e.to);
    kinds_[at] = e.kind;
  }
}

size_t Ties::Bytes() const {
  return offsets_.capacity() * sizeof(uint32_t) + contacts_.capacity() * sizeof(PersonId) +
         kinds_.capacity() * sizeof(TieKind) + grievance_group_.capacity() * sizeof(uint32_t);
}

}  // namespace oversight
