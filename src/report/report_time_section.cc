// report.html: lawful activity against the twin, and the feedback over time.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

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

namespace {

// The per-person ratio of group g to group ref in a day's per-group counts, or null.
std::optional<double> DayRatio(const std::vector<uint64_t>& counts, const AuditResult& audit,
                               size_t g, size_t ref) {
  if (g >= counts.size() || ref >= counts.size()) return std::nullopt;
  const auto a = static_cast<double>(counts[g]), b = static_cast<double>(counts[ref]);
  const auto na = static_cast<double>(audit.groups[g].persons);
  const auto nb = static_cast<double>(audit.groups[ref].persons);
  if (b <= 0 || na <= 0 || nb <= 0) return std::nullopt;
  return (a / na) / (b / nb);
}

// The rows of the feedback chart: for each group against the reference and each day, the
// alert ratio with its 95% interval (the log-ratio interval of two Poisson counts,
// exp(ln r +/- 1.96 sqrt(1/a + 1/b)), where both counts are above 0), the watchlist ratio
// at the end of the day, and the ratio in harmful intent (the truth, the same every day).
Json FeedbackRows(const AuditResult& audit, const std::vector<FeedbackTrend>& trends, size_t ref) {
  Json values = Json::array();
  for (const FeedbackTrend& f : trends) {
    size_t g = 0;
    while (g < audit.groups.size() && audit.groups[g].name != f.group) ++g;
    for (size_t d = 0; d < audit.days.size(); ++d) {
      const DayCounts& day = audit.days[d];
      if (d < f.by_day.size() && f.by_day[d]) {
        Json row = {{"day", d}, {"group", f.group}, {"measure", "alerts"}, {"ratio", *f.by_day[d]}};
        const uint64_t a = g < day.group_alerts.size() ? day.group_alerts[g] : 0;
        const uint64_t b = ref < day.group_alerts.size() ? day.group_alerts[ref] : 0;
        if (a > 0 && b > 0) {
          const double half =
              1.96 * std::sqrt(1.0 / static_cast<double>(a) + 1.0 / static_cast<double>(b));
          row["low"] = *f.by_day[d] * std::exp(-half);
          row["high"] = *f.by_day[d] * std::exp(half);
        }
        values.push_back(std::move(row));
      }
      if (const auto listed = DayRatio(day.group_listed, audit, g, ref)) {
        values.push_back(
            {{"day", d}, {"group", f.group}, {"measure", "on a watchlist"}, {"ratio", *listed}});
      }
      if (f.truth) {
        values.push_back({{"day", d},
                          {"group", f.group},
                          {"measure", "harmful intent (the truth)"},
                          {"ratio", *f.truth}});
      }
    }
  }
  return values;
}

void FeedbackChart(HtmlPage* page, const AuditResult& audit, Json values) {
  const Json y = {{"field", "ratio"},
                  {"type", "quantitative"},
                  {"title", "ratio to the reference group (1 = parity)"}};
  page->Chart(
      "chart-feedback",
      {{"data", {{"values", std::move(values)}}},
       {"height", 240},
       {"layer",
        Json::array({{{"transform", Json::array({{{"filter", "isValid(datum.low)"}}})},
                      {"mark", {{"type", "area"}, {"opacity", 0.2}}},
                      {"encoding",
                       {{"x", DayAxis()},
                        {"y", {{"field", "low"}, {"type", "quantitative"}}},
                        {"y2", {{"field", "high"}}},
                        {"color", GroupColor(audit)}}}},
                     {{"mark", {{"type", "line"}, {"strokeWidth", 2}}},
                      {"encoding",
                       {{"x", DayAxis()},
                        {"y", y},
                        {"color", GroupColor(audit)},
                        {"strokeDash",
                         {{"field", "measure"},
                          {"type", "nominal"},
                          {"title", "ratio of"},
                          {"sort", {"alerts", "on a watchlist", "harmful intent (the truth)"}},
                          {"legend", {{"orient", "bottom"}, {"labelLimit", 300}}}}},
                        {"tooltip", Json::array({{{"field", "day"}},
                                                 {{"field", "group"}},
                                                 {{"field", "measure"}},
                                                 {{"field", "ratio"}, {"format", ".2f"}}})}}}},
                     {{"mark", {{"type", "rule"}, {"color", "#555"}, {"strokeDash", {4, 4}}}},
                      {"encoding", {{"y", {{"datum", 1}}}}}}})}},
      "Line chart: for each group against the reference group, day by day, the ratio of alerts "
      "per person with its 95% interval shaded, the ratio of persons on a watchlist, and the "
      "ratio in harmful intent (the truth); a dashed line marks parity.",
      "Disparity by day (1 = parity with the reference group): alerts per person, with the "
      "95% interval of each day's ratio shaded; persons on a watchlist at the end of each day; "
      "and harmful intent, the truth, which does not move. A system that feeds on its own "
      "records shows the alert and watchlist ratios drifting away from the truth.");
}

}  // namespace

void FeedbackSection(HtmlPage* page, const Scenario& s, const AuditResult& audit) {
  page->Add("<section id=\"feedback\">\n<h2>Feedback over time</h2>\n");
  const std::vector<FeedbackTrend> trends = Feedback(audit, s.audit);
  auto x = [](const std::optional<double>& v) {
    return v ? fmt::format("{:.2f}&times;", *v) : std::string("n/a");
  };
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
  }
  if (!trends.empty()) {
    const auto ref = static_cast<size_t>(&ReferenceGroup(audit, s.audit) - audit.groups.data());
    FeedbackChart(page, audit, FeedbackRows(audit, trends, ref));
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
         {"color", GroupColor(audit)}}}},
      "Line chart: alerts per 1,000 persons of each group, day by day.",
      "Alerts per 1,000 persons of each group, each day (days.csv has the counts).");
  page->Add("</section>\n");
}

}  // namespace oversight::report_html
