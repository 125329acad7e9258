#include "world/phone_calls.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "scenario/loader.h"
#include "world/phone_number.h"
#include "world/world.h"

namespace oversight {
namespace {

TEST(PhoneNumberTest, NumbersMapBackToTheirOwners) {
  EXPECT_EQ(OwnerOf(NumberOf(PersonId(7), 1), 100), PersonId(7));
  EXPECT_FALSE(IsOutOfTown(NumberOf(PersonId(99), 1), 100));
  EXPECT_TRUE(IsOutOfTown(OutOfTownNumber(0, 100), 100));
  EXPECT_FALSE(OwnerOf(OutOfTownNumber(5, 100), 100).valid());
}

class PhoneCallsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_ = DefaultScenario().world;
    options_.persons = 60000;
  }
  WorldOptions options_;
};

TEST_F(PhoneCallsTest, OwnersCallAtTheConfiguredRateAndOthersNever) {
  World world(options_, 3);
  const Population& pop = world.population();
  uint64_t owners = 0;
  for (size_t i = 0; i < pop.size(); ++i) owners += pop.phones[i] > 0 ? 1u : 0u;
  uint64_t calls = 0;
  const int days = 3;
  for (Day day = 0; day < days; ++day) {
    world.Step(day);
    for (const DayLog& chunk : world.day_log()) {
      for (size_t k = 0; k < chunk.calls.size(); ++k) {
        const Call& call = chunk.calls[k];
        ++calls;
        ASSERT_GT(pop.phones[call.person.index()], 0);
        EXPECT_EQ(OwnerOf(call.from, static_cast<uint32_t>(pop.size())), call.person);
        EXPECT_GE(MinuteOfDay(call.time), 8 * 60);
        EXPECT_LT(MinuteOfDay(call.time), 22 * 60);
        if (k > 0 && chunk.calls[k - 1].person == call.person) {
          EXPECT_LE(chunk.calls[k - 1].time, call.time);
        }
      }
    }
  }
  const double per_owner_day = static_cast<double>(calls) / static_cast<double>(owners * days);
  // Poisson(2.5) over ~140,000 owner-days: standard error ~0.004.
  EXPECT_NEAR(per_owner_day, options_.phones.calls_per_day, 0.03);
}

TEST_F(PhoneCallsTest, CallsGoToContactsExceptTheConfiguredShareOfNewNumbers) {
  World world(options_, 4);
  const Population& pop = world.population();
  const auto persons = static_cast<uint32_t>(pop.size());
  world.Step(0);
  uint64_t calls = 0, out_of_town = 0, known = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const Call& call : chunk.calls) {
      if (pop.role[call.person.index()] == Role::kMigrantWorker) continue;
      ++calls;
      if (IsOutOfTown(call.to, persons)) {
        ++out_of_town;
        continue;
      }
      const PersonId callee = OwnerOf(call.to, persons);
      const auto contacts = world.ties().contacts(call.person);
      const bool household = pop.household[callee.index()] == pop.household[call.person.index()];
      const bool contact = std::find(contacts.begin(), contacts.end(), callee) != contacts.end();
      known += household || contact ? 1u : 0u;
    }
  }
  const double new_share = options_.phones.new_number_share;
  const double expected_out = new_share * options_.phones.out_of_town_share;
  EXPECT_NEAR(static_cast<double>(out_of_town) / static_cast<double>(calls), expected_out, 0.004);
  // Calls to contacts, plus new local numbers that happen to be contacts (rare).
  EXPECT_NEAR(static_cast<double>(known) / static_cast<double>(calls), 1.0 - new_share, 0.01);
}

TEST_F(PhoneCallsTest, MigrantWorkersCallAFewNumbersBackHomeEveryDay) {
  World world(options_, 5);
  const Population& pop = world.population();
  const auto persons = static_cast<uint32_t>(pop.size());
  std::map<uint32_t, std::set<uint32_t>> home_numbers;  // migrant -> out-of-town numbers called
  uint64_t migrant_calls = 0, home_calls = 0;
  for (Day day = 0; day < 5; ++day) {
    world.Step(day);
    for (const DayLog& chunk : world.day_log()) {
      for (const Call& call : chunk.calls) {
        if (pop.role[call.person.index()] != Role::kMigrantWorker) continue;
        ++migrant_calls;
        bool home = false;
        for (uint32_t k = 0; k < 3; ++k) {
          home |= call.to == HomeNumber(options_.phones, 5, persons, call.person, k);
        }
        if (home) {
          ++home_calls;
          home_numbers[call.person.value].insert(call.to);
        }
      }
    }
  }
  EXPECT_NEAR(static_cast<double>(home_calls) / static_cast<double>(migrant_calls),
              options_.phones.migrant_home_call_share, 0.02);
  for (const auto& [migrant, numbers] : home_numbers) EXPECT_LE(numbers.size(), 3u);
}

}  // namespace
}  // namespace oversight
