#include "scenario/loader.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sim_time.h"
#include "scenario/operator_registry.h"
#include "scenario/place_model.h"

namespace oversight {
namespace {

using ::testing::HasSubstr;

// Loads `text` and returns every diagnostic, one per line ("" when it is valid).
std::string Errors(std::string_view text) {
  Diagnostics diagnostics("test.toml");
  ParseScenario(text, &diagnostics);
  return diagnostics.ToString();
}

// A rule's operator parameters as its operator exports them to the trace.
TraceRuleSlots Exported(const RuleOptions& rule) {
  TraceRuleSlots out;
  if (rule.op->export_slots != nullptr) rule.op->export_slots(rule, &out);
  return out;
}

constexpr std::string_view kMinimal = R"(
[scenario]
name = "mini"
seed = 3
days = 2
persons = 50
)";

TEST(LoaderTest, EmbeddedDefaultScenarioIsValid) {
  absl::StatusOr<Scenario> s = LoadScenarioText(DefaultScenarioText(), kBuiltInSource);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->name, "default");
  EXPECT_EQ(s->world.persons, 100000u);
  EXPECT_EQ(s->days, 30);
  ASSERT_EQ(s->world.groups.size(), 2u);
  EXPECT_EQ(s->world.groups[1].name, "minority");
  EXPECT_DOUBLE_EQ(s->world.groups[1].record_bias, 2.0);
  ASSERT_EQ(s->policy.rules.size(), 16u);  // 14 rules, then 2 scores
  std::string ops;
  for (const RuleOptions& rule : s->policy.rules) {
    ops += std::string(rule.OperatorName()) + " ";
  }
  EXPECT_EQ(ops,
            "filter together together together together count dwell dwell norm filter "
            "filter sequence pair companions weighted_score learned_score ");
  EXPECT_EQ(s->policy.rules[9].who, 1u);  // "petitioners"
  EXPECT_EQ(s->policy.rules[9].EffectivePriority(), 3);
}

TEST(LoaderTest, EmbeddedDefaultMatchesTheFileInScenarios) {
  std::ifstream in(std::string(OVERSIGHT_SOURCE_DIR) + "/scenarios/default.toml");
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), DefaultScenarioText());
}

TEST(LoaderTest, MinimalScenarioGetsDefaults) {
  absl::StatusOr<Scenario> s = LoadScenarioText(kMinimal, "mini.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->seed, 3u);
  EXPECT_EQ(s->world.persons, 50u);
  ASSERT_EQ(s->world.groups.size(), 1u);
  ASSERT_EQ(s->world.districts.size(), 1u);
  EXPECT_EQ(s->world.districts[0].group_shares, std::vector<double>{1.0});
  EXPECT_EQ(s->sense.hit_rate.size(), 1u);
  EXPECT_TRUE(s->policy.rules.empty());
}

TEST(LoaderTest, SyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT(Errors("[scenario]\nname = \"x\nseed = 1\n"), HasSubstr("test.toml:2:"));
  EXPECT_THAT(Errors("[scenario]\nname = \"x\nseed = 1\n"), HasSubstr("TOML syntax"));
}

TEST(LoaderTest, UnknownKeyIsReportedWithSuggestion) {
  const std::string errors = Errors("[scenario]\nname = \"x\"\npersns = 10\n");
  EXPECT_THAT(errors, HasSubstr("test.toml:3:1: error: unknown key 'persns' in [scenario]; "
                                "did you mean 'persons'?"));
}

TEST(LoaderTest, UnknownSectionIsReportedWithSuggestion) {
  EXPECT_THAT(Errors(std::string(kMinimal) + "[polise]\ncapacity_per_day = 3\n"),
              HasSubstr("unknown key 'polise' in the top level; did you mean 'police'?"));
}

TEST(LoaderTest, WrongTypeSaysWhatWasExpected) {
  EXPECT_THAT(Errors("[scenario]\ndays = \"thirty\"\n"),
              HasSubstr("test.toml:2:8: error: 'days' in [scenario] must be an integer from 1 "
                        "to 3650, got a string"));
}

TEST(LoaderTest, OutOfRangeValuesAreReported) {
  EXPECT_THAT(Errors("[scenario]\npersons = -5\n"),
              HasSubstr("'persons' in [scenario] must be an integer from 1 to 100000000, got -5"));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[lawful]\npetition_trip_rate = 1.5\n"),
              HasSubstr("'petition_trip_rate' in [lawful] must be a number from 0 to 1, got 1.5"));
}

TEST(LoaderTest, EveryProblemIsReportedNotJustTheFirst) {
  const std::string errors =
      Errors("[scenario]\ndays = 0\npersons = 0\nsed = 1\n[police]\ncapacity_per_day = -1\n");
  EXPECT_THAT(errors, HasSubstr(":2:"));
  EXPECT_THAT(errors, HasSubstr(":3:"));
  EXPECT_THAT(errors, HasSubstr(":4:"));
  EXPECT_THAT(errors, HasSubstr(":6:"));
}

TEST(LoaderTest, MissingScenarioSectionIsReported) {
  EXPECT_THAT(Errors("[police]\ncapacity_per_day = 3\n"), HasSubstr("missing section [scenario]"));
}

