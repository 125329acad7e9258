#include "report/report_html.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

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
  const size_t begin = page.find("<script type=\"application/json\" id=\"charts\">");
  ASSERT_NE(begin, std::string::npos);
  const size_t from = page.find('>', begin) + 1;
  const auto charts = nlohmann::json::parse(page.substr(from, page.find("</script>", from) - from));
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
  for (const char* section : {"findings", "scenario", "groups", "intersections", "rules",
                              "operators", "lawful", "feedback", "map", "methods"}) {
    EXPECT_TRUE(Has(page, std::string("<section id=\"") + section + "\">")) << section;
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

TEST(ReportHtmlTest, ReplicatesGetTheirOwnSection) {
  Replicates replicates;
  replicates.seeds = {1, 2, 3};
  replicates.metrics = {ReplicateMetric{
      .name = "all.precision",
      .values = {0.1, 0.2, 0.3},
      .interval = Estimate{.n = 3, .mean = 0.2, .sd = 0.1, .low = 0.05, .high = 0.35}}};
  const std::string page = Body(Page(SmallAudit("minority"), &replicates));
  EXPECT_TRUE(Has(page, "<section id=\"replicates\">"));
  EXPECT_TRUE(Has(page, "Across 3 replicates"));
  EXPECT_TRUE(Has(page, "<th scope=\"row\">all.precision</th><td>0.2</td><td>[0.05, 0.35]</td>"));
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
