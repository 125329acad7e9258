// Design: the population is drawn as a small dependence model, in a fixed order, so that
// every attribute may depend on those drawn before it:
//
//   household (kind, size, district, group) -> age and sex (by position in the household)
//   -> role -> status -> nationality -> traits, in Trait order -> records -> intent
//
// Roles, status, nationality and trait prevalences come from conditional tables (the first
// matching row wins; scenario/condition.h), which expresses correlations such as "migrant
// workers are more often of low status" without independent draws. A household shares its
// group (drawn from its district's shares), so groups concentrate where the scenario says.
// The record of each trait is drawn from the truth (recorded_if_true / recorded_if_false)
// scaled by the group's record_bias: heavier policing enters the data there. Hidden
// harmful intent depends on the true drug-use history only, never on group.
//
// Homes are grouped into gated residential compounds of households_per_compound
// households, in order of creation within each district; a home lies within 100 m of its
// compound's gate.
//
// Random streams: Stream::kPopulation keyed by person (day 0: attributes; day 2: day place)
// or household (day 1); Stream::kCity keyed by place index.
#include "world/world_builder.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "core/hash.h"
#include "core/rng.h"
#include "scenario/condition.h"

namespace oversight {

namespace {

// Picks an index with probability proportional to weights[i]. REQUIRES: sum > 0.
template <typename Weights>
size_t PickWeighted(Rng& rng, const Weights& weights, double sum) {
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
  for (size_t k = 0; assigned < total; ++k, ++assigned) {
    counts[remainders[k % remainders.size()].second]++;
  }
  return counts;
}

double Clamp(double v, double lo, double hi) { return std::min(hi, std::max(lo, v)); }

PlaceId AddPlaceIn(City* city, PlaceType type, DistrictId district, uint64_t seed) {
  Rng rng(seed, Stream::kCity, static_cast<uint32_t>(city->place_count()), 0);
  const District& d = city->district(district);
  const double x = d.x0 + rng.Uniform() * d.size;
  const double y = d.y0 + rng.Uniform() * d.size;
  return city->AddPlace(type, district, x, y);
}

// Adds a home near `compound`, inside the compound's district.
PlaceId AddHome(City* city, PlaceId compound, uint64_t seed) {
  Rng rng(seed, Stream::kCity, static_cast<uint32_t>(city->place_count()), 0);
  const Place& gate = city->place(compound);
  const District& d = city->district(gate.district);
  const double x = Clamp(gate.x + (rng.Uniform() - 0.5) * 200.0, d.x0, d.x0 + d.size);
  const double y = Clamp(gate.y + (rng.Uniform() - 0.5) * 200.0, d.y0, d.y0 + d.size);
  return city->AddPlace(PlaceType::kHome, gate.district, x, y, compound);
}

class PopulationBuilder {
 public:
  PopulationBuilder(const WorldOptions& options, uint64_t seed, City* city, Population* pop)
      : options_(options), p_(options.population), seed_(seed), city_(city), pop_(pop) {
    for (const DistrictOptions& d : options.districts) {
      district_weights_.push_back(d.population_weight);
      weight_sum_ += d.population_weight;
    }
    compound_.assign(options.districts.size(), PlaceId());
    compound_fill_.assign(options.districts.size(), 0);
  }

  // Spouses of sham marriages, who live elsewhere (placed once all homes exist).
  const std::vector<uint32_t>& sham_spouses() const { return sham_spouses_; }

  void Build() {
    const size_t n = options_.persons;
    pop_->group.resize(n);
    pop_->household.resize(n);
    pop_->age.resize(n);
    pop_->sex.resize(n);
    pop_->role.resize(n);
    pop_->status.resize(n);
    pop_->flags.resize(n);
    pop_->day_place.resize(n);
    pop_->true_traits.resize(n);
    pop_->recorded_traits.resize(n);
    pop_->recorded_personality.resize(n);
    pop_->intents.resize(n);
    pop_->phones.resize(n);
    // The households one after another (each takes the next ids, homes and vehicles), then
    // their members, each from their own stream, in parallel; then the sham couples' bit.
    std::vector<HouseholdDraw> households;
    uint32_t person = 0;
    for (uint32_t h = 0; person < n; ++h) {
      households.push_back(BuildHousehold(HouseholdId(h), person));
      person += households.back().size;
    }
    tbb::parallel_for(tbb::blocked_range<size_t>(0, households.size(), 1024),
                      [&](const tbb::blocked_range<size_t>& range) {
                        for (size_t h = range.begin(); h != range.end(); ++h) {
                          BuildMembers(HouseholdId(static_cast<uint32_t>(h)), households[h]);
                        }
                      });
    const IntentBits bit = Bit(Intent::kShamMarriage);
    for (uint32_t spouse : sham_spouses_) {
      pop_->intents[spouse - 1] = static_cast<IntentBits>(pop_->intents[spouse - 1] | bit);
      pop_->intents[spouse] = static_cast<IntentBits>(pop_->intents[spouse] | bit);
    }
  }