TEST(LoaderTest, UnknownGroupInDistrictSharesIsReported) {
  const std::string text = std::string(kMinimal) + R"(
[[groups]]
name = "majority"
[[groups]]
name = "minority"
[[districts]]
name = "A"
group_shares = { majority = 0.5, minorty = 0.5 }
)";
  const std::string errors = Errors(text);
  EXPECT_THAT(errors, HasSubstr("unknown group 'minorty'; did you mean 'minority'?"));
  EXPECT_THAT(errors, HasSubstr("must sum to 1"));
}

TEST(LoaderTest, UnknownDistrictInCameraMultiplierIsReported) {
  const std::string text = std::string(kMinimal) + R"(
[[districts]]
name = "Riverside"
[cameras]
district_multiplier = { "Rivrside" = 2.0 }
)";
  EXPECT_THAT(Errors(text), HasSubstr("unknown district 'Rivrside'; did you mean 'Riverside'?"));
}

TEST(LoaderTest, RuleMustReferToAnExistingList) {
  const std::string text = std::string(kMinimal) + R"(
[[lists]]
name = "key_persons"
recorded_traits = ["drug_use"]
[[rules]]
id = "r"
who = "key_person"
what = "ticket"
)";
  EXPECT_THAT(Errors(text),
              HasSubstr("test.toml:13:7: error: 'who' in [[rules]] #1 names unknown list (or "
                        "\"anyone\") 'key_person'; did you mean 'key_persons'?"));
}

TEST(LoaderTest, ResponsesAndTheirCostsAreRead) {
  const std::string text = std::string(kMinimal) + R"(
[[lists]]
name = "watched"
recorded_traits = ["drug_use"]
[[rules]]
id = "r"
who = "anyone"
what = "ticket"
response = "list"
response_list = "watched"
[police]
capacity_per_day = 12.5
detention_days = 7
cost = { intercept = 3.0, list = 0.0 }
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "test.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->policy.rules[0].response, Response::kList);
  EXPECT_EQ(s->policy.rules[0].response_list, 0);
  EXPECT_DOUBLE_EQ(s->respond.capacity_per_day, 12.5);
  EXPECT_EQ(s->respond.detention_days, 7);
  EXPECT_DOUBLE_EQ(s->respond.Cost(Response::kIntercept), 3.0);
  EXPECT_DOUBLE_EQ(s->respond.Cost(Response::kList), 0.0);
  EXPECT_DOUBLE_EQ(s->respond.Cost(Response::kVisit), 1.0);  // the default
}

TEST(LoaderTest, ResponseMistakesAreReported) {
  const std::string rule = std::string(kMinimal) + R"(
[[lists]]
name = "watched"
recorded_traits = ["drug_use"]
[[rules]]
id = "r"
who = "anyone"
what = "ticket"
)";
  EXPECT_THAT(Errors(rule + "response = \"arrest\"\n"),
              HasSubstr("test.toml:15:12: error: 'response' in [[rules]] #1 names unknown police "
                        "response 'arrest'"));
  EXPECT_THAT(Errors(rule + "response = \"list\"\n"), HasSubstr("needs response_list"));
  EXPECT_THAT(Errors(rule + "response_list = \"watched\"\n"),
              HasSubstr("'response_list' applies only to response = \"list\""));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[police]\nvisits_per_day = 3\n"),
              HasSubstr("'visits_per_day' was replaced by 'capacity_per_day'"));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[police]\ncost = { detain = -1 }\n"),
              HasSubstr("'detain' in [police.cost] must be a number from 0"));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[police]\ncost = { visits = 1 }\n"),
              HasSubstr("unknown key 'visits' in [police.cost]; did you mean 'visit'?"));
}

// `city = "default"` starts from the default city's sections (not its apparatus); a
// section the file sets replaces the default's whole.
TEST(LoaderTest, ACityCanStartFromTheDefaultOne) {
  const std::string text = std::string(kMinimal) + R"(city = "default"
[recognition]
hit_rate = { majority = 0.5, minority = 0.5 }
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "test.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  const Scenario d = DefaultScenario();
  EXPECT_EQ(s->world.groups.size(), d.world.groups.size());  // inherited
  EXPECT_EQ(s->world.districts.size(), d.world.districts.size());
  EXPECT_DOUBLE_EQ(s->sense.hit_rate[0], 0.5);  // its own section
  // The whole [recognition] is the file's: the default's false-match rates are not kept.
  EXPECT_NE(s->sense.false_match_rate, d.sense.false_match_rate);
  EXPECT_TRUE(s->policy.lists.empty());  // the apparatus is never inherited
  EXPECT_TRUE(s->policy.rules.empty());
  EXPECT_EQ(s->world.persons, 50u);  // nor is [scenario]
  EXPECT_THAT(Errors(std::string(kMinimal) + "city = \"paris\"\n"),
              HasSubstr("names unknown city to start from 'paris'"));
}

