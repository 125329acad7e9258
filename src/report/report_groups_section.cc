// report.html: the groups and their intersections (each cell with its disparities against
// the reference group's same cell).
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "report/human_numbers.h"
#include "report/report_sections.h"

namespace oversight::report_html {

namespace {

void GroupRow(HtmlPage* page, const GroupCounts& g, const GroupCounts& total, bool twin,
              std::string_view extra) {
  const std::vector<NamedRate> rates = GroupRates(g, total, twin);
  auto cell = [&](std::string_view name, bool percent = true) {
    return RateCell(RateNamed(rates, name), percent);
  };
  page->Addf(
      "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
      "<td>{}</td><td>{}</td><td>{}</td>{}</tr>\n",
      EscapeHtml(g.name), WithThousands(g.persons), cell("alert_share"), cell("false_alarm_share"),
      cell("flagged_share"), cell("innocents_flagged_share"), cell("recall"),
      cell("contacts_per_innocent", false), cell("lawful_stopped_share"), extra);
}

constexpr std::string_view kGroupColumns =
    "<th scope=\"col\">persons</th><th scope=\"col\">share of alerts</th>"
    "<th scope=\"col\">false alarms</th><th scope=\"col\">flagged</th>"
    "<th scope=\"col\">innocents flagged</th><th scope=\"col\">recall</th>"
    "<th scope=\"col\">police contacts per innocent</th>"
    "<th scope=\"col\">lawful acts stopped</th>";

}  // namespace

void GroupsSection(HtmlPage* page, const AuditResult& audit) {
  page->Add("<section id=\"groups\">\n<h2>Groups: who carries the burden</h2>\n");
  page->Addf(
      "<table><caption>Per group, each rate with its numerator and denominator</caption>"
      "<thead><tr><th scope=\"col\">group</th>{}</tr></thead><tbody>\n",
      kGroupColumns);
  for (const GroupCounts& g : audit.groups) GroupRow(page, g, audit.total, audit.twin, "");
  GroupRow(page, audit.total, audit.total, audit.twin, "");
  page->Add("</tbody></table>\n");
  Json values = Json::array();
  for (const GroupCounts& g : audit.groups) {
    const std::vector<NamedRate> rates = GroupRates(g, audit.total, audit.twin);
    for (const auto& [measure, share] :
         {std::pair{"share of the population", RateNamed(rates, "population_share").value()},
          std::pair{"share of the alerts", RateNamed(rates, "alert_share").value()}}) {
      values.push_back({{"group", g.name}, {"measure", measure}, {"share", share.value_or(0)}});
    }
  }
  page->Chart("chart-group-shares",
              {{"data", {{"values", values}}},
               {"mark", "bar"},
               {"height", 160},
               {"encoding",
                {{"y", {{"field", "group"}, {"type", "nominal"}, {"title", nullptr}}},
                 {"yOffset", {{"field", "measure"}}},
                 {"x", {{"field", "share"}, {"type", "quantitative"}, {"axis", {{"format", "%"}}}}},
                 {"color", {{"field", "measure"}, {"type", "nominal"}, {"title", nullptr}}},
                 {"tooltip", Json::array({{{"field", "group"}},
                                          {{"field", "measure"}},
                                          {{"field", "share"}, {"format", ".1%"}}})}}}},
              "Bar chart: each group's share of the population next to its share of the alerts.",
              "Share of the population and share of the alerts, by group (the table above has "
              "the counts).");
  page->Add(
      "<p>How each group's rates compare with the reference group's, and which way each "
      "difference leans: <a href=\"#disparities\">Disparities</a>.</p>\n");
  page->Add("</section>\n");
}

void IntersectionsSection(HtmlPage* page, const Scenario& s, const AuditResult& audit,
                          const std::vector<Disparity>& disparities) {
  page->Add("<section id=\"intersections\">\n<h2>Intersections</h2>\n");
  page->Addf(
      "<table><caption>Each group by sex and by status on the register</caption><thead><tr>"
      "<th scope=\"col\">cell</th>{}<th scope=\"col\">judgement</th></tr></thead><tbody>\n",
      kGroupColumns);
  for (const IntersectionCounts& cell : audit.intersections) {
    const std::string judgement =
        Judgeable(cell.counts, s.audit.min_cell) ? "" : "<td>insufficient data</td>";
    GroupRow(page, cell.counts, audit.total, false, judgement.empty() ? "<td></td>" : judgement);
  }
  page->Add("</tbody></table>\n");
  DisparityTable(page, disparities, true,
                 "Each cell against the reference group's same cell (the other attribute held "
                 "fixed)");
  page->Add("</section>\n");
}

}  // namespace oversight::report_html