 private:
  // What a household's members are drawn from.
  struct HouseholdDraw {
    uint32_t first = 0;
    uint32_t size = 0;
    GroupId group;
    uint8_t head_age = 0;
    Sex head_sex = Sex::kFemale;
    bool shared = false;
    bool couple = false;
    bool elderly = false;
  };

  // Creates household `h` with members starting at `first` (BuildMembers draws them).
  HouseholdDraw BuildHousehold(HouseholdId h, uint32_t first) {
    const HouseholdOptions& ho = p_.households;
    Rng rng(seed_, Stream::kPopulation, h.value, 1);
    const bool shared = rng.Bernoulli(ho.shared_share);
    const int32_t drawn = shared ? rng.UniformRange(ho.shared_min_size, ho.shared_max_size)
                                 : rng.UniformRange(1, ho.family_max_size);
    const uint32_t size =
        std::min<uint32_t>(static_cast<uint32_t>(drawn), options_.persons - first);
    const DistrictId district(
        static_cast<uint32_t>(PickWeighted(rng, district_weights_, weight_sum_)));
    const std::vector<double>& shares = options_.districts[district.index()].group_shares;
    const GroupId group(static_cast<uint32_t>(PickWeighted(rng, shares, 1.0)));
    const bool couple = !shared && size >= 2 && rng.Bernoulli(ho.couple_share);
    const bool elderly = !shared && size >= 3 && rng.Bernoulli(ho.elderly_share);
    const auto head_age = static_cast<uint8_t>(rng.UniformRange(ho.head_age_min, ho.head_age_max));
    const Sex head_sex = rng.Bernoulli(ho.male_share) ? Sex::kMale : Sex::kFemale;

    pop_->household_first.push_back(PersonId(first));
    pop_->household_size.push_back(static_cast<uint8_t>(std::min<uint32_t>(size, 255)));
    pop_->household_kind.push_back(shared ? HouseholdKind::kShared : HouseholdKind::kFamily);
    pop_->household_couple.push_back(couple ? 1 : 0);
    pop_->household_district.push_back(district);
    pop_->household_home.push_back(AddHome(city_, CompoundFor(district), seed_));
    const UtilityOptions& uo = options_.utilities;
    const uint32_t registered =
        shared ? std::min<uint32_t>(
                     size, static_cast<uint32_t>(rng.UniformRange(1, uo.shared_registered_max)))
               : size - (size >= 2 && rng.Bernoulli(uo.family_unregistered_share) ? 1u : 0u);
    pop_->household_registered.push_back(static_cast<uint8_t>(std::min<uint32_t>(registered, 255)));
    const double u_vehicles = rng.Uniform();
    const VehicleOptions& vo = options_.vehicles;
    const uint8_t vehicles = shared                                                   ? 0
                             : u_vehicles < vo.family_share_two                       ? 2
                             : u_vehicles < vo.family_share_two + vo.family_share_one ? 1
                                                                                      : 0;
    pop_->household_vehicles.push_back(next_vehicle_);
    pop_->household_vehicle_count.push_back(vehicles);
    next_vehicle_ += vehicles;

    const IntentOptions& sham = p_.intents[static_cast<size_t>(Intent::kShamMarriage)];
    if (couple && rng.Bernoulli(sham.prevalence)) sham_spouses_.push_back(first + 1);
    return HouseholdDraw{first, size, group, head_age, head_sex, shared, couple, elderly};
  }

  // Draws household `h`'s members (writing only their own entries: households are drawn
  // in parallel).
  void BuildMembers(HouseholdId h, const HouseholdDraw& d) {
    for (uint32_t k = 0; k < d.size; ++k) {
      const PersonId id(d.first + k);
      Rng person_rng(seed_, Stream::kPopulation, id.value, 0);
      PersonFacts facts;
      facts.group = static_cast<uint8_t>(d.group.value);
      facts.household = d.shared ? HouseholdKind::kShared : HouseholdKind::kFamily;
      DrawAgeAndSex(person_rng, d.shared, k, d.size, d.couple, d.elderly, d.head_age, d.head_sex,
                    &facts);
      pop_->household[id.index()] = h;
      pop_->group[id.index()] = d.group;
      DrawPerson(person_rng, id, d.shared, &facts);
    }
  }

  PlaceId CompoundFor(DistrictId district) {
    const size_t d = district.index();
    if (!compound_[d].valid() || compound_fill_[d] >= options_.households_per_compound) {
      compound_[d] = AddPlaceIn(city_, PlaceType::kResidentialCompound, district, seed_);
      compound_fill_[d] = 0;
    }
    ++compound_fill_[d];
    return compound_[d];
  }