// `apparatus = "default"` installs the default city's lists, rules, scores, red list and
// police (a section the file sets replaces the default's); with `city = "default"` too, the
// file is the default scenario at another size.
TEST(LoaderTest, TheDefaultApparatusCanBeInstalled) {
  const std::string text = R"([scenario]
name = "mini"
seed = 3
days = 30
persons = 50
city = "default"
apparatus = "default"
[police]
capacity_per_day = 7
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "test.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  const Scenario d = DefaultScenario();
  EXPECT_EQ(s->policy.lists.size(), d.policy.lists.size());
  ASSERT_EQ(s->policy.rules.size(), d.policy.rules.size());
  EXPECT_EQ(s->policy.rules.back().id, d.policy.rules.back().id);
  EXPECT_DOUBLE_EQ(s->respond.capacity_per_day, 7.0);  // its own [police]
  EXPECT_EQ(s->world.persons, 50u);                    // and its own [scenario]
  // A problem in a section taken from the default (its couples rule needs 30 days) is
  // reported at the key that took it.
  EXPECT_THAT(Errors(std::string(kMinimal) + "apparatus = \"default\"\n"),
              HasSubstr("taken from the default city by apparatus = \"default\""));
  EXPECT_THAT(Errors(std::string(kMinimal) + "apparatus = \"mine\"\n"),
              HasSubstr("names unknown apparatus to install 'mine'"));
}

