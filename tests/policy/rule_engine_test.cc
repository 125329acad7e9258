#include "policy/rule_engine.h"

#include "rule_fixture.h"

namespace oversight {
namespace {

class RuleEngineTest : public RuleFixture {
 protected:
  static constexpr std::string_view kTicketRules = R"(
[[lists]]
name = "key_persons"
recorded_traits = ["fugitive"]
add_after_alerts = 2
within_days = 3

[[rules]]
id = "ticket"
who = "petitioners"
what = "ticket"
where = { to = "capital" }
category = "political"
)";

  std::vector<Observation> Tickets(std::initializer_list<uint32_t> persons, Day day) {
    std::vector<Observation> out;
    for (uint32_t p : persons) out.push_back(Ticket(DayStart(day) + 600, p, true));
    std::sort(out.begin(), out.end(), ObservationBefore);
    return out;
  }
  std::unique_ptr<RuleEngine> Engine(std::string_view rules) {
    return std::make_unique<RuleEngine>(Policy(rules), RecordsView(city_, pop_), calendar_, 1);
  }
};

TEST_F(RuleEngineTest, ListsFollowTheRecordAndTheRegisterNotTheTruth) {
  pop_.true_traits.assign(10, Bit(Trait::kDrugUse));  // everyone truly a drug user
  const std::unique_ptr<RuleEngine> engine = Engine("");
  const Watchlists& lists = engine->watchlists();
  EXPECT_EQ(lists.sizes()[0], 4u);  // drug: the 4 on file
  EXPECT_TRUE(lists.Contains(ListId(0), PersonId(3)));
  EXPECT_FALSE(lists.Contains(ListId(0), PersonId(4)));
  EXPECT_EQ(lists.sizes()[2], 5u);  // men: persons 0, 2, 4, 6, 8
  EXPECT_TRUE(lists.Contains(ListId(2), PersonId(8)));
  EXPECT_EQ(lists.sizes()[3], 1u);  // no_permit: the foreigner without a permit
  EXPECT_TRUE(lists.Contains(ListId(3), PersonId(8)));
  EXPECT_EQ(lists.exempt_count(), 1u);
}

TEST_F(RuleEngineTest, RepeatedAlertsWithinTheWindowAddToAList) {
  pop_.recorded_traits[0] = Bit(Trait::kPetitioner);  // persons 0, 4 and 5 petitioners
  const std::unique_ptr<RuleEngine> engine = Engine(kTicketRules);
  const ListId key(4);
  engine->Evaluate(0, Tickets({0, 4}, 0), DayRecords{});
  EXPECT_FALSE(engine->watchlists().Contains(key, PersonId(0)));
  engine->Evaluate(1, {}, DayRecords{});
  engine->Evaluate(2, Tickets({0}, 2), DayRecords{});  // second alert within 3 days: added
  EXPECT_TRUE(engine->watchlists().Contains(key, PersonId(0)));
  engine->Evaluate(3, Tickets({4}, 3), DayRecords{});  // person 4's first alert left (0, 3]
  EXPECT_FALSE(engine->watchlists().Contains(key, PersonId(4)));
  EXPECT_EQ(engine->watchlists().added()[4], 1u);
  EXPECT_EQ(engine->watchlists().sizes()[4], 1u);
  // Red-listed persons are never alerted, so never added.
  engine->Evaluate(4, Tickets({5}, 4), DayRecords{});
  engine->Evaluate(5, Tickets({5}, 5), DayRecords{});
  EXPECT_FALSE(engine->watchlists().Contains(key, PersonId(5)));
  EXPECT_EQ(engine->suppressed().size(), 1u);
}

// The lists keep only each person's latest add_after_alerts alert days, and forget persons
// whose latest alert left every window: the same additions as counting every alert.
TEST_F(RuleEngineTest, OnlyTheLatestAlertsWithinTheWindowCount) {
  pop_.recorded_traits[0] = Bit(Trait::kPetitioner);  // persons 0, 4 and 5 petitioners
  std::string rules(kTicketRules);
  rules.replace(rules.find("add_after_alerts = 2"), 20, "add_after_alerts = 3");
  rules.replace(rules.find("within_days = 3"), 15, "within_days = 10");
  const std::unique_ptr<RuleEngine> engine = Engine(rules);
  const ListId key(4);
  for (Day day = 0; day <= 17; ++day) {
    std::vector<Observation> tickets;
    if (day == 1 || day == 2 || day == 10) tickets = Tickets({0}, day);   // 3 within [1, 10]
    if (day == 0 || day == 15 || day == 16) tickets = Tickets({4}, day);  // day 0 forgotten
    engine->Evaluate(day, tickets, DayRecords{});
    EXPECT_EQ(engine->watchlists().Contains(key, PersonId(0)), day >= 10) << "day " << day;
    EXPECT_FALSE(engine->watchlists().Contains(key, PersonId(4))) << "day " << day;
  }
  engine->Evaluate(18, Tickets({4, 4}, 18), DayRecords{});  // two alerts on one day count twice
  EXPECT_TRUE(engine->watchlists().Contains(key, PersonId(4)));
}

TEST_F(RuleEngineTest, MembersAreTakenOffAtTheRemovalRate) {
  const std::unique_ptr<RuleEngine> engine = Engine(R"(
[[lists]]
name = "leaky"
recorded_traits = ["drug_use"]
removal_rate = 1.0
)");
  EXPECT_EQ(engine->watchlists().sizes()[4], 4u);
  engine->Evaluate(0, {}, DayRecords{});
  EXPECT_EQ(engine->watchlists().sizes()[4], 0u);
  EXPECT_EQ(engine->watchlists().removed()[4], 4u);
  EXPECT_EQ(engine->watchlists().initial_sizes()[4], 4u);
}

// The policy stage cannot see the truth: changing every person's true intents and traits,
// with the same observations and records, changes no alert.
TEST_F(RuleEngineTest, TrueIntentWithoutObservableChangeChangesNoAlert) {
  constexpr std::string_view kRules = R"(
[[rules]]
id = "near_school"
who = "drug"
what = "sighting"
where = { near = "school", within_m = 150 }

[[rules]]
id = "meeting"
who = "drug"
what = "sighting"
with = { who = "drug", at_least = 1, within_minutes = 30 }

[[rules]]
id = "dark"
who = "petitioners"
what = "phone_dark"
then = { what = "ticket", within_hours = 24 }
)";
  std::vector<Input> days(2);
  days[0].observations = {Seen(600, near_work_, 0), Seen(610, park_, 1), Seen(620, park_, 2)};
  days[0].records.dark = {DarkRecord{100, PersonId(4)}};
  days[1].observations = {Ticket(DayStart(1) + 50, 4, true), Seen(DayStart(1) + 600, school_, 3)};
  const std::vector<Alert> before = Run(kRules, days);
  ASSERT_EQ(before.size(), 5u);
  for (size_t p = 0; p < pop_.size(); ++p) {
    pop_.intents[p] = static_cast<IntentBits>(Bit(Intent::kDrugDealer) | Bit(Intent::kPickpocket));
    pop_.true_traits[p] = static_cast<TraitBits>(~pop_.recorded_traits[p]);
  }
  EXPECT_EQ(Run(kRules, days), before);
}

}  // namespace
}  // namespace oversight
