#include "respond/police.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/rng.h"

namespace oversight {
namespace {

struct RecordedVisit {
  PersonId person;
  Minute time;
  uint32_t cause;
};

class Recorder : public ResponseTarget {
 public:
  void Apply(const Intervention& i) override {
    applied.push_back(i);
    visits.push_back(RecordedVisit{i.person, i.time, i.rule.value});
  }
  void Check(PersonId person) override { checks.push_back(person); }
  std::vector<Intervention> applied;
  std::vector<RecordedVisit> visits;  // every intervention, as (person, time, rule)
  std::vector<PersonId> checks;
};

Alert MakeAlert(Minute time, uint32_t person, uint32_t rule, Category category) {
  const int32_t priority = category == Category::kPolitical  ? 3
                           : category == Category::kCriminal ? 2
                                                             : 1;
  return Alert{time, PersonId(person), RuleId(rule), category, priority};
}

TEST(PoliceTest, PoliticalAlertsAreAnsweredFirst) {
  RespondOptions options;
  options.capacity_per_day = 2;
  options.response_minutes = 30;
  Police police(options);
  Recorder recorder;
  const std::vector<Alert> alerts = {
      MakeAlert(100, 1, 0, Category::kSocial),
      MakeAlert(200, 2, 1, Category::kCriminal),
      MakeAlert(300, 3, 2, Category::kPolitical),
  };
  const ResponseDay& day = police.Respond(0, alerts, &recorder);
  ASSERT_EQ(recorder.visits.size(), 2u);
  EXPECT_EQ(recorder.visits[0].person, PersonId(3));
  EXPECT_EQ(recorder.visits[0].time, 330);
  EXPECT_EQ(recorder.visits[0].cause, 2u);
  EXPECT_EQ(recorder.visits[1].person, PersonId(2));
  EXPECT_EQ(day.waiting, 1u);
  EXPECT_EQ(police.queue_size(), 1u);
}

TEST(PoliceTest, SeveralAlertsOnOnePersonTakeOneVisit) {
  RespondOptions options;
  options.capacity_per_day = 5;
  Police police(options);
  Recorder recorder;
  const ResponseDay& day = police.Respond(
      0, {MakeAlert(100, 1, 0, Category::kSocial), MakeAlert(150, 1, 1, Category::kSocial)},
      &recorder);
  EXPECT_EQ(recorder.visits.size(), 1u);
  EXPECT_EQ(day.answered.size(), 2u);
}

TEST(PoliceTest, CarriedAlertsAreVisitedAtDutyStartThenDropped) {
  RespondOptions options;
  options.capacity_per_day = 1;
  options.max_wait_days = 1;
  options.duty_start_hour = 8;
  Police police(options);
  Recorder recorder;
  police.Respond(0,
                 {MakeAlert(100, 1, 0, Category::kSocial), MakeAlert(200, 2, 0, Category::kSocial),
                  MakeAlert(300, 3, 0, Category::kSocial)},
                 &recorder);
  ASSERT_EQ(recorder.visits.size(), 1u);
  EXPECT_EQ(police.queue_size(), 2u);
  // Day 1: no new alerts; person 2's alert from day 0 is visited at 08:00 of day 1, and
  // person 3's has waited its one allowed day and is dropped.
  const ResponseDay& day1 = police.Respond(1, {}, &recorder);
  ASSERT_EQ(recorder.visits.size(), 2u);
  EXPECT_EQ(recorder.visits[1].person, PersonId(2));
  EXPECT_EQ(recorder.visits[1].time, DayStart(1) + 8 * 60);
  ASSERT_EQ(day1.dropped.size(), 1u);
  EXPECT_EQ(day1.dropped[0].person, PersonId(3));
  EXPECT_EQ(police.queue_size(), 0u);
}

TEST(PoliceTest, NoCapacityNoWaitingDropsEverything) {
  RespondOptions options;
  options.capacity_per_day = 0;
  options.max_wait_days = 0;
  Police police(options);
  Recorder recorder;
  const ResponseDay& day =
      police.Respond(0, {MakeAlert(100, 1, 0, Category::kPolitical)}, &recorder);
  EXPECT_TRUE(recorder.visits.empty());
  EXPECT_EQ(day.dropped.size(), 1u);
  EXPECT_EQ(day.waiting, 0u);
}

// Officers judged by responsiveness answer alerts beyond their visit capacity with quick
// checks, in priority order, until the answer share is reached.
TEST(PoliceTest, AnAnswerShareIsMetWithQuickChecksBeyondCapacity) {
  RespondOptions options;
  options.capacity_per_day = 1;
  options.max_wait_days = 0;
  options.answer_share = 0.6;  // 5 alerts: at least 3 answered
  Police police(options);
  Recorder recorder;
  const std::vector<Alert> alerts = {
      MakeAlert(100, 1, 0, Category::kPolitical), MakeAlert(110, 2, 0, Category::kCriminal),
      MakeAlert(120, 2, 0, Category::kCriminal),  // the same person: answered by the check
      MakeAlert(130, 3, 0, Category::kSocial), MakeAlert(140, 4, 0, Category::kSocial)};
  const ResponseDay& day = police.Respond(0, alerts, &recorder);
  ASSERT_EQ(recorder.visits.size(), 1u);
  EXPECT_EQ(recorder.visits[0].person, PersonId(1));
  // The visit and the check answer 3 of 5 alerts: the share is met, the rest are dropped.
  EXPECT_EQ(recorder.checks, (std::vector<PersonId>{PersonId(2)}));
  EXPECT_EQ(day.checks.size(), 1u);
  EXPECT_EQ(day.answered.size(), 3u);
  EXPECT_EQ(day.dropped.size(), 2u);
  // At 0.8 (4 of 5), person 3 is checked too.
  options.answer_share = 0.8;
  Police stricter(options);
  Recorder more;
  stricter.Respond(0, alerts, &more);
  EXPECT_EQ(more.checks, (std::vector<PersonId>{PersonId(2), PersonId(3)}));
  // Without a share, the same day answers one alert and drops the rest.
  options.answer_share = 0.0;
  Police plain(options);
  Recorder none;
  EXPECT_EQ(plain.Respond(0, alerts, &none).answered.size(), 1u);
  EXPECT_TRUE(none.checks.empty());
}

TEST(PoliceTest, EachResponseCostsItsCapacityAndCheaperOnesStillFit) {
  RespondOptions options;
  options.capacity_per_day = 5.5;
  options.cost = {1.0, 2.0, 5.0, 0.5, 0.2, 2.0};
  // Rule 0 detains (5), rule 1 visits (1), rule 2 denies a permit (0.5).
  Police police(options, {{Response::kDetain}, {Response::kVisit}, {Response::kDenyPermit}});
  Recorder recorder;
  const ResponseDay& day = police.Respond(
      0,
      {MakeAlert(100, 1, 0, Category::kPolitical), MakeAlert(200, 2, 1, Category::kSocial),
       MakeAlert(300, 3, 2, Category::kSocial)},
      &recorder);
  // The detention (5) leaves 0.5: the visit (1) must wait, the permit denial (0.5) fits.
  ASSERT_EQ(recorder.applied.size(), 2u);
  EXPECT_EQ(recorder.applied[0].kind, Response::kDetain);
  EXPECT_EQ(recorder.applied[0].days, options.detention_days);
  EXPECT_EQ(recorder.applied[1].kind, Response::kDenyPermit);
  EXPECT_EQ(recorder.applied[1].person, PersonId(3));
  EXPECT_EQ(recorder.applied[1].days, options.permit_days);
  EXPECT_DOUBLE_EQ(day.capacity_used, 5.5);
  EXPECT_EQ(day.waiting, 1u);
}

TEST(PoliceTest, InterceptionIsFastAndCannotWait) {
  RespondOptions options;
  options.capacity_per_day = 2;
  options.intercept_minutes = 15;
  Police police(options, {{Response::kIntercept}});
  Recorder recorder;
  const ResponseDay& day = police.Respond(
      0, {MakeAlert(100, 1, 0, Category::kPolitical), MakeAlert(200, 2, 0, Category::kPolitical)},
      &recorder);
  ASSERT_EQ(recorder.applied.size(), 1u);
  EXPECT_EQ(recorder.applied[0].kind, Response::kIntercept);
  EXPECT_EQ(recorder.applied[0].time, 115);
  // The second interception did not fit: it is dropped, never carried to tomorrow.
  EXPECT_EQ(day.dropped.size(), 1u);
  EXPECT_EQ(police.queue_size(), 0u);
}

TEST(PoliceTest, AlertsOnPersonsHeldOrAlreadyRestrictedCostNothing) {
  RespondOptions options;
  options.capacity_per_day = 5;
  options.detention_days = 3;
  options.permit_days = 2;
  Police police(options, {{Response::kDetain}, {Response::kDenyPermit}, {Response::kList, 4}});
  Recorder recorder;
  police.Respond(0, {MakeAlert(100, 1, 0, Category::kSocial)}, &recorder);
  ASSERT_EQ(recorder.applied.size(), 1u);
  // Days 1 and 2: person 1 is held; a new alert on them is answered at no cost.
  const ResponseDay& day2 =
      police.Respond(2, {MakeAlert(DayStart(2) + 100, 1, 0, Category::kSocial)}, &recorder);
  EXPECT_EQ(recorder.applied.size(), 1u);
  EXPECT_EQ(day2.answered.size(), 1u);
  EXPECT_DOUBLE_EQ(day2.capacity_used, 0.0);
  // Day 3: released; a new alert detains them again.
  police.Respond(3, {MakeAlert(DayStart(3) + 100, 1, 0, Category::kSocial)}, &recorder);
  EXPECT_EQ(recorder.applied.size(), 2u);
  // A permit withheld is not withheld twice while it lasts; a listed person not listed twice.
  police.Respond(4,
                 {MakeAlert(DayStart(4) + 100, 2, 1, Category::kSocial),
                  MakeAlert(DayStart(4) + 200, 3, 2, Category::kSocial)},
                 &recorder);
  ASSERT_EQ(recorder.applied.size(), 4u);
  EXPECT_EQ(recorder.applied[3].kind, Response::kList);
  EXPECT_EQ(recorder.applied[3].list, 4);
  EXPECT_EQ(recorder.applied[3].time, DayStart(4) + 200);  // silent: at once
  police.Respond(5,
                 {MakeAlert(DayStart(5) + 100, 2, 1, Category::kSocial),
                  MakeAlert(DayStart(5) + 200, 3, 2, Category::kSocial)},
                 &recorder);
  EXPECT_EQ(recorder.applied.size(), 4u);
  police.Respond(6, {MakeAlert(DayStart(6) + 100, 2, 1, Category::kSocial)}, &recorder);
  EXPECT_EQ(recorder.applied.size(), 5u);  // the permit denial ran out after 2 days
}

// The rule engine hands over each day's alerts in AlertBefore order and the police merge
// them with what waited; any other order is sorted. Either way the work is answered in
// the same order: a week of many alerts, given sorted to one police and reversed to the
// other, with little capacity (so that much waits), mixed responses and ties of priority.
TEST(PoliceTest, AnsweringOrderDoesNotDependOnTheOrderAlertsArriveIn) {
  RespondOptions options;
  options.capacity_per_day = 40;
  options.max_wait_days = 3;
  const std::vector<RuleResponse> rules = {{Response::kVisit, -1},
                                           {Response::kIntercept, -1},
                                           {Response::kDenyPermit, -1},
                                           {Response::kDetain, -1}};
  Police sorted(options, rules), reversed(options, rules);
  Recorder a, b;
  for (Day day = 0; day < 7; ++day) {
    std::vector<Alert> alerts;
    Rng rng(5, Stream::kPatrol, 0, day);
    for (int k = 0; k < 300; ++k) {
      const auto category = static_cast<Category>(rng.UniformInt(3));
      Alert alert = MakeAlert(DayStart(day) + static_cast<Minute>(rng.UniformInt(kMinutesPerDay)),
                              rng.UniformInt(150), rng.UniformInt(4), category);
      if (rng.Bernoulli(0.2)) alert.priority = static_cast<int32_t>(rng.UniformInt(10));
      alerts.push_back(alert);
    }
    std::sort(alerts.begin(), alerts.end(), AlertBefore);
    alerts.erase(std::unique(alerts.begin(), alerts.end()), alerts.end());
    const ResponseDay first = sorted.Respond(day, alerts, &a);
    std::reverse(alerts.begin(), alerts.end());
    const ResponseDay second = reversed.Respond(day, alerts, &b);
    EXPECT_EQ(first.answered, second.answered) << "day " << day;
    EXPECT_EQ(first.dropped, second.dropped) << "day " << day;
    EXPECT_EQ(first.checks, second.checks) << "day " << day;
    EXPECT_EQ(first.waiting, second.waiting) << "day " << day;
    EXPECT_GT(first.waiting, 0u);  // the merge with what waited is exercised
  }
  ASSERT_EQ(a.applied.size(), b.applied.size());
  for (size_t i = 0; i < a.applied.size(); ++i) {
    EXPECT_EQ(a.applied[i].person, b.applied[i].person);
    EXPECT_EQ(a.applied[i].time, b.applied[i].time);
    EXPECT_EQ(a.applied[i].kind, b.applied[i].kind);
  }
}

}  // namespace
}  // namespace oversight