TEST(LoaderTest, UrnScenariosAreReadAndCheckedApart) {
  const std::string urn = R"([scenario]
name = "u"
model = "urn"
days = 100
[urn]
regions = ["a", "b"]
discovered_rate = [3.0, 2.0]
start = [10, 1]
decay = 0.01
runs = 50
correction = "on"
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(urn, "test.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->model, ScenarioModel::kUrn);
  EXPECT_EQ(s->urn.regions[1], "b");
  EXPECT_DOUBLE_EQ(s->urn.discovered_rate[0], 3.0);
  EXPECT_DOUBLE_EQ(s->urn.start[1], 1.0);
  EXPECT_EQ(s->urn.runs, 50);
  EXPECT_FALSE(s->urn.without_correction);
  EXPECT_TRUE(s->urn.with_correction);
  EXPECT_THAT(Errors(urn + "[population.households]\nshared_share = 0.1\n"),
              HasSubstr("section [population] does not apply to model \"urn\""));
  EXPECT_THAT(Errors("[scenario]\nmodel = \"urn\"\npersons = 5\n[urn]\ndiscovered_rate = [1, 1]\n"
                     "start = [1, 1]\n"),
              HasSubstr("'persons' does not apply to model \"urn\""));
  EXPECT_THAT(Errors("[scenario]\nmodel = \"urn\"\n"), HasSubstr("needs a section [urn]"));
  EXPECT_THAT(Errors("[scenario]\nmodel = \"urn\"\n[urn]\ndiscovered_rate = [1]\nstart = [1, 1]\n"),
              HasSubstr("test.toml:4:19: error: 'discovered_rate' in [urn] must be two numbers"));
  EXPECT_THAT(Errors("[scenario]\nmodel = \"urns\"\n"), HasSubstr("did you mean 'urn'?"));
}

// The place models are registered once: `model` accepts "city" and each registered name,
// each name selects its own model and section, and an unknown name is an error that
// names every known one.
TEST(LoaderTest, PlaceModelsComeFromTheirRegistry) {
  const std::vector<std::string> names = ModelNames();
  ASSERT_EQ(names.size(), PlaceModels().size() + 1);
  EXPECT_EQ(names.front(), "city");
  for (const PlaceModelSpec& spec : PlaceModels()) {
    EXPECT_EQ(ModelName(spec.model), spec.name);
    EXPECT_EQ(FindPlaceModel(spec.model), &spec);
    EXPECT_NE(spec.read, nullptr) << spec.name;
    // A file with the model and no section: the model's own reader says what it needs.
    EXPECT_THAT(Errors(fmt::format("[scenario]\nmodel = \"{}\"\n", spec.name)),
                HasSubstr(fmt::format("needs a section [{}]", spec.name)));
  }
  EXPECT_EQ(FindPlaceModel(ScenarioModel::kCity), nullptr);
  const std::string unknown = Errors("[scenario]\nmodel = \"hotspot_map\"\n");
  for (const std::string& name : names) EXPECT_THAT(unknown, HasSubstr("'" + name + "'"));
}

// A PredPol scenario reads its records and bins with the scenario, and every problem in
// them is reported with the file and line, before anything runs.
TEST(LoaderTest, PredpolScenariosReadTheirRecordsAndReportTheirProblems) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("oversight-loader-predpol-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const std::string records =
      write("records.csv",
            "\"\",\"bin\",\"OCCURRED\",\"LAG\"\n\"1\",2,01/03/11,0\n\"2\",NA,01/04/11,0\n"
            "\"3\",1,2010-12-30,0\n");
  const std::string bins = write("bins.csv", "bin,x,y\n1,0.5,1.5\n2,2.5,1.5\n3,4.5,1.5\n");
  const auto scenario = [&](const std::string& predpol) {
    return "[scenario]\nmodel = \"predpol\"\ndays = 10\n[predpol]\n" + predpol;
  };
  const std::string ok =
      "records = \"" + records + "\"\nbins = \"" + bins +
      "\"\nfirst_day = \"2011-01-05\"\nwindow_days = 30\ntop = 2\nfeedback = \"on\"\n";
  absl::StatusOr<Scenario> s = LoadScenarioText(scenario(ok), "test.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->model, ScenarioModel::kPredpol);
  ASSERT_EQ(s->predpol.records.size(), 2u);
  EXPECT_EQ(FormatCivilDay(s->predpol.records[0].day), "2010-12-30");  // ordered by day
  EXPECT_EQ(s->predpol.records[0].bin, 1);
  EXPECT_EQ(s->predpol.records_without_bin, 1);
  EXPECT_EQ(s->predpol.bins, 3);  // the bins file lists a third
  EXPECT_DOUBLE_EQ(s->predpol.centres[1].x, 2.5);
  EXPECT_FALSE(s->predpol.without_feedback);
  EXPECT_TRUE(s->predpol.with_feedback);

  const std::string base = "first_day = \"2011-01-05\"\n";
  EXPECT_THAT(Errors(scenario(base)), HasSubstr("missing key 'records'"));
  EXPECT_THAT(Errors(scenario("records = \"nowhere.csv\"\n" + base)),
              HasSubstr("cannot use 'records': cannot read 'nowhere.csv'"));
  const std::string bad_date = write("bad_date.csv", "bin,date\n1,2011-01-01\n2,2011-02-30\n");
  EXPECT_THAT(Errors(scenario("records = \"" + bad_date + "\"\n" + base)),
              HasSubstr(bad_date + ":3: expected a date such as 2011-01-08 or 01/08/11, got "
                                   "'2011-02-30'"));
  const std::string no_header = write("no_header.csv", "1,2011-01-01\n");
  EXPECT_THAT(Errors(scenario("records = \"" + no_header + "\"\n" + base)),
              HasSubstr(no_header + ":1: expected a header line with the columns 'bin' and"));
  const std::string short_row = write("short.csv", "bin,date,lag\n1,2011-01-01\n");
  EXPECT_THAT(Errors(scenario("records = \"" + short_row + "\"\n" + base)),
              HasSubstr(short_row + ":2: expected 3 fields as in the header, got 2"));
  const std::string long_line =
      write("long.csv", "bin,date\n1,2011-01-01\n" + std::string(70000, 'x') + "\n");
  EXPECT_THAT(Errors(scenario("records = \"" + long_line + "\"\n" + base)),
              HasSubstr(long_line + ":3: a line longer than 65536 bytes"));
  const std::string bad_bin = write("bad_bin.csv", "bin,date\n0,2011-01-01\n");
  EXPECT_THAT(Errors(scenario("records = \"" + bad_bin + "\"\n" + base)),
              HasSubstr(bad_bin + ":2: expected a bin number from 1"));
  const std::string with = "records = \"" + records + "\"\n";
  EXPECT_THAT(Errors(scenario(with + "first_day = \"5 January 2011\"\n")),
              HasSubstr("'first_day' must be a date such as \"2011-01-01\""));
  EXPECT_THAT(Errors(scenario(with + "first_day = \"2013-01-01\"\n")),
              HasSubstr("no records in the 180 days before 2013-01-01: the records run from "
                        "2010-12-30 to 2011-01-03"));
  EXPECT_THAT(Errors(scenario(with + base + "top = 5\n")),
              HasSubstr("'top' (5) is more than the 2 bins"));
  EXPECT_THAT(Errors(scenario(with + base) + "[police]\ncapacity_per_day = 3\n"),
              HasSubstr("section [police] does not apply to model \"predpol\""));
  EXPECT_THAT(Errors(scenario(with + base + "windows_days = 3\n")),
              HasSubstr("did you mean 'window_days'?"));
  EXPECT_THAT(Errors("[scenario]\nmodel = \"predpol\"\n"), HasSubstr("needs a section [predpol]"));
  std::filesystem::remove_all(dir);
}

// A victim-reporting scenario reads its districts and cells with the scenario; every
// problem in them is reported with the file and line.
TEST(LoaderTest, ReportingScenariosReadTheirTablesAndReportTheirProblems) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("oversight-loader-reporting-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const std::string districts = write(
      "districts.csv",
      "district,victimization_rate,reporting_rate,population\nNorth,0.1,0.3,1000\nSouth,0.2,0.1,"
      "2000\n");
  const std::string cells = write("cells.csv", "x,y,district\n1,1,North\n2,1,South\n2,2,South\n");
  const auto scenario = [&](const std::string& body) {
    return "[scenario]\nmodel = \"reporting\"\ndays = 10\n[reporting]\n" + body;
  };
  const std::string tables = "districts = \"" + districts + "\"\ncells = \"" + cells + "\"\n";
  absl::StatusOr<Scenario> s = LoadScenarioText(scenario(tables + "top = 2\n"), "test.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->model, ScenarioModel::kReporting);
  ASSERT_EQ(s->reporting.districts.size(), 2u);
  EXPECT_DOUBLE_EQ(s->reporting.districts[1].reporting_rate, 0.1);
  ASSERT_EQ(s->reporting.cells.size(), 3u);
  EXPECT_EQ(s->reporting.cells[2].district, 1);
  EXPECT_EQ(s->reporting.top, 2);

  const std::string bad_rate =
      write("bad_rate.csv",
            "district,victimization_rate,reporting_rate,population\nNorth,0.1,1.3,1000\n");
  EXPECT_THAT(Errors(scenario("districts = \"" + bad_rate + "\"\ncells = \"" + cells + "\"\n")),
              HasSubstr(bad_rate + ":2: expected 'reporting_rate' from 0 to 1, got '1.3'"));
  const std::string twice = write(
      "twice.csv",
      "district,victimization_rate,reporting_rate,population\nNorth,0.1,0.3,1\nNorth,0.1,0.3,1\n");
  EXPECT_THAT(Errors(scenario("districts = \"" + twice + "\"\ncells = \"" + cells + "\"\n")),
              HasSubstr(twice + ":3: district 'North' is listed twice"));
  const std::string stray = write("stray.csv", "x,y,district\n1,1,North\n2,1,East\n");
  EXPECT_THAT(Errors(scenario("districts = \"" + districts + "\"\ncells = \"" + stray + "\"\n")),
              HasSubstr(stray + ":3: district 'East' is not in the districts file"));
  const std::string empty_south = write("north_only.csv", "x,y,district\n1,1,North\n");
  EXPECT_THAT(
      Errors(scenario("districts = \"" + districts + "\"\ncells = \"" + empty_south + "\"\n")),
      HasSubstr(empty_south + ": district 'South' has no cell"));
  const std::string half = write("half.csv", "x,y,district\n1.5,1,North\n");
  EXPECT_THAT(Errors(scenario("districts = \"" + districts + "\"\ncells = \"" + half + "\"\n")),
              HasSubstr(half + ":2: expected whole numbers in 'x' and 'y'"));
  EXPECT_THAT(Errors(scenario(tables + "top = 4\n")),
              HasSubstr("'top' (4) is more than the 3 cells"));
  EXPECT_THAT(Errors(scenario(tables + "theta = 1.5\n")), HasSubstr("'theta'"));
  EXPECT_THAT(Errors(scenario("cells = \"" + cells + "\"\n")),
              HasSubstr("missing key 'districts'"));
  EXPECT_THAT(Errors(scenario(tables) + "[predpol]\ntop = 3\n"),
              HasSubstr("section [predpol] does not apply to model \"reporting\""));
  EXPECT_THAT(Errors("[scenario]\nmodel = \"reporting\"\npersons = 4\n[reporting]\n" + tables),
              HasSubstr("'persons' does not apply to model \"reporting\""));
  std::filesystem::remove_all(dir);
}

TEST(LoaderTest, RuleWithoutAnyListsIsReported) {
  const std::string text = std::string(kMinimal) + R"(
[[rules]]
id = "r"
who = "key_persons"
what = "ticket"
)";
  EXPECT_THAT(Errors(text), HasSubstr("defines no [[lists]]"));
}

TEST(LoaderTest, UnknownPlaceTypeAndTraitAreReported) {
  const std::string text = std::string(kMinimal) + R"(
[[lists]]
name = "l"
recorded_traits = ["drug_abuse"]
[[rules]]
id = "r"
who = "l"
what = "sighting"
where = { near = "scool", within_m = 100 }
)";
  const std::string errors = Errors(text);
  EXPECT_THAT(errors, HasSubstr("unknown trait 'drug_abuse'"));
  EXPECT_THAT(errors, HasSubstr("unknown place type 'scool'; did you mean 'school'?"));
}

