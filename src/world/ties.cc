// Design: ties are first collected as (from, to, kind) triples, then laid out as
// compressed rows by a counting sort on `from` (two passes, no comparison sort), keeping
// each person's contacts in the order they were drawn. Duplicate ties are kept: a friend
// who is also a co-worker is called more. Rejected: adjacency sets (far more memory per
// person) and symmetric friendship (needs a matching step; contact lists are what the
// phone model needs, and they need not be mutual).
//
// Random streams: Stream::kTies keyed by person (friends, co-workers) or household (kin).
#include "world/ties.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/rng.h"
#include "core/tuning.h"

namespace oversight {

namespace {

using Edge = Ties::Edge;

void DrawFriendsAndCoworkers(const TieOptions& options, uint64_t seed, const Population& population,
                             const std::vector<std::vector<uint32_t>>& residents,
                             const std::vector<std::vector<uint32_t>>& members, uint32_t p,
                             std::vector<Edge>* edges) {
  const auto n = static_cast<uint32_t>(population.size());
  Rng rng(seed, Stream::kTies, p, 0);
  if (population.age[p] >= 12) {
    const std::vector<uint32_t>& local = residents[population.district(PersonId(p)).index()];
    for (int32_t i = 0; i < options.friends; ++i) {
      const bool is_local = rng.Bernoulli(options.friends_local_share);
      const uint32_t other =
          is_local ? local[rng.UniformInt(static_cast<uint32_t>(local.size()))] : rng.UniformInt(n);
      if (other != p) edges->push_back({p, other, TieKind::kFriend});
    }
  }
  const Role role = population.role[p];
  const PlaceId day_place = population.day_place[p];
  if ((role == Role::kWorker || role == Role::kMigrantWorker) && day_place.valid()) {
    const std::vector<uint32_t>& colleagues = members[day_place.index()];
    for (int32_t i = 0; i < options.coworkers && colleagues.size() > 1; ++i) {
      const uint32_t other = colleagues[rng.UniformInt(static_cast<uint32_t>(colleagues.size()))];
      if (other != p) edges->push_back({p, other, TieKind::kCoworker});
    }
  }
}

// Kin: each family's head is tied (both ways) to the heads of other families.
void DrawKin(const TieOptions& options, uint64_t seed, const Population& population,
             std::vector<Edge>* edges) {
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
      edges->push_back({heads[k], other, TieKind::kKin});
      edges->push_back({other, heads[k], TieKind::kKin});
    }
  }
}

// Friends and co-workers, drawn per person (each from its own stream), so blocks of
// persons are drawn in parallel, each into its own edges: all from its persons.
std::vector<std::vector<Edge>> DrawBlocks(const TieOptions& options, uint64_t seed,
                                          const Population& population,
                                          const std::vector<std::vector<uint32_t>>& residents,
                                          const std::vector<std::vector<uint32_t>>& members) {
  const size_t n = population.size();
  const size_t blocks = (n + kPersonsPerChunk - 1) / kPersonsPerChunk;
  std::vector<std::vector<Edge>> drawn(blocks);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, blocks, 1), [&](const auto& range) {
    for (size_t b = range.begin(); b != range.end(); ++b) {
      std::vector<Edge>& out = drawn[b];
      out.reserve(kPersonsPerChunk * static_cast<size_t>(options.friends + options.coworkers));
      const auto end = static_cast<uint32_t>(std::min(n, (b + 1) * kPersonsPerChunk));
      for (auto p = static_cast<uint32_t>(b * kPersonsPerChunk); p < end; ++p) {
        DrawFriendsAndCoworkers(options, seed, population, residents, members, p, &out);
      }
    }
  });
  return drawn;
}

}  // namespace

Ties::Ties(const TieOptions& options, uint64_t seed, const City& city,
           const Population& population) {
  const size_t n = population.size();
  std::vector<Edge> edges;  // kin, then fellow petitioners (friends and co-workers by block)

  // Who lives in each district, and who works or studies at each place.
  std::vector<std::vector<uint32_t>> residents(city.district_count());
  std::vector<std::vector<uint32_t>> members(city.place_count());
  for (uint32_t p = 0; p < n; ++p) {
    residents[population.district(PersonId(p)).index()].push_back(p);
    const PlaceId day_place = population.day_place[p];
    if (day_place.valid()) members[day_place.index()].push_back(p);
  }
  DrawKin(options, seed, population, &edges);
  std::vector<std::vector<Edge>> drawn = DrawBlocks(options, seed, population, residents, members);
  const size_t kin_edges = edges.size();
  GroupPetitioners(options, population, residents, &edges);

  // Compressed rows by counting sort on `from`, in the order drawn: kin, friends and
  // co-workers (a block's edges all start at its own persons, so the blocks are placed in
  // parallel), fellow petitioners.
  offsets_.assign(n + 1, 0);
  for (const Edge& e : edges) ++offsets_[e.from + 1];
  for (const std::vector<Edge>& block : drawn) {
    for (const Edge& e : block) ++offsets_[e.from + 1];
  }
  for (size_t p = 0; p < n; ++p) offsets_[p + 1] += offsets_[p];
  contacts_.resize(offsets_[n]);
  kinds_.resize(offsets_[n]);
  std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  auto place = [&](const Edge& e) {
    const uint32_t at = next[e.from]++;
    contacts_[at] = PersonId(e.to);
    kinds_[at] = e.kind;
  };
  for (size_t k = 0; k < kin_edges; ++k) place(edges[k]);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, drawn.size(), 1), [&](const auto& range) {
    for (size_t b = range.begin(); b != range.end(); ++b) {
      for (const Edge& e : drawn[b]) place(e);
      std::vector<Edge>().swap(drawn[b]);
    }
  });
  for (size_t k = kin_edges; k < edges.size(); ++k) place(edges[k]);
}

// Fellow petitioners: true petitioners of a district, in id order, in groups of
// petitioner_group_size, each tied to every other of its group.
void Ties::GroupPetitioners(const TieOptions& options, const Population& population,
                            const std::vector<std::vector<uint32_t>>& residents,
                            std::vector<Edge>* edges) {
  grievance_group_.assign(population.size(), kNoGroup);
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
          if (a != b) edges->push_back({petitioners[a], petitioners[b], TieKind::kPetitioner});
        }
      }
    }
  }
}

size_t Ties::Bytes() const {
  return offsets_.capacity() * sizeof(uint32_t) + contacts_.capacity() * sizeof(PersonId) +
         kinds_.capacity() * sizeof(TieKind) + grievance_group_.capacity() * sizeof(uint32_t);
}

}  // namespace oversight
