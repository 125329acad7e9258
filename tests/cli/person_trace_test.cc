#include "cli/person_trace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "scenario/loader.h"

namespace oversight {
namespace {

using ::testing::HasSubstr;

// The trace of a person holds exactly their alerts, with the evidence before each.
TEST(PersonTraceTest, TracesEveryAlertOnThePersonAndTheEvidenceBeforeIt) {
  const std::string path = std::string(OVERSIGHT_SOURCE_DIR) + "/tests/sim/e2e/petition_trips.toml";
  std::ifstream file(path);
  std::stringstream text_of_file;
  text_of_file << file.rdbuf();
  absl::StatusOr<Scenario> scenario = LoadScenarioText(text_of_file.str(), path);
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  // First pass: who was alerted, how often.
  std::map<uint32_t, size_t> alerts;
  {
    Simulation simulation(*scenario);
    simulation.SetObserver([&](const DayView& day) {
      for (const Alert& a : day.alerts) ++alerts[a.person.value];
    });
    for (Day d = 0; d < scenario->days; ++d) simulation.Step(d);
  }
  ASSERT_FALSE(alerts.empty());
  const auto [person, count] = *alerts.begin();
  // Second pass: the same run, traced.
  Simulation simulation(*scenario);
  PersonTrace trace(*scenario, simulation.world(), PersonId(person));
  trace.Start(simulation.rules().watchlists());
  simulation.SetObserver([&](const DayView& day) { trace.Record(day); });
  for (Day d = 0; d < scenario->days; ++d) simulation.Step(d);
  EXPECT_EQ(trace.alerts(), count);
  const std::string text = trace.Text();
  EXPECT_THAT(text, HasSubstr("On file with the authorities: petitioner"));
  // On the petitioners list from the start, and never taken off: no list changes to report.
  EXPECT_THAT(text, HasSubstr("On lists at the start: petitioners"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("to list")));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("off list")));
  EXPECT_THAT(text, HasSubstr("ALERT: rule 'ticket_to_capital' (filter on ticket, political"));
  // The ticket check that tripped the rule comes right before the alert, at the same minute.
  const size_t alert = text.find("ALERT");
  const size_t ticket = text.rfind("ticket bought at", alert);
  ASSERT_NE(ticket, std::string::npos);
  EXPECT_EQ(text.substr(text.rfind('\n', ticket) + 1, 16),
            text.substr(text.rfind('\n', alert) + 1, 16));
}

}  // namespace
}  // namespace oversight