TEST(LoaderTest, TheOldRuleKindIsRejectedWithAPointerToTheMenu) {
  const std::string text = std::string(kMinimal) + R"(
[[rules]]
id = "r"
kind = "ticket"
who = "anyone"
what = "ticket"
)";
  EXPECT_THAT(Errors(text), HasSubstr("'kind' was replaced by the rule menu's slots"));
}

// Each case: a rule's slots, and the message that rejects them.
struct BadRule {
  std::string_view slots;
  std::string_view message;
};

void PrintTo(const BadRule& rule, std::ostream* os) { *os << rule.slots; }

class RuleCompileTest : public ::testing::TestWithParam<BadRule> {};

TEST_P(RuleCompileTest, SlotsThatCannotBeCompiledAreRejectedWithTheirPosition) {
  const std::string text = std::string(kMinimal) + R"(
[[lists]]
name = "l"
recorded_traits = ["petitioner"]
[[rules]]
id = "r"
who = "l"
)" + std::string(GetParam().slots) +
                           "\n";
  const std::string errors = Errors(text);
  EXPECT_THAT(errors, HasSubstr(GetParam().message));
  EXPECT_THAT(errors, HasSubstr("test.toml:1"));  // a line in the rule's table
}

INSTANTIATE_TEST_SUITE_P(
    Slots, RuleCompileTest,
    ::testing::Values(
        BadRule{"what = \"ticket\"\nwhere = { near = \"school\", within_m = 100 }",
                "'where.near' does not apply to what = \"ticket\""},
        BadRule{"what = \"sighting\"\nwhen = { hours = [7, 7] }", "rule 'r' can never fire"},
        BadRule{"what = \"sighting\"\nwhen = { hours = [7, 25] }", "to 1-24"},
        BadRule{"what = \"sighting\"\nhow_often = { dwell_minutes = 60 }",
                "a dwell time (cameras see arrivals only) needs what = \"location\""},
        BadRule{"what = \"meter\"", "a meter rule needs how_often.times_norm"},
        BadRule{"what = \"call\"", "a call rule needs how_often"},
        BadRule{
            "what = \"call\"\nhow_often = { at_least = 3, within_days = 40, new_after_days = 30 }",
            "how_often.within_days (40) must not exceed new_after_days (30)"},
        BadRule{"what = \"ticket\"\nwith = { who = \"l\" }",
                "'with' (others together at a place) needs what = \"sighting\""},
        BadRule{"what = \"sighting\"\nwith = { who = \"l\", at_least = 1 }\n"
                "how_often = { times_norm = 2 }",
                "'how_often.times_norm' means nothing to a together rule"},
        BadRule{"what = \"location\"\nwith = { spouse = true }",
                "with.spouse needs how_often.together_below"},
        BadRule{"what = \"location\"\nhow_often = { total_minutes = 5000, within_days = 3 }",
                "can never fire: total_minutes 5000 exceeds"},
        BadRule{"what = \"phone_dark\"\nthen = { what = \"meter\" }",
                "'then' takes sighting, ticket"},
        BadRule{"what = \"phone_dark\"\nthen = { what = \"sighting\", to = \"capital\" }",
                "'to' (a ticket's destination) needs what = \"ticket\""},
        BadRule{"what = \"sighting\"\nwhere = { within_m = 100 }", "'within_m' needs 'near'"},
        BadRule{"what = \"sighting\"\nwhere = { nearby_m = 100 }",
                "'where.nearby_m' means nothing to a filter rule"},
        BadRule{"what = \"sighting\"\nwhen = { days = \"weekdys\" }",
                "names unknown kind of day 'weekdys' (expected one of 'any', 'workdays'"},
        BadRule{"what = \"sightings\"", "did you mean 'sighting'?"},
        BadRule{"what = \"sighting\"\nhow_often = { at_least = 0 }", "at_least"},
        BadRule{"what = \"sighting\"\nwith = { who = \"l\", within_minutes = 2 }\n"
                "how_often = { at_least = 101, distinct_companions = 5, within_days = 30 }",
                "a companions rule counts at most 100 entries"},
        BadRule{"what = \"sighting\"\nwith = { who = \"l\", within_minutes = 2 }\n"
                "how_often = { at_least = 6, distinct_companions = 101, within_days = 30 }",
                "distinct_companions"}));

