#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/directory_output.h"
#include "report/report_json.h"
#include "report/report_writer.h"
#include "report/summary.h"
#include "scenario/loader.h"

namespace oversight {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

AuditResult SampleAudit() {
  AuditResult audit;
  GroupCounts a{.name = "majority",
                .persons = 900,
                .harmful_persons = 9,
                .alerts = 60,
                .false_alarms = 57,
                .flagged_persons = 30,
                .flagged_innocents = 28,
                .lawful_acts = 10,
                .lawful_stopped = 4};
  GroupCounts b{.name = "minority",
                .persons = 100,
                .harmful_persons = 1,
                .alerts = 40,
                .false_alarms = 40,
                .flagged_persons = 20,
                .flagged_innocents = 20};
  audit.groups = {a, b};
  audit.total = GroupCounts{.name = "all",
                            .persons = 1000,
                            .harmful_persons = 10,
                            .alerts = 100,
                            .false_alarms = 97,
                            .flagged_persons = 50,
                            .flagged_innocents = 48,
                            .lawful_acts = 10,
                            .lawful_stopped = 4};
  audit.rules = {RuleCounts{.id = "near_school",
                            .op = "filter",
                            .what = "sighting",
                            .category = "social",
                            .alerts = 100,
                            .false_alarms = 97}};
  audit.days = {DayCounts{.day = 0, .alerts = 100}};
  return audit;
}

TEST(ReportTest, JsonCarriesSchemaVersionAndRatesWithTheirCounts) {
  MemoryOutput out;
  const Scenario scenario = DefaultScenario();
  RunFacts facts;
  facts.version = "test";
  ASSERT_TRUE(WriteReport(scenario, facts, SampleAudit(), &out).ok());
  const auto json = nlohmann::json::parse(out.files().at("report.json"));
  EXPECT_EQ(json["schema_version"], kReportSchemaVersion);
  EXPECT_EQ(json["synthetic_only"], true);
  EXPECT_EQ(json["scenario"]["name"], "default");
  const auto& minority = json["groups"][1];
  EXPECT_EQ(minority["group"], "minority");
  EXPECT_EQ(minority["rates"]["alert_share"]["numerator"], 40);
  EXPECT_EQ(minority["rates"]["alert_share"]["denominator"], 100);
  EXPECT_DOUBLE_EQ(minority["rates"]["alert_share"]["value"].get<double>(), 0.4);
  // No lawful acts in the minority: the share is undefined, not zero.
  EXPECT_TRUE(minority["rates"]["lawful_stopped_share"]["value"].is_null());
  EXPECT_DOUBLE_EQ(json["totals"]["rates"]["precision"]["value"].get<double>(), 0.03);
}

TEST(ReportTest, CsvTablesHaveHeadersAndOneRowPerItem) {
  MemoryOutput out;
  ASSERT_TRUE(WriteReport(DefaultScenario(), RunFacts{}, SampleAudit(), &out).ok());
  const std::string& groups = out.files().at("groups.csv");
  EXPECT_THAT(groups, StartsWith("group,persons,population_share,"));
  EXPECT_THAT(groups, HasSubstr("\nminority,100,0.100000,1,0,40,0.400000,40,1.000000,"));
  EXPECT_THAT(groups, HasSubstr("\nall,1000,"));
  EXPECT_EQ(std::count(groups.begin(), groups.end(), '\n'), 4);
  const std::string& rules = out.files().at("rules.csv");
  EXPECT_THAT(rules, HasSubstr("near_school,filter,sighting,social,,100,97,0.030000,"));
  EXPECT_EQ(out.files().count("days.csv"), 1u);
  EXPECT_EQ(out.files().count("summary.txt"), 1u);
}

TEST(ReportTest, SummaryStatesNumeratorAndDenominator) {
  const std::string text = Summary(DefaultScenario(), RunFacts{}, SampleAudit());
  EXPECT_THAT(text, HasSubstr("97.0% (97 of 100) concerned people with no harmful intent"));
  EXPECT_THAT(text,
              HasSubstr("Lawful activity stopped (petition trips, gatherings): 40.0% (4 of 10)"));
  EXPECT_EQ(WithThousands(1234567), "1,234,567");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(100000), "100,000");
}

TEST(DirectoryOutputTest, FolderAppearsOnlyOnCommit) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "oversight-directory-output-test";
  fs::remove_all(dir);
  {
    auto out = DirectoryOutput::Create(dir);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE((*out)->Write("report.json", "{}").ok());
    EXPECT_FALSE(fs::exists(dir));
    EXPECT_TRUE(fs::exists((*out)->temp_path() / "report.json"));
    // Dropped without Commit(): nothing is left behind.
    const fs::path temp = (*out)->temp_path();
    out->reset();
    EXPECT_FALSE(fs::exists(temp));
  }
  EXPECT_FALSE(fs::exists(dir));
  {
    auto out = DirectoryOutput::Create(dir);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE((*out)->Write("report.json", "{\"run\": 1}").ok());
    ASSERT_TRUE((*out)->Commit().ok());
  }
  EXPECT_TRUE(fs::exists(dir / "report.json"));
  {
    // A second run replaces the first.
    auto out = DirectoryOutput::Create(dir);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE((*out)->Write("report.json", "{\"run\": 2}").ok());
    ASSERT_TRUE((*out)->Commit().ok());
  }
  EXPECT_EQ(fs::file_size(dir / "report.json"), std::string("{\"run\": 2}").size());
  fs::remove_all(dir);
}

TEST(DirectoryOutputTest, RefusesToReplaceAFolderThatIsNotAnOutput) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "oversight-not-an-output";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto out = DirectoryOutput::Create(dir);
  EXPECT_FALSE(out.ok());
  EXPECT_THAT(std::string(out.status().message()), HasSubstr("is not an Oversight output folder"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace oversight
