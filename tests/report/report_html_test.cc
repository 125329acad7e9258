#include "report/report_html.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <utility>

#include "scenario/loader.h"

namespace oversight {
namespace {

AuditResult SmallAudit(const std::string& minority_name) {
  AuditResult audit;
  GroupCounts a{.name = "majority",
                .persons = 900,
                .harmful_persons = 9,
                .alerts = 60,
                .false_alarms = 57,
                .flagged_persons = 30,
                .flagged_innocents = 28};
  GroupCounts b{.name = minority_name,
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
                            .flagged_innocents = 48};
  audit.rules = {RuleCounts{.id = "near_school",
                            .op = "filter",
                            .what = "sighting",
                            .category = "social",
                            .response = "visit",
                            .alerts = 100,
                            .false_alarms = 97,
                            .group_alerts = {60, 40}}};
  audit.days = {DayCounts{.day = 0, .alerts = 100, .group_alerts = {60, 40}}};
  return audit;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The page's own HTML: what comes before the inlined libraries.
std::string Body(const std::string& page) { return page.substr(0, page.find("<script>")); }

// Whether `text` holds `what` (a boolean, so that a failure does not print a whole page).
bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// The chart specifications of a page, by chart id.
nlohmann::json Charts(const std::string& page) {
  const size_t begin = page.find("<script type=\"application/json\" id=\"charts\">");
  if (begin == std::string::npos) return nlohmann::json::object();
  const size_t from = page.find('>', begin) + 1;
  return nlohmann::json::parse(page.substr(from, page.find("</script>", from) - from));
}

std::string Page(const AuditResult& audit, const Replicates* replicates = nullptr) {
  RunFacts facts;
  facts.version = "test";
  facts.districts = {
      DistrictFacts{.name = "Old Town", .x0 = 0, .y0 = 0, .size = 3000, .cameras = 12}};
  AuditResult a = audit;
  a.district_persons = {1000};
  a.district_alerts = {100};
  return ReportHtml(DefaultScenario(), facts, a, replicates);
}

TEST(ReportHtmlTest, ScenarioTextIsEscapedEverywhere) {
  const std::string page = Body(Page(SmallAudit("<img src=x onerror=alert(1)>")));
  EXPECT_FALSE(Has(page, "<img src=x"));
  EXPECT_TRUE(Has(page, "&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_EQ(EscapeHtml("a&b<c>\"d'"), "a&amp;b&lt;c&gt;&quot;d&#39;");
}

TEST(ReportHtmlTest, PageIsSelfContainedAndEveryChartHasABox) {
  const std::string page = Page(SmallAudit("minority"));
  // Nothing is fetched: no external script, style sheet or image.
  EXPECT_FALSE(std::regex_search(page, std::regex(R"((src|href)\s*=\s*["']?(https?:)?//)")));
  EXPECT_FALSE(Has(Body(page), "<link"));
  EXPECT_TRUE(Has(page, "/* vega 6."));
  EXPECT_TRUE(Has(page, "/* vega-lite 6."));
  EXPECT_TRUE(Has(page, "/* vega-embed 7."));
  // The chart specifications parse, and each has its box and a text alternative.
  const nlohmann::json charts = Charts(page);
  EXPECT_GE(charts.size(), 8u);
  for (const auto& [id, spec] : charts.items()) {
    EXPECT_TRUE(Has(page, "<div id=\"" + id + "\" class=\"chart\">")) << id;
    EXPECT_GT(spec["description"].get<std::string>().size(), 20u) << id;
  }
}

TEST(ReportHtmlTest, TablesHaveCaptionsAndRatesShowTheirCounts) {
  const std::string page = Body(Page(SmallAudit("minority")));
  EXPECT_EQ(Count(page, "<table>"), Count(page, "<table><caption>"));
  EXPECT_GE(Count(page, "<table>"), 8u);
  // The minority's share of alerts, with numerator and denominator.
  EXPECT_TRUE(Has(page, "40.0% <span class=\"nd\">(40 / 100)</span>"));
  // Verdicts in words, never colour alone; undefined rates say so.
  EXPECT_TRUE(Has(page, "<span class=\"verdict\">outside band</span>"));
  EXPECT_TRUE(Has(page, "n/a <span class=\"nd\">(0 / 0)</span>"));
  EXPECT_TRUE(Has(page, "Who it hit: majority: 60.0% (60 of 100); minority: 40.0%"));
  for (const char* section : {"findings", "scenario", "groups", "disparities", "intersections",
                              "rules", "operators", "lawful", "feedback", "map", "methods"}) {
    EXPECT_TRUE(Has(page, std::string("<section id=\"") + section + "\">")) << section;
    EXPECT_TRUE(Has(page, std::string("<a href=\"#") + section + "\">")) << section;
  }
  EXPECT_FALSE(Has(page, "id=\"replicates\""));
}

// A rule's card says what the red list hid from it; a rule the red list did not touch says
// nothing about it.
TEST(ReportHtmlTest, RuleCardSaysWhatTheRedListSuppressed) {
  AuditResult audit = SmallAudit("minority");
  EXPECT_FALSE(Has(Body(Page(audit)), "Suppressed by the red list"));
  audit.rules[0].red_list_suppressed = 17;
  audit.rules[0].red_list_suppressed_harmful = 2;
  EXPECT_TRUE(Has(Body(Page(audit)),
                  "Suppressed by the red list: 17 alerts on exempt persons, 2 of them on persons "
                  "with a harmful intent."));
}

// The replicates section: the headline metrics in words, for everyone and each group, each
// interval within the range of its rate; each rule's precision; a link in the contents.
TEST(ReportHtmlTest, ReplicatesShowHeadlineMetricsInWordsWithinRange) {
  Replicates replicates;
  replicates.seeds = {1, 2, 3};
  auto metric = [](std::string name, double mean, double low, double high) {
    return ReplicateMetric{.name = std::move(name),
                           .values = {mean, mean, mean},
                           .interval = Estimate{.n = 3, .mean = mean, .low = low, .high = high}};
  };
  replicates.metrics = {metric("all.false_alarm_share", 0.97, 0.9, 1.04),
                        metric("group.minority.false_alarm_share", 0.2, -0.1, 0.5),
                        metric("all.contacts_per_innocent", 0.01, -0.02, 0.04),
                        metric("rule.near_school.precision", 0.2, 0.05, 0.35)};
  const std::string page = Body(Page(SmallAudit("minority"), &replicates));
  EXPECT_TRUE(Has(page, "<section id=\"replicates\">"));
  EXPECT_TRUE(Has(page, "<a href=\"#replicates\">"));
  EXPECT_TRUE(Has(page, "Across 3 replicates"));
  EXPECT_TRUE(Has(page,
                  "<th scope=\"row\">share of alerts that were false alarms</th>"
                  "<td>97.0% <span class=\"nd\">[90.0%, 100.0%]</span></td>"
                  "<td>n/a</td><td>20.0% <span class=\"nd\">[0.0%, 50.0%]</span></td>"));
  EXPECT_TRUE(Has(page, "<td>0.010 <span class=\"nd\">[0.000, 0.040]</span></td>"));
  EXPECT_TRUE(Has(page,
                  "<th scope=\"row\">near_school</th><td>20.0% <span class=\"nd\">[5.0%, "
                  "35.0%]</span></td><td>3</td>"));
  EXPECT_FALSE(Has(page, "all.false_alarm_share"));
  EXPECT_FALSE(Has(page, "share of the population</th>"));  // not a headline metric
}

// A disparity says which way it leans: more false alarms are against the group, higher
// precision in its favour; metrics are named in words, never by their keys.
TEST(ReportHtmlTest, DisparitiesSayWhichWayTheyLeanInWords) {
  const std::string page = Body(Page(SmallAudit("minority")));
  EXPECT_TRUE(Has(page, "<h3>Which metric answers which question</h3>"));
  EXPECT_TRUE(Has(page, "worse for the group when"));
  // The minority's alerts are all false alarms (40 of 40) against 57 of 60: ratio 1.05.
  EXPECT_TRUE(Has(page,
                  "<td class=\"text\">share of alerts that were false alarms</td>"
                  "<td class=\"text\">higher</td>"));
  EXPECT_TRUE(Has(page,
                  "<td class=\"text\">share of alerts naming a person with a harmful "
                  "intent (precision)</td><td class=\"text\">lower</td>"));
  for (const char* key : {"false_alarm_share", "innocents_flagged_share", "flagged_share",
                          "contacts_per_innocent", "population_share", "alert_share"}) {
    EXPECT_FALSE(Has(page, key)) << key;
  }
  const nlohmann::json charts = Charts(Page(SmallAudit("minority")));
  ASSERT_TRUE(charts.contains("chart-disparities"));
}

TEST(ReportHtmlTest, LeaningFollowsTheMetric) {
  AuditResult audit = SmallAudit("minority");
  audit.groups[1].flagged_innocents = 60;  // 60 of 99 innocents against 28 of 891
  audit.groups[1].flagged_persons = 60;
  const std::string page = Body(Page(audit));
  EXPECT_TRUE(Has(page, "outside band</span>, <span class=\"worse\">against &lsquo;minority"));
  EXPECT_TRUE(Has(page, "<li>Outside the band, <span class=\"worse\">against &lsquo;minority"));
}

// Every chart that shows groups gives each group the same colour, keyed by its name.
TEST(ReportHtmlTest, EachGroupHasOneColourInEveryChart) {
  AuditResult audit = SmallAudit("minority");
  audit.days = {
      DayCounts{.day = 0, .alerts = 100, .group_alerts = {60, 40}, .group_listed = {9, 3}},
      DayCounts{.day = 1, .alerts = 90, .group_alerts = {50, 40}, .group_listed = {9, 5}}};
  const nlohmann::json charts = Charts(Page(audit));
  const nlohmann::json expected = {{"domain", nlohmann::json::array({"majority", "minority"})},
                                   {"range", nlohmann::json::array({"#4c78a8", "#f58518"})}};
  EXPECT_EQ(charts["chart-alerts-days"]["encoding"]["color"]["scale"], expected);
  size_t coloured = 0;
  for (const auto& layer : charts["chart-feedback"]["layer"]) {
    if (!layer["encoding"].contains("color")) continue;
    EXPECT_EQ(layer["encoding"]["color"]["scale"], expected);
    ++coloured;
  }
  EXPECT_EQ(coloured, 2u);
  // The feedback chart plots the truth and the watchlist beside the alerts, and the alert
  // ratio's interval: day 1, 40 / 100 against 50 / 900, ratio 7.2.
  bool truth = false, listed = false, interval = false;
  for (const auto& row : charts["chart-feedback"]["data"]["values"]) {
    truth = truth || row["measure"] == "harmful intent (the truth)";
    listed = listed || row["measure"] == "on a watchlist";
    if (row["day"] == 1 && row["measure"] == "alerts") {
      EXPECT_NEAR(row["ratio"].get<double>(), 7.2, 1e-9);
      const double half = 1.96 * std::sqrt(1.0 / 40 + 1.0 / 50);
      EXPECT_NEAR(row["low"].get<double>(), 7.2 * std::exp(-half), 1e-9);
      EXPECT_NEAR(row["high"].get<double>(), 7.2 * std::exp(half), 1e-9);
      interval = true;
    }
  }
  EXPECT_TRUE(truth && listed && interval);
}

// A chart of zeros still says so: each bar is labelled, and the caption names the case.
TEST(ReportHtmlTest, AllZeroPrecisionIsLabelled) {
  AuditResult audit = SmallAudit("minority");
  audit.rules[0].false_alarms = audit.rules[0].alerts;
  const std::string page = Page(audit);
  EXPECT_TRUE(Has(Body(page), "Every rule that fired had a precision of 0%"));
  const nlohmann::json spec = Charts(page)["chart-rule-precision"];
  ASSERT_EQ(spec["layer"].size(), 2u);
  EXPECT_EQ(spec["layer"][1]["mark"]["type"], "text");
  EXPECT_EQ(spec["layer"][1]["encoding"]["text"]["format"], ".1%");
}

// Every chart can be saved as SVG or PNG; the page prints on A4 without splitting cards or
// charts; the footer names the libraries.
TEST(ReportHtmlTest, ChartsExportAndThePagePrints) {
  const std::string page = Page(SmallAudit("minority"));
  EXPECT_TRUE(Has(page, "export: {svg: true, png: true}"));
  EXPECT_TRUE(Has(page, "@page { size: A4;"));
  EXPECT_TRUE(Has(page, ".rule, figure, tr, .notice { break-inside: avoid;"));
  EXPECT_TRUE(Has(Body(page), "<footer><p>Made by Oversight (Apache-2.0). Charts drawn by vega "));
  // The map's colour scale runs from the lowest value, not from zero.
  const nlohmann::json map = Charts(page)["chart-map-alerts"];
  EXPECT_EQ(map["layer"][0]["encoding"]["color"]["scale"]["zero"], false);
}

// Only aggregates go in: a ten-year run with many rules stays far under 5 MB.
TEST(ReportHtmlTest, ALongRunStaysUnderFiveMegabytes) {
  AuditResult audit = SmallAudit("minority");
  audit.days.clear();
  for (int32_t d = 0; d < 3650; ++d) {
    audit.days.push_back(DayCounts{.day = d,
                                   .alerts = 1000,
                                   .lawful_acts = 20,
                                   .group_alerts = {600, 400},
                                   .group_listed = {50, 30}});
  }
  for (int r = 0; r < 40; ++r) audit.rules.push_back(audit.rules.front());
  const std::string page = Page(audit);
  EXPECT_LT(page.size(), 5u * 1024 * 1024);
}

}  // namespace
}  // namespace oversight
