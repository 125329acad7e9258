// Evasion changes what sensors could see, never what the person does.
#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "world/world.h"

namespace oversight {
namespace {

WorldOptions City(double evasion) {
  WorldOptions options = DefaultScenario().world;
  options.persons = 60000;
  options.lawful.petition_trip_rate = 0.3;
  options.lawful.gathering_rate = 0.3;
  options.life.travel_rate = 0.0;  // every ticket is then for a petition trip
  options.evasion.base_share = evasion;
  options.evasion.petitioner_share = evasion;
  options.evasion.harmful_share = evasion;
  options.evasion.per_police_contact = 0.0;
  return options;
}

struct Day1 {
  std::vector<Presence> presences;
  std::vector<Act> acts;
  std::vector<Call> calls;
  std::vector<Ticket> tickets;
  std::vector<PhoneDark> dark;
  size_t cash_purchases = 0;
};

Day1 Live(const WorldOptions& options) {
  World world(options, 12);
  world.Step(1);
  Day1 d;
  for (const DayLog& chunk : world.day_log()) {
    d.presences.insert(d.presences.end(), chunk.presences.begin(), chunk.presences.end());
    d.acts.insert(d.acts.end(), chunk.acts.begin(), chunk.acts.end());
    d.calls.insert(d.calls.end(), chunk.calls.begin(), chunk.calls.end());
    d.tickets.insert(d.tickets.end(), chunk.tickets.begin(), chunk.tickets.end());
    d.dark.insert(d.dark.end(), chunk.dark.begin(), chunk.dark.end());
    for (const Purchase& p : chunk.purchases) d.cash_purchases += p.cash ? 1u : 0u;
  }
  return d;
}

TEST(EvasionTest, ChangesObservablesOnly) {
  const Day1 open = Live(City(0.0));
  const Day1 evasive = Live(City(1.0));
  // What people do is identical.
  ASSERT_EQ(open.presences.size(), evasive.presences.size());
  for (size_t k = 0; k < open.presences.size(); ++k) {
    ASSERT_EQ(open.presences[k].person, evasive.presences[k].person);
    ASSERT_EQ(open.presences[k].place, evasive.presences[k].place);
    ASSERT_EQ(open.presences[k].enter, evasive.presences[k].enter);
  }
  ASSERT_EQ(open.acts.size(), evasive.acts.size());
  ASSERT_EQ(open.calls.size(), evasive.calls.size());
  for (size_t k = 0; k < open.calls.size(); ++k) {
    ASSERT_EQ(open.calls[k].to, evasive.calls[k].to);
    ASSERT_EQ(open.calls[k].time, evasive.calls[k].time);
  }
  // What sensors could see is not.
  EXPECT_TRUE(open.dark.empty());
  EXPECT_GT(evasive.dark.size(), 100u);
  size_t burner = 0;
  for (const Call& c : evasive.calls) burner += c.burner ? 1u : 0u;
  for (const Call& c : open.calls) EXPECT_FALSE(c.burner);
  EXPECT_GT(burner, 50u);
  EXPECT_GT(evasive.cash_purchases, open.cash_purchases);
  size_t decoys = 0, real = 0;
  for (const Ticket& t : evasive.tickets) (t.decoy ? decoys : real)++;
  for (const Ticket& t : open.tickets) EXPECT_FALSE(t.decoy);
  EXPECT_EQ(real, open.tickets.size());
  EXPECT_EQ(decoys, 2 * real);  // two decoys per evading traveller, and everyone evades
}

TEST(EvasionTest, PoliceContactRaisesIt) {
  WorldOptions options = City(0.0);
  options.evasion.per_police_contact = 1.0;
  World world(options, 13);
  world.Step(0);
  // Visit every traveller of day 0 after their trip (stopping nothing).
  std::vector<PersonId> travellers;
  for (const DayLog& chunk : world.day_log()) {
    for (const Ticket& t : chunk.tickets) travellers.push_back(t.person);
  }
  ASSERT_FALSE(travellers.empty());
  for (PersonId p : travellers)
    world.Apply(Intervention{.person = p, .time = DayStart(1) - 1, .rule = RuleId(0)});
  for (PersonId p : travellers) EXPECT_GE(world.police_contacts(p), 1);
  world.Step(1);
  // Whoever was visited and goes out on a sensitive outing today now evades.
  size_t visited_and_dark = 0;
  for (const DayLog& chunk : world.day_log()) {
    for (const PhoneDark& dark : chunk.dark) {
      EXPECT_GE(world.police_contacts(dark.person), 1);
      ++visited_and_dark;
    }
  }
  EXPECT_GT(visited_and_dark, 0u);
}

}  // namespace
}  // namespace oversight