  // Member k of a household: the head, a spouse or adult relative, children, and perhaps
  // an elderly parent (the last member); in shared housing, working-age adults.
  void DrawAgeAndSex(Rng& rng, bool shared, uint32_t k, uint32_t size, bool couple, bool elderly,
                     uint8_t head_age, Sex head_sex, PersonFacts* f) const {
    const HouseholdOptions& ho = p_.households;
    const double u_age = rng.Uniform();
    const double u_sex = rng.Uniform();
    const Sex random_sex = u_sex < ho.male_share ? Sex::kMale : Sex::kFemale;
    if (shared) {
      f->age = static_cast<uint8_t>(18 + static_cast<int>(u_age * 33));  // 18-50
      f->sex = random_sex;
    } else if (k == 0) {
      f->age = head_age;
      f->sex = head_sex;
    } else if (k == 1 && couple) {
      f->age = static_cast<uint8_t>(Clamp(head_age - 5 + static_cast<int>(u_age * 11), 18, 100));
      f->sex = head_sex == Sex::kMale ? Sex::kFemale : Sex::kMale;
    } else if (k == 1) {  // an adult relative
      f->age = static_cast<uint8_t>(18 + static_cast<int>(u_age * std::max(1, head_age - 17)));
      f->sex = random_sex;
    } else if (elderly && k + 1 == size) {
      const int base = std::max(60, head_age + 20);
      f->age = static_cast<uint8_t>(std::min(100, base + static_cast<int>(u_age * 16)));
      f->sex = random_sex;
    } else {  // a child of the head
      const int oldest = std::min(17, head_age - 18);
      f->age = static_cast<uint8_t>(u_age * (std::max(0, oldest) + 1));
      f->sex = random_sex;
    }
  }

  void DrawPerson(Rng& rng, PersonId id, bool shared, PersonFacts* f) const {
    const size_t i = id.index();
    // Role: shared housing holds migrant workers by definition.
    const RoleShares& roles = Lookup(p_.roles, p_.default_roles, *f);
    const size_t role = PickWeighted(rng, roles, 1.0);
    f->role = shared ? Role::kMigrantWorker : static_cast<Role>(role);
    const StatusShares& status = Lookup(p_.status, p_.default_status, *f);
    f->status = static_cast<Status>(PickWeighted(rng, status, 1.0));
    const ForeignShares& foreign = Lookup(p_.foreign, p_.default_foreign, *f);
    f->foreign = rng.Bernoulli(foreign.share);
    const bool permit = rng.Bernoulli(foreign.work_permit_share);

    const double bias = options_.groups[f->group].record_bias;
    TraitBits record = 0;
    for (size_t t = 0; t < kTraitCount; ++t) {
      const TraitOptions& trait = p_.traits[t];
      const bool has = rng.Bernoulli(Lookup(trait.given, trait.prevalence, *f));
      const double p_record =
          std::min(1.0, bias * (has ? trait.recorded_if_true : trait.recorded_if_false));
      const bool on_file = rng.Bernoulli(p_record);
      if (has) f->traits = static_cast<TraitBits>(f->traits | (1u << t));
      if (on_file) record = static_cast<TraitBits>(record | (1u << t));
    }
    IntentBits intents = 0;
    for (size_t k = 0; k < kIntentCount; ++k) {
      if (static_cast<Intent>(k) == Intent::kShamMarriage) continue;  // drawn per couple
      const IntentOptions& intent = p_.intents[k];
      if (rng.Bernoulli(Lookup(intent.given, intent.prevalence, *f))) {
        intents = static_cast<IntentBits>(intents | (1u << k));
      }
    }
    // Only a foreign national without a work permit can work illegally; one who does
    // works (at a language school or bar), whatever the role table said.
    if (!f->foreign || permit)
      intents = static_cast<IntentBits>(intents & ~Bit(Intent::kIllegalWorker));
    if (Has(intents, Intent::kIllegalWorker) && f->role != Role::kMigrantWorker) {
      f->role = Role::kWorker;
    }
    pop_->intents[i] = intents;
    const PhoneOptions& phones = options_.phones;
    const bool second = rng.Bernoulli(phones.second_phone_share);
    pop_->phones[i] = f->age < phones.min_age ? 0 : (second ? 2 : 1);

    pop_->age[i] = f->age;
    pop_->sex[i] = f->sex;
    pop_->role[i] = f->role;
    pop_->status[i] = f->status;
    pop_->flags[i] = static_cast<uint8_t>((f->foreign ? kForeignFlag : 0) |
                                          (f->foreign && permit ? kWorkPermitFlag : 0));
    pop_->true_traits[i] = f->traits;
    pop_->recorded_traits[i] = record;
    // The officers' personality rating: a noisy reading of the true grievance.
    const PersonalityOptions& personality = p_.personality;
    Rng rating_rng(seed_, Stream::kPersonality, static_cast<uint32_t>(i), 0);
    const double rating = personality.base +
                          (Has(f->traits, Trait::kPetitioner) ? personality.signal : 0.0) +
                          personality.noise * rating_rng.Normal();
    pop_->recorded_personality[i] = static_cast<uint8_t>(std::clamp(std::lround(rating), 0L, 10L));
  }