TEST(LoaderTest, DuplicateNamesAreReported) {
  const std::string text = std::string(kMinimal) + R"(
[[groups]]
name = "a"
[[groups]]
name = "a"
)";
  EXPECT_THAT(Errors(text), HasSubstr("group name 'a' is used twice"));
}

TEST(LoaderTest, RecognitionRatesMustLeaveRoomForMisses) {
  const std::string text = std::string(kMinimal) + R"(
[recognition]
hit_rate = { everyone = 0.9 }
false_match_rate = { everyone = 0.2 }
)";
  EXPECT_THAT(Errors(text), HasSubstr("hit_rate + false_match_rate must be at most 1"));
}

TEST(LoaderTest, RulesCompileToTheOperatorTheirSlotsCallFor) {
  const std::string text = std::string(kMinimal) + R"(
[[lists]]
name = "drug"
recorded_traits = ["drug_use"]
[[rules]]
id = "whistle"
who = "anyone"
what = "meter"
how_often = { times_norm = 4 }
[[rules]]
id = "dark"
who = "drug"
what = "phone_dark"
[[rules]]
id = "hotel"
who = "drug"
what = "check_in"
with = { who = "drug", at_least = 1 }
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->policy.rules.size(), 3u);
  EXPECT_EQ(s->policy.rules[0].OperatorName(), "norm");
  EXPECT_EQ(s->policy.rules[0].who, kEveryone);
  EXPECT_DOUBLE_EQ(Exported(s->policy.rules[0]).times_norm, 4.0);
  EXPECT_EQ(s->policy.rules[1].OperatorName(), "filter");
  EXPECT_EQ(s->policy.rules[1].who, 0u);
  EXPECT_EQ(s->policy.rules[2].OperatorName(), "together");
  EXPECT_EQ(Exported(s->policy.rules[2]).with_within_minutes, kMinutesPerDay);  // the same night
}

TEST(LoaderTest, ScoresAreReadAsRulesAndCheckedPerMethod) {
  const std::string head = std::string(kMinimal) + R"(
[[lists]]
name = "p"
recorded_traits = ["petitioner"]
[[rules]]
id = "r"
who = "p"
what = "ticket"
)";
  const std::string good = head + R"(
