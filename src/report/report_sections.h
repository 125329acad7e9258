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

// A compared metric in words, for sentences.
std::string_view MetricWords(std::string_view metric);

// The sections, in page order.
void ScenarioSection(HtmlPage* page, const Scenario& s, const RunFacts& facts,
                     const AuditResult& audit);
void GroupsSection(HtmlPage* page, const Scenario& s, const AuditResult& audit,
                   const std::vector<Disparity>& disparities);
void IntersectionsSection(HtmlPage* page, const Scenario& s, const AuditResult& audit,
                          const std::vector<Disparity>& disparities);
void RulesSection(HtmlPage* page, const Scenario& s, const AuditResult& audit);
void OperatorsSection(HtmlPage* page, const AuditResult& audit);
void LawfulSection(HtmlPage* page, const AuditResult& audit);
void FeedbackSection(HtmlPage* page, const Scenario& s, const AuditResult& audit);
void MapSection(HtmlPage* page, const RunFacts& facts, const AuditResult& audit);
void ReplicatesSection(HtmlPage* page, const Replicates& replicates);
void MethodsSection(HtmlPage* page);

}  // namespace oversight::report_html
