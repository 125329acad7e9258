#include "respond/police.h"

#include <gtest/gtest.h>

#include <vector>

namespace oversight {
namespace {

struct RecordedVisit {
  PersonId person;
  Minute time;
  uint32_t cause;
};

class Recorder : public VisitTarget {
 public:
  void Visit(PersonId person, Minute time, uint32_t cause) override {
    visits.push_back(RecordedVisit{person, time, cause});
  }
  void Check(PersonId person) override { checks.push_back(person); }
  std::vector<RecordedVisit> visits;
  std::vector<PersonId> checks;
};

Alert MakeAlert(Minute time, uint32_t person, uint32_t rule, Category category) {
  const int32_t priority = category == Category::kPolitical ? 3 : category == Category::kCriminal ? 2 : 1;
  return Alert{time, PersonId(person), RuleId(rule), category, priority};
}

TEST(PoliceTest, PoliticalAlertsAreAnsweredFirst) {
  RespondOptions options;
  options.visits_per_day = 2;
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
  options.visits_per_day = 5;
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
  options.visits_per_day = 1;
  options.max_wait_days = 1;
  options.duty_start_hour = 8;
  Police police(options);
  Recorder recorder;
  police.Respond(0, {MakeAlert(100, 1, 0, Category::kSocial), MakeAlert(200, 2, 0, Category::kSocial),
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
  options.visits_per_day = 0;
  options.max_wait_days = 0;
  Police police(options);
  Recorder recorder;
  const ResponseDay& day = police.Respond(0, {MakeAlert(100, 1, 0, Category::kPolitical)}, &recorder);
  EXPECT_TRUE(recorder.visits.empty());
  EXPECT_EQ(day.dropped.size(), 1u);
  EXPECT_EQ(day.waiting, 0u);
}

// Officers judged by responsiveness answer alerts beyond their visit capacity with quick
// checks, in priority order, until the answer share is reached.
TEST(PoliceTest, AnAnswerShareIsMetWithQuickChecksBeyondCapacity) {
  RespondOptions options;
  options.visits_per_day = 1;
  options.max_wait_days = 0;
  options.answer_share = 0.6;  // 5 alerts: at least 3 answered
  Police police(options);
  Recorder recorder;
  const std::vector<Alert> alerts = {
      MakeAlert(100, 1, 0, Category::kPolitical), MakeAlert(110, 2, 0, Category::kCriminal),
      MakeAlert(120, 2, 0, Category::kCriminal),  // the same person: answered by the check
      MakeAlert(130, 3, 0, Category::kSocial),    MakeAlert(140, 4, 0, Category::kSocial)};
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

}  // namespace
}  // namespace oversight