[[scores]]
id = "risk"
who = "p"
method = "weighted"
weights = { past_trips = 2.0, personality = 0.5 }
raise_level_for = ["low_status"]
levels = [3, 5]
alert_level = 3
[[scores]]
id = "learned"
who = "anyone"
method = "learned"
retrain_every_days = 5
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(good, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->policy.rules.size(), 3u);
  EXPECT_EQ(s->policy.rules[1].OperatorName(), "weighted_score");
  EXPECT_DOUBLE_EQ(s->policy.rules[1]
                       .Params<ScoreOptions>()
                       .weights[static_cast<size_t>(ScoreFeature::kPastTrips)],
                   2.0);
  EXPECT_EQ(s->policy.rules[1].Params<ScoreOptions>().levels, (std::vector<double>{3, 5}));
  EXPECT_EQ(s->policy.rules[2].OperatorName(), "learned_score");
  EXPECT_EQ(s->policy.rules[2].Params<ScoreOptions>().retrain_every_days, 5);
  auto score = [&](std::string_view body) {
    return Errors(head + "[[scores]]\nid = \"x\"\nwho = \"p\"\n" + std::string(body));
  };
  EXPECT_THAT(score("method = \"guess\"\n"), HasSubstr("unknown scoring method 'guess'"));
  EXPECT_THAT(score("method = \"weighted\"\nlevels = [1]\n"), HasSubstr("missing key 'weights'"));
  EXPECT_THAT(score("method = \"weighted\"\nweights = { past_trip = 1 }\nlevels = [1]\n"),
              HasSubstr("did you mean 'past_trips'?"));
  EXPECT_THAT(score("method = \"weighted\"\nweights = { past_trips = 1 }\nlevels = [5, 3]\n"),
              HasSubstr("ascending numbers"));
  EXPECT_THAT(score("method = \"weighted\"\nweights = { past_trips = 1 }\nlevels = [1]\n"
                    "alert_level = 2\n"),
              HasSubstr("can never alert"));
  EXPECT_THAT(score("method = \"weighted\"\nweights = { past_trips = 1 }\nlevels = [1]\n"
                    "threshold = 0.5\n"),
              HasSubstr("'threshold' does not apply to method 'weighted'"));
  EXPECT_THAT(Errors(head + "[[scores]]\nid = \"r\"\nwho = \"p\"\nmethod = \"learned\"\n"),
              HasSubstr("id 'r' is used twice"));
}

TEST(LoaderTest, ListsMayBeLabelsFromTheRegister) {
  const std::string text = std::string(kMinimal) + R"(
[[lists]]
name = "no_permit"
foreign_national = true
work_permit = false
[[lists]]
name = "men"
sex = "male"
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->policy.lists[0].foreign, 1);
  EXPECT_EQ(s->policy.lists[0].work_permit, 0);
  EXPECT_EQ(s->policy.lists[1].sex, static_cast<int8_t>(Sex::kMale));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[[lists]]\nname = \"x\"\nsex = \"mail\"\n"),
              HasSubstr("unknown sex 'mail'; did you mean 'male'?"));
}

TEST(LoaderTest, CameraPlacementPoliciesAreRead) {
  const std::string text = std::string(kMinimal) + R"(
[cameras]
near = { school = 150 }
homes_of_recorded = ["mental_illness", "drug_use"]
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->sense.camera_near_m[static_cast<size_t>(PlaceType::kSchool)], 150.0);
  EXPECT_LT(s->sense.camera_near_m[static_cast<size_t>(PlaceType::kHotel)], 0.0);
  EXPECT_EQ(s->sense.camera_homes_of, Bit(Trait::kMentalIllness) | Bit(Trait::kDrugUse));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[cameras]\nnear = { scool = 100 }\n"),
              HasSubstr("did you mean 'school'?"));
}

TEST(LoaderTest, AuditOptionsAreRead) {
  const std::string text = std::string(kMinimal) + R"(
[[groups]]
name = "a"
[[groups]]
name = "b"
[audit]
twin = false
reference_group = "b"
band = [0.9, 1.1]
min_cell = 50
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_FALSE(s->audit.twin);
  EXPECT_EQ(s->audit.reference_group, "b");
  EXPECT_DOUBLE_EQ(s->audit.band_low, 0.9);
  EXPECT_DOUBLE_EQ(s->audit.band_high, 1.1);
  EXPECT_EQ(s->audit.min_cell, 50);
  EXPECT_THAT(Errors(std::string(kMinimal) + "[audit]\nband = [1.2, 0.8]\n"),
              HasSubstr("'band' must be [low, high] with 0 < low < 1 < high"));
  EXPECT_THAT(Errors(std::string(kMinimal) + "[audit]\nreference_group = \"majorty\"\n"),
              HasSubstr("unknown group 'majorty'"));
}

TEST(LoaderTest, RecordRatesAreRead) {
  const std::string text = std::string(kMinimal) + R"(
[records]
call_record_rate = 0.5
plate_read_rate = 0.9
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->sense.call_record_rate, 0.5);
  EXPECT_DOUBLE_EQ(s->sense.plate_read_rate, 0.9);
  EXPECT_THAT(
      Errors(std::string(kMinimal) + "[records]\nplate_red_rate = 0.1\n"),
      HasSubstr("unknown key 'plate_red_rate' in [records]; did you mean 'plate_read_rate'?"));
}

