// Design: every call draws the same number of random numbers whatever its target, so that
// changing one person's contacts never shifts another decision's draws. The number of
// calls is Poisson by Knuth's product method (mean a few calls: a handful of draws).
// Random streams: Stream::kCalls keyed by (person, day); kin numbers by (person, day -1).
#include "world/phone_calls.h"

#include <algorithm>
#include <cmath>

#include "core/poisson.h"
#include "core/rng.h"
#include "world/phone_number.h"

namespace oversight {

namespace {

constexpr uint32_t kHomeNumbers = 3;  // kin back home per migrant worker

}  // namespace

uint32_t HomeNumber(const PhoneOptions& options, uint64_t seed, uint32_t persons, PersonId person,
                    uint32_t k) {
  Rng rng(seed, Stream::kCalls, person.value, -1);
  uint32_t index = 0;
  for (uint32_t i = 0; i <= k; ++i) index = rng.UniformInt(options.out_of_town_numbers);
  return OutOfTownNumber(index, persons);
}

void MakeCalls(const PhoneOptions& options, uint64_t seed, const Population& population,
               const Ties& ties, Day day, PersonId person, DayLog* log) {
  const size_t i = person.index();
  const uint8_t phones = population.phones[i];
  if (phones == 0) return;
  const auto persons = static_cast<uint32_t>(population.size());
  Rng rng(seed, Stream::kCalls, person.value, day);
  const int calls = Poisson(rng, options.calls_per_day);
  const size_t first = log->calls.size();

  const size_t h = population.household[i].index();
  const uint32_t household_first = population.household_first[h].value;
  const uint32_t household_others = population.household_size[h] - 1u;
  const std::span<const PersonId> contacts = ties.contacts(person);
  const auto reachable = static_cast<uint32_t>(household_others + contacts.size());
  const bool migrant = population.role[i] == Role::kMigrantWorker;

  for (int c = 0; c < calls; ++c) {
    const double u_time = rng.Uniform();
    const double u_phone = rng.Uniform();
    const double u_kind = rng.Uniform();
    const double u_where = rng.Uniform();
    const uint32_t pick = rng.Next32();
    const Minute time = DayStart(day) + 8 * kMinutesPerHour +
                        static_cast<Minute>(u_time * 14 * kMinutesPerHour);
    const uint32_t phone = phones == 2 && u_phone < 0.15 ? 1 : 0;
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
