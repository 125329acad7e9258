// Design: households are drawn first (size uniform in 1..max_household_size, district by
// population weight), then persons inherit the household's district and draw their group
// from the district's group shares, so groups concentrate where the scenario says.
// Traits are drawn independently per trait; the record of a trait is drawn from the truth
// (recorded_if_true / recorded_if_false) scaled by the group's record_bias, which is how
// heavier policing of a group enters the data. Hidden harmful intent depends on the true
// drug-use history only, never on group: any difference in how groups are flagged comes
// from the apparatus, not from the truth.
//
// Random streams: Stream::kPopulation keyed by person (day 0) or household (day 1);
// Stream::kCity keyed by place index (day 0) or district (day 1).
#include "world/world_builder.h"

#include <algorithm>
#include <cmath>

#include "core/rng.h"

namespace oversight {

namespace {

// Picks an index with probability proportional to weights[i]. REQUIRES: sum > 0.
size_t PickWeighted(Rng& rng, const std::vector<double>& weights, double sum) {
  double u = rng.Uniform() * sum;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  // Rounding can leave u just above the last weight: take the last non-zero one.
  for (size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) return i;
  }
  return 0;
}

// Splits `total` over districts in proportion to weights (largest remainder), so the counts
// sum exactly to total.
std::vector<size_t> Apportion(size_t total, const std::vector<double>& weights) {
  double sum = 0.0;
  for (double w : weights) sum += w;
  std::vector<size_t> counts(weights.size(), 0);
  std::vector<std::pair<double, size_t>> remainders;
  size_t assigned = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    counts[i] = static_cast<size_t>(std::floor(exact));
    assigned += counts[i];
    remainders.emplace_back(-(exact - std::floor(exact)), i);
  }
  std::sort(remainders.begin(), remainders.end());
  for (size_t k = 0; assigned < total; ++k, ++assigned) counts[remainders[k % remainders.size()].second]++;
  return counts;
}

PlaceId AddPlaceIn(City* city, PlaceType type, DistrictId district, uint64_t seed) {
  Rng rng(seed, Stream::kCity, static_cast<uint32_t>(city->place_count()), 0);
  const District& d = city->district(district);
  const double x = d.x0 + rng.Uniform() * d.size;
  const double y = d.y0 + rng.Uniform() * d.size;
  return city->AddPlace(type, district, x, y);
}

void BuildHouseholds(const WorldOptions& options, uint64_t seed, City* city, Population* pop,
                     const std::vector<double>& district_weights, double weight_sum) {
  uint32_t person = 0;
  uint32_t household = 0;
  while (person < options.persons) {
    Rng rng(seed, Stream::kPopulation, household, 1);
    const uint32_t size = std::min<uint32_t>(
        static_cast<uint32_t>(rng.UniformRange(1, options.life.max_household_size)),
        options.persons - person);
    const DistrictId district(
        static_cast<uint32_t>(PickWeighted(rng, district_weights, weight_sum)));
    pop->household_district.push_back(district);
    pop->household_home.push_back(AddPlaceIn(city, PlaceType::kHome, district, seed));
    for (uint32_t k = 0; k < size; ++k) pop->household.push_back(HouseholdId(household));
    person += size;
    ++household;
  }
}

