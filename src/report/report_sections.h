// The sections of report.html (report_html.h), one function per section, and the cells
// they share. Internal to the report stage: each section file writes one part of the page
// into an HtmlPage, in the order ReportHtml() calls them.
// Thread-safety: pure functions of their arguments (each writes only into `page`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_result.h"
#include "audit/disparity.h"
#include "audit/group_rates.h"
#include "audit/replicates.h"
#include "report/html_page.h"
#include "report/human_numbers.h"
#include "report/run_facts.h"
#include "scenario/scenario.h"

namespace oversight::report_html {

using Json = HtmlPage::Json;
using oversight::Percent;  // beside the NamedRate overload below

// The x channel of every chart by day: whole days only.
Json DayAxis();

// "41.2% <span>(412 / 1,000)</span>"; "n/a" when the denominator is 0. `percent` false
// prints the rate with three decimals (counts per person).
std::string RateCell(uint64_t numerator, uint64_t denominator, bool percent = true);
std::string RateCell(const NamedRate& rate, bool percent = true);

// Percent() of a named rate: "41.2% (412 of 1,000)".
std::string Percent(const NamedRate& rate);

// A disparity's ratio with its interval, "–" without data.
std::string Ratio(const Disparity& d);
std::string VerdictCell(Verdict v);

// A rate of GroupRates or RuleRates in words, for sentences and tables ("the share of
// alerts that were false alarms"); the name itself for a name it does not know.
std::string_view MetricWords(std::string_view metric);

// For a compared metric, whether a higher rate for a group is worse for that group (more
// false alarms, more innocents flagged, more contacts) or better (higher precision).
bool HigherIsWorse(std::string_view metric);

// Which way an estimated disparity leans for the group: "against &lsquo;minority&rsquo;",
// "in favour of ..." (HTML), or "" when the ratio is 1 or there is no estimate.
std::string Leaning(const Disparity& d);

// The colour channel of a chart whose `field` holds group names: one colour per group,
// keyed by its name, the same in every chart of the page.
Json GroupColor(const AuditResult& audit, std::string_view field = "group");

// A layer that prints each horizontal bar's value at its end, so a bar of length 0 still
// reads "0.0%". The y channel comes from the enclosing layered chart.
Json BarLabels(std::string_view x_field, std::string_view format);

// A table of `disparities`: the groups' (or, with `cells`, the intersection cells') rows,
// each metric in words with the direction that is worse for the group.
void DisparityTable(HtmlPage* page, const std::vector<Disparity>& disparities, bool cells,
                    std::string_view caption);

// The sections, in page order.
void ScenarioSection(HtmlPage* page, const Scenario& s, const RunFacts& facts,
                     const AuditResult& audit);
void GroupsSection(HtmlPage* page, const AuditResult& audit);
void DisparitySection(HtmlPage* page, const Scenario& s, const AuditResult& audit,
                      const std::vector<Disparity>& disparities);
void IntersectionsSection(HtmlPage* page, const Scenario& s, const AuditResult& audit,
                          const std::vector<Disparity>& disparities);
void RulesSection(HtmlPage* page, const Scenario& s, const AuditResult& audit);
void OperatorsSection(HtmlPage* page, const AuditResult& audit);
void LawfulSection(HtmlPage* page, const AuditResult& audit);
void FeedbackSection(HtmlPage* page, const Scenario& s, const AuditResult& audit);
void MapSection(HtmlPage* page, const RunFacts& facts, const AuditResult& audit);
void ReplicatesSection(HtmlPage* page, const AuditResult& audit, const Replicates& replicates);
void MethodsSection(HtmlPage* page);

}  // namespace oversight::report_html
