// report.html: lawful activity against the twin, and the feedback over time.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "audit/feedback.h"
#include "audit/rate.h"
#include "report/human_numbers.h"
#include "report/report_sections.h"

namespace oversight::report_html {

void LawfulSection(HtmlPage* page, const AuditResult& audit) {
  page->Add("<section id=\"lawful\">\n<h2>Lawful activity suppressed, and the twin</h2>\n");
  page->Addf(
      "<table><caption>Petition trips and gatherings, by group</caption><thead><tr>"
      "<th scope=\"col\">group</th><th scope=\"col\">set out on</th><th scope=\"col\">stopped"
      "</th>{}</tr></thead><tbody>\n",
      audit.twin ? "<th scope=\"col\">in the twin (policy off)</th>"
                   "<th scope=\"col\">lost against the twin</th>"
                 : "");
  std::vector<const GroupCounts*> rows;
  for (const GroupCounts& g : audit.groups) rows.push_back(&g);
  rows.push_back(&audit.total);
  for (const GroupCounts* g : rows) {
    const std::vector<NamedRate> rates = GroupRates(*g, audit.total, audit.twin);
    page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>{}</tr>\n", EscapeHtml(g->name),
               WithThousands(g->lawful_acts), RateCell(RateNamed(rates, "lawful_stopped_share")),
               audit.twin
                   ? fmt::format("<td>{}</td><td>{}</td>", WithThousands(g->twin_lawful_acts),
                                 RateCell(RateNamed(rates, "lawful_lost_share")))
                   : std::string());
  }
  page->Add("</tbody></table>\n");
  if (audit.twin) {
    const GroupCounts& t = audit.total;
    const std::vector<NamedRate> all = GroupRates(t, t, audit.twin);
    page->Addf(
        "<p>The twin is the same city living the same days with the policy switched off, "
        "sharing every random number: what differs is the policy's doing.</p>\n"
        "<table><caption>The run against its twin (everyone)</caption><thead><tr>"
        "<th scope=\"col\">acts</th><th scope=\"col\">in the twin</th>"
        "<th scope=\"col\">set out on in the run</th><th scope=\"col\">stopped by the police"
        "</th><th scope=\"col\">happened</th><th scope=\"col\">taken away by the policy</th>"
        "</tr></thead><tbody>\n"
        "<tr><th scope=\"row\">lawful (petition trips, gatherings)</th><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td></tr>\n"
        "<tr><th scope=\"row\">harmful</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n</tbody></table>\n",
        WithThousands(t.twin_lawful_acts), WithThousands(t.lawful_acts),
        WithThousands(t.lawful_stopped), WithThousands(t.lawful_acts - t.lawful_stopped),
        RateCell(RateNamed(all, "lawful_lost_share")), WithThousands(t.twin_harmful_acts),
        WithThousands(t.harmful_acts), WithThousands(t.harmful_acts_stopped),
        WithThousands(t.harmful_acts - t.harmful_acts_stopped),
        RateCell(RateNamed(all, "harmful_prevented_share")));
  }
  Json values = Json::array();
  for (const DayCounts& d : audit.days) {
    values.push_back({{"day", d.day},
                      {"series", "happened, with the policy"},
                      {"acts", d.lawful_acts - d.lawful_stopped}});
    if (audit.twin) {
      values.push_back({{"day", d.day},
                        {"series", "happened in the twin (policy off)"},
                        {"acts", d.twin_lawful_acts}});
    }
  }
  page->Chart(
      "chart-lawful-days",
      {{"data", {{"values", values}}},
       {"mark", {{"type", "line"}, {"point", true}}},
       {"height", 200},
       {"encoding",
        {{"x", DayAxis()},
         {"y",
          {{"field", "acts"}, {"type", "quantitative"}, {"title", "lawful acts that happened"}}},
         {"color",
          {{"field", "series"},
           {"type", "nominal"},
           {"title", nullptr},
           {"legend", {{"orient", "bottom"}, {"labelLimit", 400}}}}},
         {"strokeDash", {{"field", "series"}, {"type", "nominal"}}}}}},
      "Line chart: lawful acts that happened each day, with the policy and in the twin.",
      "Lawful acts (petition trips, gatherings attended) that happened each day, with "
      "the policy and, where a twin ran, without it.");
  page->Add("</section>\n");
}

void FeedbackSection(HtmlPage* page, const Scenario& s, const AuditResult& audit) {
  page->Add("<section id=\"feedback\">\n<h2>Feedback over time</h2>\n");
  const std::vector<FeedbackTrend> trends = Feedback(audit, s.audit);
  auto x = [](const std::optional<double>& v) {
    return v ? fmt::format("{:.2f}&times;", *v) : std::string("n/a");
  };
  Json values = Json::array();
  for (const FeedbackTrend& f : trends) {
    page->Addf(
        "<p>&lsquo;{}&rsquo; against &lsquo;{}&rsquo;, per person: alerts {} in the first "
        "week, {} in the last; on a watchlist {} after day 0, {} at the end{}; harmful intent "
        "(the truth) {}.</p>\n",
        EscapeHtml(f.group), EscapeHtml(f.reference), x(f.first_week), x(f.last_week),
        x(f.listed_first_day), x(f.listed_last_day),
        s.respond.patrols.units > 0
            ? fmt::format("; patrols where they live {} in the first week, {} in the last",
                          x(f.patrols_first_week), x(f.patrols_last_week))
            : std::string(),
        x(f.truth));
    for (size_t d = 0; d < f.by_day.size(); ++d) {
      if (f.by_day[d]) {
        values.push_back({{"day", d}, {"group", f.group}, {"ratio", *f.by_day[d]}});
      }
    }
  }
  if (!trends.empty()) {
    page->Chart(
        "chart-feedback",
        {{"data", {{"values", values}}},
         {"height", 200},
         {"layer", Json::array({{{"mark", {{"type", "line"}, {"point", true}}},
                                 {"encoding",
                                  {{"x", DayAxis()},
                                   {"y",
                                    {{"field", "ratio"},
                                     {"type", "quantitative"},
                                     {"title", "alerts per person against the reference"}}},
                                   {"color", {{"field", "group"}, {"type", "nominal"}}}}}},
                                {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}}},
                                 {"encoding", {{"y", {{"datum", 1}}}}}}})}},
        "Line chart: each group's alerts per person relative to the reference group, day by "
        "day; a dashed line marks parity.",
        "Alert disparity by day (1 = parity with the reference group). A system that feeds on "
        "its own records shows it growing while the truth stays put.");
  }
  Json alerts = Json::array();
  for (const DayCounts& d : audit.days) {
    for (size_t g = 0; g < audit.groups.size() && g < d.group_alerts.size(); ++g) {
      alerts.push_back(
          {{"day", d.day},
           {"group", audit.groups[g].name},
           {"per_1000",
            Rate{d.group_alerts[g] * 1000, audit.groups[g].persons}.value().value_or(0)}});
    }
  }
  page->Chart(
      "chart-alerts-days",
      {{"data", {{"values", alerts}}},
       {"mark", {{"type", "line"}, {"point", true}}},
       {"height", 200},
       {"encoding",
        {{"x", DayAxis()},
         {"y",
          {{"field", "per_1000"}, {"type", "quantitative"}, {"title", "alerts per 1,000 persons"}}},
         {"color", {{"field", "group"}, {"type", "nominal"}}}}}},
      "Line chart: alerts per 1,000 persons of each group, day by day.",
      "Alerts per 1,000 persons of each group, each day (days.csv has the counts).");
  page->Add("</section>\n");
}

}  // namespace oversight::report_html
