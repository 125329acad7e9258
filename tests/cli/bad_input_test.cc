// Bad input, exhaustively: malformed scenarios, each run through `oversight run` as a user
// would. Every one must end with exit code 2, a message "file:line:column: error: ..."
// naming the line of the mistake and saying what was expected, no output folder, and no
// crash or hang (each run is bounded by `timeout`).
//
// The cases by kind: TOML syntax; wrong types; unknown keys, sections and names (with a
// suggestion); negative, zero or absurd sizes; probabilities outside [0, 1]; dangling
// references between lists, rules, scores, groups and districts; empty or inconsistent
// groups; rules and lists that could never fire; the place models' sections and files; and
// hostile input (binary, deep nesting). Lists do not refer to rules in the scenario format
// (a list grows from alerts of any rule), so no cycle between them can be written.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>

namespace oversight {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

struct BadInput {
  const char* name;
  int line;               // the line the first error about `fragment` must name
  std::string_view text;  // the scenario file
  const char* fragment;   // what the message must say
};

// clang-format off
const BadInput kCases[] = {
    {"unclosed_string", 2,
     "[scenario]\nname = \"bad\ndays = 3\n"sv,
     "TOML syntax"},
    {"missing_value", 3,
     "[scenario]\nname = \"bad\"\ndays =\n"sv,
     "expected value"},
    {"duplicate_key", 3,
     "[scenario]\ndays = 3\ndays = 4\n"sv,
     "cannot redefine existing integer 'days'"},
    {"duplicate_table", 3,
     "[scenario]\ndays = 3\n[scenario]\nseed = 2\n"sv,
     "cannot redefine existing table 'scenario'"},
    {"unterminated_header", 1,
     "[scenario\ndays = 3\n"sv,
     "expected ']'"},
    {"bad_inline_table", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[police]\ncost = { visit = 1,, intercept = 2 }\n"sv,
     "inline table"},
    {"days_string", 2,
     "[scenario]\ndays = \"thirty\"\n"sv,
     "'days' in [scenario] must be an integer from 1 to 3650, got a string"},
    {"persons_float", 2,
     "[scenario]\npersons = 1.5\n"sv,
     "must be an integer from 1 to 100000000, got a floating-point number"},
    {"seed_bool", 2,
     "[scenario]\nseed = true\n"sv,
     "'seed' in [scenario] must be an integer"},
    {"capacity_string", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[police]\ncapacity_per_day = \"lots\"\n"sv,
     "'capacity_per_day' in [police] must be a number"},
    {"rule_who_number", 9,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = 3\nwhat = \"ticket\"\n"sv,
     "'who' in [[rules]] #1 must be a string"},
    {"camera_share_scalar", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[cameras]\nshare = 0.5\n"sv,
     "'share' in [cameras] must be a table"},
    {"group_name_number", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[groups]]\nname = 7\n"sv,
     "'name' in [[groups]] #1 must be a string"},
    {"unknown_key", 2,
     "[scenario]\ndayz = 3\n"sv,
     "unknown key 'dayz' in [scenario]; did you mean 'days'?"},
    {"unknown_section", 7,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[polce]\ncapacity_per_day = 3\n"sv,
     "did you mean 'police'?"},
    {"unknown_rule_key", 14,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[lists]]\nname = \"l\"\nrecorded_traits = [\"drug_use\"]\n" "[[rules]]\nid = \"r\"\nwho = \"l\"\nwhat = \"sighting\"\nwher = { at = \"park\" }\n"sv,
     "did you mean 'where'?"},
    {"unknown_place_type", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[cameras]\nshare = { casino = 0.5 }\n"sv,
     "unknown place type 'casino'"},
    {"unknown_trait", 9,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[lists]]\nname = \"l\"\nrecorded_traits = [\"wizardry\"]\n"sv,
     "unknown trait 'wizardry'"},
    {"days_zero", 2,
     "[scenario]\ndays = 0\n"sv,
     "got 0"},
    {"days_negative", 2,
     "[scenario]\ndays = -5\n"sv,
     "got -5"},
    {"persons_zero", 2,
     "[scenario]\npersons = 0\n"sv,
     "'persons' in [scenario] must be an integer from 1"},
    {"persons_absurd", 2,
     "[scenario]\npersons = 1000000000000\n"sv,
     "got 1000000000000"},
    {"capacity_negative", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[police]\ncapacity_per_day = -1\n"sv,
     "got -1"},
    {"district_size_zero", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[city]\ndistrict_size_m = 0\n"sv,
     "'district_size_m' in [city] must be a number from 100"},
    {"urn_runs_zero", 6,
     "[scenario]\nmodel = \"urn\"\n[urn]\ndiscovered_rate = [1, 1]\n" "start = [1, 1]\nruns = 0\n"sv,
     "'runs' in [urn] must be an integer from 1"},
    {"travel_rate_above_one", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[life]\ntravel_rate = 1.5\n"sv,
     "'travel_rate' in [life] must be a number from 0 to 1, got 1.5"},
    {"hit_rate_negative", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[recognition]\nhit_rate = -0.1\n"sv,
     "'hit_rate' in [recognition] must be a table of group names"},
    {"deterrence_above_one", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[deterrence]\nlawful_per_contact = 2\n"sv,
     "must be a number from 0 to 1, got 2"},
    {"evasion_negative", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[evasion]\nbase_share = -0.2\n"sv,
     "got -0.2"},
    {"prevalence_above_one", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[traits.drug_use]\nprevalence = 1.2\n"sv,
     "'prevalence' in [traits.drug_use] must be a number from 0 to 1, got 1.2"},
    {"rule_dangling_list", 9,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = \"nolist\"\nwhat = \"ticket\"\n"sv,
     "refers to a list, but the scenario defines no [[lists]]"},
    {"rule_with_dangling_list", 11,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = \"anyone\"\nwhat = \"sighting\"\n" "with = { who = \"nolist\", at_least = 1 }\n"sv,
     "refers to a list, but the scenario defines no [[lists]]"},
    {"score_dangling_ties", 15,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[lists]]\nname = \"p\"\nrecorded_traits = [\"petitioner\"]\n" "[[scores]]\nid = \"s\"\nwho = \"p\"\nmethod = \"weighted\"\n" "weights = { past_trips = 1.0 }\nties_list = \"nolist\"\nlevels = [1.0]\n" "alert_level = 1\n"sv,
     "names unknown list (or \"anyone\") 'nolist'"},
    {"district_unknown_group", 9,
     "[scenario]\nname = \"x\"\n[[groups]]\nname = \"a\"\n[[groups]]\nname = \"b\"\n" "[[districts]]\nname = \"d\"\ngroup_shares = { a = 0.5, c = 0.5 }\n"sv,
     "names unknown group 'c'"},
    {"camera_unknown_district", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[cameras]\ndistrict_multiplier = { Atlantis = 2 }\n"sv,
     "unknown district 'Atlantis'"},
    {"unknown_response", 11,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = \"anyone\"\nwhat = \"ticket\"\n" "response = \"arrest\"\n"sv,
     "unknown police response 'arrest'"},
    {"red_list_unknown_trait", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[red_list]\nrecorded_traits = [\"royal\"]\n"sv,
     "unknown trait 'royal'"},
    {"duplicate_list", 11,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[lists]]\nname = \"l\"\nrecorded_traits = [\"drug_use\"]\n" "[[lists]]\nname = \"l\"\nrecorded_traits = [\"hiv\"]\n"sv,
     "list name 'l' is used twice"},
    {"duplicate_rule", 12,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = \"anyone\"\nwhat = \"ticket\"\n" "[[rules]]\nid = \"r\"\nwho = \"anyone\"\nwhat = \"meter\"\n" "how_often = { times_norm = 3.0 }\n"sv,
     "rule id 'r' is used twice"},
    {"group_without_name", 3,
     "[scenario]\nname = \"x\"\n[[groups]]\nrecord_bias = 2.0\n"sv,
     "missing key 'name' in [[groups]] #1"},
    {"group_shares_not_one", 9,
     "[scenario]\nname = \"x\"\n[[groups]]\nname = \"a\"\n[[groups]]\nname = \"b\"\n" "[[districts]]\nname = \"d\"\ngroup_shares = { a = 0.2, b = 0.2 }\n"sv,
     "must sum to 1, got 0.4"},
    {"district_without_shares", 7,
     "[scenario]\nname = \"x\"\n[[groups]]\nname = \"a\"\n[[groups]]\nname = \"b\"\n" "[[districts]]\nname = \"d\"\n"sv,
     "missing key 'group_shares'"},
    {"rule_empty_hours", 11,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = \"anyone\"\nwhat = \"sighting\"\n" "when = { hours = [5, 5] }\n"sv,
     "can never fire: 'hours' = [5, 5] is an empty span"},
    {"rule_at_least_zero", 11,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[rules]]\nid = \"r\"\nwho = \"anyone\"\nwhat = \"sighting\"\n" "how_often = { at_least = 0, within_days = 7 }\n"sv,
     "'at_least' in [[rules]] #1 how_often must be an integer from 1"},
    {"urn_with_persons", 3,
     "[scenario]\nmodel = \"urn\"\npersons = 5\n[urn]\ndiscovered_rate = [1, 1]\n" "start = [1, 1]\n"sv,
     "'persons' does not apply to model \"urn\""},
    {"predpol_missing_records", 3,
     "[scenario]\nmodel = \"predpol\"\n[predpol]\nfirst_day = \"2011-01-01\"\n"sv,
     "missing key 'records' in [predpol]"},
    {"police_cost_negative", 8,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[police]\ncost = { visit = -1 }\n"sv,
     "'visit' in [police.cost] must be a number from 0"},
    {"holiday_beyond_run", 9,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[calendar.holidays]]\nname = \"h\"\nfirst_day = -3\n"sv,
     "'first_day' in [[calendar.holidays]] #1 must be an integer from 0"},
    {"empty_file", 1,
     ""sv,
     "missing section [scenario]"},
    {"not_toml", 1,
     "this is not a scenario\n"sv,
     "expected '='"},
    {"binary_garbage", 1,
     "\000\001\002[[[\n"sv,
     "TOML syntax"},
    {"deep_nesting", 3,
     "[scenario]\nname = \"x\"\n" "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"sv,
     "maximum nested value depth"},
    {"pair_period_longer_than_run", 10,
     "[scenario]\nname = \"x\"\ndays = 10\n[[rules]]\nid = \"s\"\nwho = \"anyone\"\n" "what = \"location\"\nwhen = { hours = [20, 7] }\nwith = { spouse = true }\n" "how_often = { together_below = 0.2, within_days = 30 }\n"sv,
     "can never fire: it judges couples at the end of each period of within_days (30) days, longer than the run (10 days)"},
    {"list_holds_nobody", 7,
     "[scenario]\nname = \"bad\"\ncity = \"default\"\nseed = 1\ndays = 3\n" "persons = 200\n[[lists]]\nname = \"l\"\n"sv,
     "missing key 'recorded_traits' in [[lists]] #1; expected who is on the list"},
    {"predpol_records_missing_file", 4,
     "[scenario]\nmodel = \"predpol\"\n[predpol]\nrecords = \"nowhere.csv\"\n" "first_day = \"2011-01-01\"\n"sv,
     "cannot use 'records': cannot read"},
    {"predpol_bad_date", 5,
     "[scenario]\nmodel = \"predpol\"\n[predpol]\nrecords = \"nowhere.csv\"\n" "first_day = \"2011-13-01\"\n"sv,
     "'first_day' must be a date such as"},
    {"reporting_theta_absurd", 4,
     "[scenario]\nmodel = \"reporting\"\n[reporting]\ndistricts = \"d.csv\"\n" "cells = \"c.csv\"\ntheta = 1.5\n"sv,
     "cannot use 'districts': cannot read"},
    {"city_unknown", 2,
     "[scenario]\ncity = \"gotham\"\n"sv,
     "names unknown city to start from 'gotham' (expected one of 'default')"},
    {"model_unknown", 2,
     "[scenario]\nmodel = \"crystal_ball\"\n"sv,
     "'crystal_ball'"},
    {"predpol_records_device", 4,
     "[scenario]\nmodel = \"predpol\"\n[predpol]\nrecords = \"/dev/zero\"\nfirst_day = \"2011-01-01\"\n"sv,
     "'/dev/zero' is not a regular file; expected a CSV file"},
    {"predpol_records_folder", 4,
     "[scenario]\nmodel = \"predpol\"\n[predpol]\nrecords = \"/\"\nfirst_day = \"2011-01-01\"\n"sv,
     "'/' is not a regular file"},
};
// clang-format on

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ExitsTwoWithFileLineColumnAndWritesNothing) {
  const BadInput& c = GetParam();
  const fs::path dir = fs::temp_directory_path() /
                       ("oversight-bad-input-" + std::to_string(getpid()) + "-" + c.name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / (std::string(c.name) + ".toml");
  {
    std::ofstream out(file, std::ios::binary);
    out.write(c.text.data(), static_cast<std::streamsize>(c.text.size()));
  }
  const fs::path out = dir / "out";
  const fs::path err = dir / "stderr.txt";
  const std::string command = "timeout 60 " + std::string(OVERSIGHT_BINARY) + " run " +
                              file.string() + " --quiet --out " + out.string() + " >/dev/null 2>" +
                              err.string() + " </dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal";
  const std::string message = Slurp(err);
  EXPECT_EQ(WEXITSTATUS(status), 2) << message;
  // The line that says what was expected carries file:line:column.
  bool found = false;
  std::istringstream lines(message);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(c.fragment) == std::string::npos) continue;
    std::smatch m;
    const std::regex where(
        std::regex_replace(file.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
        R"(:(\d+):(\d+): error: )");
    if (std::regex_search(line, m, where) && std::stoi(m[1]) == c.line && std::stoi(m[2]) >= 1) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "expected " << file.string() << ":" << c.line << ":<column>: error: ... "
                     << c.fragment << "\ngot:\n"
                     << message;
  // Nothing that looks like output.
  EXPECT_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find("out.partial"), std::string::npos);
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInputTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<BadInput>& param) {
                           return std::string(param.param.name);
                         });

// The table covers at least 40 cases (checked when it compiles).
static_assert(std::size(kCases) >= 40);

}  // namespace
}  // namespace oversight
