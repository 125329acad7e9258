// The article's scenarios (scenarios/*.toml), each on a small, fast configuration, asserting
// the direction of its finding with a statistical margin.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

Scenario Load(const std::string& name, uint32_t persons, int32_t days, bool twin = false) {
  const std::string path = std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/" + name + ".toml";
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  absl::StatusOr<Scenario> s = LoadScenarioText(text.str(), path);
  EXPECT_TRUE(s.ok()) << s.status().message();
  Scenario scenario = s.ok() ? *s : DefaultScenario();
  scenario.world.persons = persons;
  scenario.days = days;
  scenario.audit.twin = twin;
  return scenario;
}

const RuleCounts& Rule(const AuditResult& audit, const std::string& id) {
  for (const RuleCounts& r : audit.rules) {
    if (r.id == id) return r;
  }
  ADD_FAILURE() << "no rule " << id;
  return audit.rules.front();
}

// The rule's precision (persons named with a harmful intent per alert), the base rate among
// those it watched at the start, and the share of the innocent watched it flagged.
double Precision(const RuleCounts& r) {
  return static_cast<double>(r.alerts - r.false_alarms) / static_cast<double>(r.alerts);
}
double Prevalence(const RuleCounts& r) {
  return static_cast<double>(r.watched_harmful) / static_cast<double>(r.watched_persons);
}
double InnocentsFlaggedShare(const RuleCounts& r) {
  return static_cast<double>(r.flagged_watched - r.flagged_watched_harmful) /
         static_cast<double>(r.watched_persons - r.watched_harmful);
}

// Zhouning: the school alarm on people with a history of mental illness on file. No intent
// in the city involves a school, so the alarm can do no better than the base rate of those
// it watches, and it keeps naming the same innocent people.
TEST(ArticleScenariosTest, ZhouningSchoolAlarmIsNoBetterThanTheBaseRate) {
  const Scenario s = Load("zhouning-cameras", 30000, 10);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& r = Rule(run->audit, "near_school");
  ASSERT_GT(r.alerts, 100u);
  ASSERT_GT(r.watched_persons, 50u);
  // The bound set by the base rate, with a margin for chance: three times the prevalence
  // among the watched, plus two percentage points.
  EXPECT_LT(Precision(r), 3 * Prevalence(r) + 0.02);
  // It flags a large share of the innocent people it watches, again and again.
  EXPECT_GT(InnocentsFlaggedShare(r), 0.2);
  EXPECT_GT(static_cast<double>(r.alerts) / static_cast<double>(r.flagged_persons), 2.0);
}

// Tianjin: petitioning is lawful, yet the system stops most petition trips: intercepted at
// the ticket, permits withheld, phones visited; and every response lands on a person with
// no harmful intent.
TEST(ArticleScenariosTest, TianjinStopsMostPetitionTripsAndCatchesNoHarm) {
  const Scenario s = Load("tianjin-petitioners", 30000, 14, /*twin=*/true);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const GroupCounts& t = run->audit.total;
  ASSERT_GT(t.twin_lawful_acts, 50u);
  EXPECT_GT(static_cast<double>(t.lawful_acts_lost()) / static_cast<double>(t.twin_lawful_acts),
            0.3);
  ASSERT_GT(t.responses.total(), 20u);
  EXPECT_GE(static_cast<double>(t.responses_to_innocents.total()) /
                static_cast<double>(t.responses.total()),
            0.98);
  EXPECT_GT(t.responses[Response::kIntercept], 0u);
  EXPECT_GT(Rule(run->audit, "ticket_to_capital").lawful_stopped, 0u);
  EXPECT_EQ(t.harmful_acts_prevented(), 0u);  // the apparatus prevents no harm here
}

// Shanghai: the water whistle lands on the crowded shared housing of migrant workers, whom
// the register under-counts: their share of the alerts is many times their share of the
// households, while none of it concerns harm.
TEST(ArticleScenariosTest, ShanghaiWhistleLandsOnSharedHousing) {
  const Scenario s = Load("shanghai-utilities", 30000, 7);
  Simulation simulation(s);
  const Population& population = simulation.world().population();
  uint64_t alerts = 0, on_shared = 0;
  simulation.SetObserver([&](const DayView& day) {
    for (const Alert& alert : day.alerts) {
      ++alerts;
      const size_t h = population.household[alert.person.index()].index();
      on_shared += population.household_kind[h] == HouseholdKind::kShared ? 1u : 0u;
    }
  });
  for (Day d = 0; d < s.days; ++d) simulation.Step(d);
  uint64_t shared_households = 0;
  for (HouseholdKind kind : population.household_kind) {
    shared_households += kind == HouseholdKind::kShared ? 1u : 0u;
  }
  ASSERT_GT(alerts, 100u);
  ASSERT_GT(shared_households, 0u);
  const double alert_share = static_cast<double>(on_shared) / static_cast<double>(alerts);
  const double household_share =
      static_cast<double>(shared_households) / static_cast<double>(population.household_count());
  EXPECT_GT(alert_share, 3 * household_share);
  EXPECT_GT(alert_share, 0.5);
}

// Yitu's menu: alarms about who meets whom. "Listed persons meeting" fires on ordinary
// co-presence in parks, bars and hotels, at the base rate of the listed; the drug users'
// hotel alarm almost never fires at all.
TEST(ArticleScenariosTest, YituMeetingAlarmIsNoBetterThanTheBaseRate) {
  const Scenario s = Load("yitu-menu", 30000, 10);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& r = Rule(run->audit, "listed_meeting");
  ASSERT_GT(r.alerts, 200u);
  EXPECT_LT(Precision(r), 3 * Prevalence(r) + 0.02);
  EXPECT_GT(InnocentsFlaggedShare(r), 0.1);
  EXPECT_LT(Rule(run->audit, "drug_users_same_hotel").alerts * 50, r.alerts);
}