void DrawPerson(const WorldOptions& options, uint64_t seed, PersonId id, Population* pop) {
  Rng rng(seed, Stream::kPopulation, id.value, 0);
  const size_t i = id.index();
  const DistrictOptions& district = options.districts[pop->district(id).index()];
  const size_t group = PickWeighted(rng, district.group_shares, 1.0);
  pop->group[i] = GroupId(static_cast<uint32_t>(group));
  const double bias = options.groups[group].record_bias;

  TraitBits truth = 0;
  TraitBits record = 0;
  for (size_t t = 0; t < kTraitCount; ++t) {
    const TraitOptions& trait = options.traits[t];
    const bool has = rng.Bernoulli(trait.prevalence);
    const double p_record = std::min(1.0, bias * (has ? trait.recorded_if_true
                                                      : trait.recorded_if_false));
    const bool on_file = rng.Bernoulli(p_record);
    if (has) truth = static_cast<TraitBits>(truth | (1u << t));
    if (on_file) record = static_cast<TraitBits>(record | (1u << t));
  }
  pop->true_traits[i] = truth;
  pop->recorded_traits[i] = record;

  const double p_harmful = Has(truth, Trait::kDrugUse)
                               ? options.intent.harmful_share_given_drug_use
                               : options.intent.harmful_share_otherwise;
  pop->harmful_intent[i] = rng.Bernoulli(p_harmful) ? 1 : 0;

  const double u = rng.Uniform();
  pop->role[i] = u < options.life.worker_share ? Role::kWorker
                 : u < options.life.worker_share + options.life.student_share ? Role::kStudent
                                                                              : Role::kAtHome;
}

void BuildPlaces(const WorldOptions& options, uint64_t seed, City* city,
                 const std::vector<double>& district_weights) {
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    const auto type = static_cast<PlaceType>(t);
    if (type == PlaceType::kHome || type == PlaceType::kCapital) continue;
    const double exact = options.places_per_1000[t] * options.persons / 1000.0;
    const size_t total = std::max<size_t>(1, static_cast<size_t>(std::llround(exact)));
    const std::vector<size_t> counts = Apportion(total, district_weights);
    for (size_t d = 0; d < counts.size(); ++d) {
      for (size_t k = 0; k < counts[d]; ++k) {
        AddPlaceIn(city, type, DistrictId(static_cast<uint32_t>(d)), seed);
      }
    }
  }
  // The capital lies outside the map, to the east.
  city->AddPlace(PlaceType::kCapital, DistrictId(), -100000.0, 0.0);
}

// Workers mostly work in their own district (70%), otherwise anywhere; students go to a
// school in their own district when it has one.
void AssignDayPlaces(uint64_t seed, const City& city, Population* pop) {
  for (size_t i = 0; i < pop->size(); ++i) {
    const PersonId id(static_cast<uint32_t>(i));
    Rng rng(seed, Stream::kPopulation, id.value, 2);
    const DistrictId district = pop->district(id);
    const PlaceType type = pop->role[i] == Role::kWorker    ? PlaceType::kWorkplace
                           : pop->role[i] == Role::kStudent ? PlaceType::kSchool
                                                            : PlaceType::kHome;
    if (type == PlaceType::kHome) continue;
    const std::vector<PlaceId>& local = city.PlacesOfType(type, district);
    const bool stay_local = !local.empty() && (type == PlaceType::kSchool || rng.Bernoulli(0.7));
    const std::vector<PlaceId>& choices = stay_local ? local : city.PlacesOfType(type);
    pop->day_place[i] = choices[rng.UniformInt(static_cast<uint32_t>(choices.size()))];
  }
}

}  // namespace

void BuildWorld(const WorldOptions& options, uint64_t seed, City* city, Population* population) {
  std::vector<std::string> names;
  std::vector<double> weights;
  double weight_sum = 0.0;
  for (const DistrictOptions& d : options.districts) {
    names.push_back(d.name);
    weights.push_back(d.population_weight);
    weight_sum += d.population_weight;
  }
  *city = City();
  *population = Population();
  city->LayOutDistricts(names, options.district_size_m);

  BuildHouseholds(options, seed, city, population, weights, weight_sum);
  const size_t n = options.persons;
  population->group.resize(n);
  population->role.resize(n);
  population->day_place.resize(n);
  population->true_traits.resize(n);
  population->recorded_traits.resize(n);
  population->harmful_intent.resize(n);
  for (uint32_t p = 0; p < n; ++p) DrawPerson(options, seed, PersonId(p), population);

  BuildPlaces(options, seed, city, weights);
  AssignDayPlaces(seed, *city, population);
}

}  // namespace oversight