  const WorldOptions& options_;
  const PopulationOptions& p_;
  uint64_t seed_;
  City* city_;
  Population* pop_;
  std::vector<double> district_weights_;
  double weight_sum_ = 0.0;
  std::vector<PlaceId> compound_;       // per district: the compound being filled
  std::vector<int32_t> compound_fill_;  // per district: households in it so far
  uint32_t next_vehicle_ = 0;
  std::vector<uint32_t> sham_spouses_;
};

void BuildPlaces(const WorldOptions& options, uint64_t seed, City* city) {
  std::vector<double> weights;
  for (const DistrictOptions& d : options.districts) weights.push_back(d.population_weight);
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    const auto type = static_cast<PlaceType>(t);
    if (type == PlaceType::kHome || OutsideTheCity(type) ||
        type == PlaceType::kResidentialCompound) {
      continue;
    }
    const double exact = options.places_per_1000[t] * options.persons / 1000.0;
    const size_t total = std::max<size_t>(1, static_cast<size_t>(std::llround(exact)));
    const std::vector<size_t> counts = Apportion(total, weights);
    for (size_t d = 0; d < counts.size(); ++d) {
      for (size_t k = 0; k < counts[d]; ++k) {
        AddPlaceIn(city, type, DistrictId(static_cast<uint32_t>(d)), seed);
      }
    }
  }
  // The capital and everywhere else lie outside the map.
  city->AddPlace(PlaceType::kCapital, DistrictId(), -100000.0, 0.0);
  city->AddPlace(PlaceType::kOutOfTown, DistrictId(), 100000.0, 0.0);
}

// Workers mostly work in their own district (70%), otherwise anywhere; students go to a
// school in their own district when it has one.
void AssignDayPlaces(uint64_t seed, const City& city, Population* pop) {
  for (size_t i = 0; i < pop->size(); ++i) {
    const PersonId id(static_cast<uint32_t>(i));
    const Role role = pop->role[i];
    PlaceType type;
    if (role == Role::kWorker || role == Role::kMigrantWorker) {
      type = PlaceType::kWorkplace;
    } else if (role == Role::kStudent) {
      type = PlaceType::kSchool;
    } else {
      continue;
    }
    Rng rng(seed, Stream::kPopulation, id.value, 2);
    if (Has(pop->intents[i], Intent::kIllegalWorker)) {
      type = rng.Bernoulli(0.6) ? PlaceType::kLanguageSchool : PlaceType::kBar;
    }
    const std::vector<PlaceId>& local = city.PlacesOfType(type, pop->district(id));
    const bool stay_local = !local.empty() && (type == PlaceType::kSchool || rng.Bernoulli(0.7));
    const std::vector<PlaceId>& choices = stay_local ? local : city.PlacesOfType(type);
    pop->day_place[i] = choices[rng.UniformInt(static_cast<uint32_t>(choices.size()))];
  }
}

}  // namespace

void BuildWorld(const WorldOptions& options, uint64_t seed, City* city, Population* population) {
  std::vector<std::string> names;
  for (const DistrictOptions& d : options.districts) names.push_back(d.name);
  *city = City();
  *population = Population();
  city->LayOutDistricts(names, options.district_size_m);
  PopulationBuilder builder(options, seed, city, population);
  builder.Build();
  BuildPlaces(options, seed, city);
  AssignDayPlaces(seed, *city, population);
  // Everyone lives at their registered home, but a sham spouse really lives in another
  // household's home, anywhere in the city.
  population->residence_of.resize(population->size());
  for (uint32_t p = 0; p < population->size(); ++p) {
    population->residence_of[p] = population->home(PersonId(p));
  }
  const std::vector<PlaceId>& homes = city->PlacesOfType(PlaceType::kHome);
  for (uint32_t spouse : builder.sham_spouses()) {
    const PlaceId registered = population->home(PersonId(spouse));
    PlaceId elsewhere = homes[Hash3(seed, spouse, 0) % homes.size()];
    if (elsewhere == registered) elsewhere = homes[(Hash3(seed, spouse, 0) + 1) % homes.size()];
    population->residence_of[spouse] = elsewhere;
  }
}

}  // namespace oversight