// Yangshuo: an alarm aimed at a behaviour (working where one may not) on a list where that
// behaviour is common does better than the list's base rate, unlike the label alarms.
TEST(ArticleScenariosTest, YangshuoBehaviourAlarmBeatsItsBaseRate) {
  const Scenario s = Load("yangshuo-foreigners", 100000, 14);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& r = Rule(run->audit, "foreigner_language_bars");
  ASSERT_GE(r.alerts, 20u);
  EXPECT_GT(Precision(r), Prevalence(r) + 0.1);
}

// 2020, the sham marriage: a couple rarely together at night over a month that includes
// the Spring Festival. In this city innocent couples share a home every night, so the alarm
// is right: an assumption that decides its precision (docs/SCENARIOS.md).
TEST(ArticleScenariosTest, ShamMarriageAlarmIsRightWhenCouplesLiveTogether) {
  const Scenario s = Load("sham-marriage", 30000, 30);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& r = Rule(run->audit, "sham_marriage");
  ASSERT_GE(r.alerts, 10u);
  EXPECT_GE(Precision(r), 0.9);
  EXPECT_GT(run->audit.total.responses[Response::kDenyPermit], 0u);
}

// 2020, the pyramid scheme: the alarm that found one finds mostly people visiting friends,
// and the detentions it brings fall on them.
TEST(ArticleScenariosTest, PyramidAlarmDetainsMostlyInnocents) {
  const Scenario s = Load("pyramid-scheme", 30000, 30);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& r = Rule(run->audit, "compound_companions");
  ASSERT_GE(r.alerts, 100u);
  EXPECT_LT(Precision(r), 0.1);
  const GroupCounts& t = run->audit.total;
  EXPECT_GT(t.responses_to_innocents[Response::kDetain], 0u);
  EXPECT_GT(t.held_days_innocents, 0u);
}

// Megvii: the long stay at a station. The flag's precision is decided by who else stays that
// long, which its vendor cannot know: with travellers who wait for trains it names mostly
// innocent people; in a city where nobody waits, it looks nearly perfect.
TEST(ArticleScenariosTest, MegviiStationFlagIsAsGoodAsTheInnocentOverlapAllows) {
  Scenario s = Load("megvii-station", 40000, 14);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& waiting = Rule(run->audit, "station_dwell");
  ASSERT_GE(waiting.alerts, 100u);
  EXPECT_LT(Precision(waiting), 0.3);
  s.world.life.long_wait_share = 0.0;
  run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& no_waits = Rule(run->audit, "station_dwell");
  ASSERT_GE(no_waits.alerts, 20u);
  EXPECT_GT(Precision(no_waits), 0.8);
}

// Nanning: key persons in the same or nearby hotels. No harmful intent in the city involves a
// night in a hotel, so the alarm finds coincidences; the call alarm, which matches the drug
// dealer's calls, does better than the base rate it watches.
TEST(ArticleScenariosTest, NanningHotelAlarmFindsCoincidences) {
  const Scenario s = Load("nanning-hotels", 100000, 14);
  absl::StatusOr<RunOutput> run = RunScenario(s, RunOptions{});
  ASSERT_TRUE(run.ok());
  const RuleCounts& hotels = Rule(run->audit, "key_persons_hotels");
  ASSERT_GE(hotels.alerts, 10u);
  EXPECT_LT(Precision(hotels), 3 * Prevalence(hotels) + 0.05);
  const RuleCounts& calls = Rule(run->audit, "drug_user_new_numbers");
  ASSERT_GT(calls.watched_persons, 50u);
  if (calls.alerts > 0) {
    EXPECT_GT(Precision(calls), Prevalence(calls));
  }
}

// The red list: what the exemption hides is what the same system flags on officials when
// nobody is exempt. The audit's count of suppressed alerts matches the difference.
TEST(ArticleScenariosTest, RedListHidesWhatTheSameSystemFlagsOnOfficials) {
  Scenario s = Load("red-list", 60000, 30);
  absl::StatusOr<RunOutput> exempt = RunScenario(s, RunOptions{});
  ASSERT_TRUE(exempt.ok());
  const GroupCounts& t = exempt->audit.total;
  ASSERT_GT(t.red_list_suppressed, 10u);
  s.policy.red_list_traits = 0;
  absl::StatusOr<RunOutput> everyone = RunScenario(s, RunOptions{});
  ASSERT_TRUE(everyone.ok());
  EXPECT_EQ(everyone->audit.total.red_list_suppressed, 0u);
  const double hidden =
      static_cast<double>(everyone->audit.total.alerts) - static_cast<double>(t.alerts);
  EXPECT_NEAR(hidden, static_cast<double>(t.red_list_suppressed),
              0.25 * static_cast<double>(t.red_list_suppressed) + 10);
}

// Every scenario file shipped loads without a diagnostic.
TEST(ArticleScenariosTest, EveryShippedScenarioLoads) {
  size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".toml") continue;
    ++files;
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    const absl::StatusOr<Scenario> s = LoadScenarioText(text.str(), entry.path().string());
    EXPECT_TRUE(s.ok()) << entry.path() << ": " << s.status().message();
  }
  EXPECT_GE(files, 3u);
}

}  // namespace
}  // namespace oversight
