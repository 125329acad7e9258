// Design: every call draws the same number of random numbers whatever its target (three
// words, a fourth for owners of two phones, which never changes during a run), so that
// changing one person's contacts never shifts another decision's draws. The number of
// calls is Poisson, by inversion from a single draw.
// Random streams: Stream::kCalls keyed by (person, day); kin numbers are a hash of
// (seed, person, k), fixed for the run.
#include "world/phone_calls.h"

#include <algorithm>
#include <cmath>

#include "core/hash.h"
#include "core/poisson.h"
#include "core/rng.h"
#include "world/phone_number.h"

namespace oversight {

namespace {

constexpr uint32_t kHomeNumbers = 3;  // kin back home per migrant worker

}  // namespace

uint32_t HomeNumber(const PhoneOptions& options, uint64_t seed, uint32_t persons, PersonId person,
                    uint32_t k) {
  const uint64_t hash = Hash3(seed, person.value, k);
  return OutOfTownNumber(static_cast<uint32_t>(hash % options.out_of_town_numbers), persons);
}

void MakeCalls(const PhoneOptions& options, const PoissonTable& call_counts, uint64_t seed,
               const Population& population, const Ties& ties, Day day, PersonId person,
               DayLog* log) {
  const size_t i = person.index();
  const uint8_t phones = population.phones[i];
  if (phones == 0) return;
  const auto persons = static_cast<uint32_t>(population.size());
  Rng rng(seed, Stream::kCalls, person.value, day);
  const int calls = call_counts.Draw(rng);
  const size_t first = log->calls.size();

  const size_t h = population.household[i].index();
  const uint32_t household_first = population.household_first[h].value;
  const uint32_t household_others = population.household_size[h] - 1u;
  const std::span<const PersonId> contacts = ties.contacts(person);
  const auto reachable = static_cast<uint32_t>(household_others + contacts.size());
  const bool migrant = population.role[i] == Role::kMigrantWorker;

  for (int c = 0; c < calls; ++c) {
    const double u_time = rng.Uniform();
    const uint32_t pick = rng.Next32();
    // Two 16-bit uniforms from one word: what kind of number, and where it is.
    const uint32_t bits = rng.Next32();
    const double u_kind = static_cast<double>(bits >> 16) * (1.0 / 65536.0);
    const double u_where = static_cast<double>(bits & 0xFFFF) * (1.0 / 65536.0);
    // Only owners of two phones choose which to use (15% of calls on the second).
    const uint32_t phone = phones == 2 && rng.Uniform() < 0.15 ? 1 : 0;
    const Minute time =
        DayStart(day) + 8 * kMinutesPerHour + static_cast<Minute>(u_time * 14 * kMinutesPerHour);
    PhoneNumber to;
    if (migrant && u_kind < options.migrant_home_call_share) {
      to = HomeNumber(options, seed, persons, person, pick % kHomeNumbers);
    } else if (u_kind > 1.0 - options.new_number_share || reachable == 0) {
      to = u_where < options.out_of_town_share
               ? OutOfTownNumber(pick % options.out_of_town_numbers, persons)
               : NumberOf(PersonId(pick % persons), 0);
    } else {
      const uint32_t k = pick % reachable;
      PersonId callee;
      if (k < household_others) {
        // Household members other than the caller, in order.
        const uint32_t member = household_first + k;
        callee = PersonId(member >= person.value ? member + 1 : member);
      } else {
        callee = contacts[k - household_others];
      }
      to = NumberOf(callee, 0);
    }
    log->calls.push_back(Call{person, time, NumberOf(person, phone), to});
  }
  std::sort(log->calls.begin() + static_cast<std::ptrdiff_t>(first), log->calls.end(),
            [](const Call& a, const Call& b) { return a.time < b.time; });
}

}  // namespace oversight
