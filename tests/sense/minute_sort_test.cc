#include "sense/minute_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace oversight {
namespace {

// One minute's observations as the blocks write them: persons in order, each seen at a
// place (some places with ids over 2^16 and 2^24, so every radix pass runs), now and then
// under a false match (another person's id), or buying tickets both ways at a station.
std::vector<Observation> MinuteAsWritten(size_t persons, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Observation> out;
  const std::vector<uint32_t> places = {3, 7, 250, 70'000, 70'001, 20'000'000};
  for (uint32_t p = 0; p < persons; ++p) {
    const PlaceId place(places[rng() % places.size()]);
    const uint32_t named = rng() % 10 == 0 ? static_cast<uint32_t>(rng() % persons) : p;
    out.push_back(Observation{600, place, PersonId(named)});
    if (rng() % 7 == 0) {
      const bool capital_first = rng() % 2 == 0;
      for (bool capital : {capital_first, !capital_first}) {
        out.push_back(Observation{600, place, PersonId(p), ObservationKind::kTicket,
                                  capital ? kTicketToCapital : kTicketElsewhere});
      }
    }
    if (rng() % 11 == 0) out.push_back(out.back());  // the same observation twice
  }
  return out;
}

std::vector<Observation> Sorted(std::vector<Observation> v) {
  std::sort(v.begin(), v.end(), ObservationBefore);
  return v;
}

TEST(MinuteSortTest, GivesTheOrderOfObservationBefore) {
  std::vector<Observation> scratch;
  for (size_t persons : std::vector<size_t>{0, 1, 5, 20, 33, 400, 5000}) {
    for (uint32_t seed = 1; seed <= 3; ++seed) {
      std::vector<Observation> minute = MinuteAsWritten(persons, seed);
      const std::vector<Observation> expected = Sorted(minute);
      SortMinuteOfObservations(minute, &scratch);
      EXPECT_EQ(minute, expected) << persons << " persons, seed " << seed;
    }
  }
}

TEST(MinuteSortTest, AnyInputOrderGivesTheSameResult) {
  std::vector<Observation> minute = MinuteAsWritten(600, 7);
  const std::vector<Observation> expected = Sorted(minute);
  std::vector<Observation> scratch;
  std::mt19937 rng(11);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(minute.begin(), minute.end(), rng);
    SortMinuteOfObservations(minute, &scratch);
    EXPECT_EQ(minute, expected) << "round " << round;
  }
  std::reverse(minute.begin(), minute.end());
  SortMinuteOfObservations(minute, &scratch);
  EXPECT_EQ(minute, expected);
}

}  // namespace
}  // namespace oversight