TEST(LoaderTest, PopulationTablesAreRead) {
  const std::string text = std::string(kMinimal) + R"(
[[groups]]
name = "majority"
[[groups]]
name = "minority"
[[districts]]
name = "A"
group_shares = { majority = 0.7, minority = 0.3 }

[population.households]
shared_share = 0.1
family_max_size = 4

[[population.roles]]
when = { age_max = 17 }
shares = { student = 1.0 }
[[population.roles]]
shares = { worker = 0.9, at_home = 0.1 }

[[population.status]]
when = { group = "minority", role = "worker" }
shares = { low = 0.5, middle = 0.5 }
[[population.status]]
shares = { middle = 1.0 }

[traits.petitioner]
prevalence = 0.02
[[traits.petitioner.given]]
when = { status = "low", traits = ["drug_use"], not_traits = ["official"] }
prevalence = 0.2
)";
  // "official" is drawn after "petitioner": the condition above is an error.
  EXPECT_THAT(Errors(text), HasSubstr("names trait 'official', which is drawn after 'petitioner'"));
  std::string fixed = text;
  fixed.replace(fixed.find(", not_traits = [\"official\"]"),
                std::string(", not_traits = [\"official\"]").size(), "");
  absl::StatusOr<Scenario> s = LoadScenarioText(fixed, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  const PopulationOptions& p = s->world.population;
  EXPECT_DOUBLE_EQ(p.households.shared_share, 0.1);
  EXPECT_EQ(p.households.family_max_size, 4);
  ASSERT_EQ(p.roles.size(), 1u);
  EXPECT_EQ(p.roles[0].when.age_max, 17);
  EXPECT_DOUBLE_EQ(p.roles[0].value[static_cast<size_t>(Role::kStudent)], 1.0);
  EXPECT_DOUBLE_EQ(p.default_roles[static_cast<size_t>(Role::kWorker)], 0.9);
  ASSERT_EQ(p.status.size(), 1u);
  EXPECT_EQ(p.status[0].when.group, 1);
  EXPECT_EQ(p.status[0].when.role, Role::kWorker);
  const TraitOptions& petitioner = p.traits[static_cast<size_t>(Trait::kPetitioner)];
  EXPECT_DOUBLE_EQ(petitioner.prevalence, 0.02);
  ASSERT_EQ(petitioner.given.size(), 1u);  // the built-in rows were replaced
  EXPECT_EQ(petitioner.given[0].when.traits_all, Bit(Trait::kDrugUse));
  EXPECT_DOUBLE_EQ(petitioner.given[0].value, 0.2);
  // Traits the file does not mention keep their built-in rows.
  EXPECT_FALSE(p.traits[static_cast<size_t>(Trait::kHiv)].given.empty());
}

TEST(LoaderTest, ShareTablesNeedACatchAllRowAndSharesSummingToOne) {
  const std::string text = std::string(kMinimal) + R"(
[[population.roles]]
when = { age_max = 17 }
shares = { student = 0.5 }
)";
  const std::string errors = Errors(text);
  EXPECT_THAT(errors, HasSubstr("the last [[population.roles]] row must have no 'when'"));
  EXPECT_THAT(errors, HasSubstr("'shares' in [[population.roles]] #1 must sum to 1, got 0.5"));
}

TEST(LoaderTest, ForeignTableIsReadWithItsCatchAllRow) {
  const std::string text = std::string(kMinimal) + R"(
[[population.foreign]]
when = { role = "worker" }
share = 0.01
work_permit_share = 0.2
[[population.foreign]]
share = 0.001
)";
  absl::StatusOr<Scenario> s = LoadScenarioText(text, "t.toml");
  ASSERT_TRUE(s.ok()) << s.status().message();
  const PopulationOptions& p = s->world.population;
  ASSERT_EQ(p.foreign.size(), 1u);
  EXPECT_DOUBLE_EQ(p.foreign[0].value.work_permit_share, 0.2);
  EXPECT_DOUBLE_EQ(p.default_foreign.share, 0.001);
  EXPECT_DOUBLE_EQ(p.default_foreign.work_permit_share, 1.0);
  const std::string no_catch_all = std::string(kMinimal) + R"(
[[population.foreign]]
when = { role = "worker" }
share = 0.01
)";
  EXPECT_THAT(Errors(no_catch_all), HasSubstr("the last [[population.foreign]] row must have no "
                                              "'when'"));
}

TEST(LoaderTest, ConditionsAreChecked) {
  const std::string text = std::string(kMinimal) + R"(
[[population.status]]
when = { role = "wroker", age_min = 40, age_max = 30, sex = "x", foreign = 1 }
shares = { low = 1.0 }
[[population.status]]
shares = { low = 1.0 }
)";
  const std::string errors = Errors(text);
  EXPECT_THAT(errors, HasSubstr("unknown role 'wroker'; did you mean 'worker'?"));
  EXPECT_THAT(errors, HasSubstr("this row can never apply: age_min 40 is above age_max 30"));
  EXPECT_THAT(errors, HasSubstr("unknown sex 'x'"));
  EXPECT_THAT(errors, HasSubstr("'foreign' in 'when' of [[population.status]] #1 must be true or "
                                "false, got an integer"));
}

}  // namespace
}  // namespace oversight
