// report.html: the city map, and the replicates.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "report/human_numbers.h"
#include "report/report_sections.h"

namespace oversight::report_html {

void MapSection(HtmlPage* page, const RunFacts& facts, const AuditResult& audit) {
  page->Add("<section id=\"map\">\n<h2>The city</h2>\n");
  page->Add(
      "<table><caption>Districts</caption><thead><tr><th scope=\"col\">district</th>"
      "<th scope=\"col\">persons living there</th><th scope=\"col\">alerts per 1,000 "
      "persons</th><th scope=\"col\">places with a camera</th><th scope=\"col\">cameras per "
      "km&sup2;</th></tr></thead><tbody>\n");
  Json values = Json::array();
  for (size_t d = 0; d < facts.districts.size(); ++d) {
    const DistrictFacts& f = facts.districts[d];
    const uint64_t persons = d < audit.district_persons.size() ? audit.district_persons[d] : 0;
    const uint64_t alerts = d < audit.district_alerts.size() ? audit.district_alerts[d] : 0;
    const double km2 = f.size * f.size / 1e6;
    const double density = km2 > 0 ? static_cast<double>(f.cameras) / km2 : 0.0;
    page->Addf(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{} <span class=\"nd\">({} / {})</span>"
        "</td><td>{}</td><td>{:.1f}</td></tr>\n",
        EscapeHtml(f.name), WithThousands(persons), PerThousand(alerts, persons),
        WithThousands(alerts), WithThousands(persons), WithThousands(f.cameras), density);
    values.push_back(
        {{"district", f.name},
         {"x0", f.x0 / 1000},
         {"x1", (f.x0 + f.size) / 1000},
         {"y0", f.y0 / 1000},
         {"y1", (f.y0 + f.size) / 1000},
         {"xc", (f.x0 + f.size / 2) / 1000},
         {"yc", (f.y0 + f.size / 2) / 1000},
         {"alerts_per_1000",
          persons > 0 ? 1000.0 * static_cast<double>(alerts) / static_cast<double>(persons) : 0.0},
         {"cameras_per_km2", density}});
  }
  page->Add("</tbody></table>\n");
  auto map = [&](const char* field, const char* title, const char* scheme) {
    return Json{
        {"data", {{"values", values}}},
        {"width", 320},
        {"height", 320},
        {"layer",
         Json::array(
             {{{"mark", {{"type", "rect"}, {"stroke", "white"}}},
               {"encoding",
                {{"x", {{"field", "x0"}, {"type", "quantitative"}, {"title", "km east"}}},
                 {"x2", {{"field", "x1"}}},
                 {"y", {{"field", "y0"}, {"type", "quantitative"}, {"title", "km north"}}},
                 {"y2", {{"field", "y1"}}},
                 {"color",
                  {{"field", field},
                   {"type", "quantitative"},
                   {"title", title},
                   {"scale", {{"scheme", scheme}, {"zero", false}}}}},
                 {"tooltip",
                  Json::array({{{"field", "district"}},
                               {{"field", field}, {"format", ".1f"}, {"title", title}}})}}}},
              {{"mark", {{"type", "text"}, {"fontSize", 12}, {"fontWeight", "bold"}}},
               {"encoding",
                {{"x", {{"field", "xc"}, {"type", "quantitative"}}},
                 {"y", {{"field", "yc"}, {"type", "quantitative"}}},
                 {"text", {{"field", "district"}}}}}}})}};
  };
  page->Chart("chart-map-alerts", map("alerts_per_1000", "alerts per 1,000", "oranges"),
              "Map of the districts shaded by alerts per 1,000 residents; the table above lists "
              "the same numbers.",
              "Districts shaded by alerts per 1,000 persons living there.");
  page->Chart("chart-map-cameras", map("cameras_per_km2", "cameras per km²", "blues"),
              "Map of the districts shaded by cameras per square kilometre; the table above "
              "lists the same numbers.",
              "Districts shaded by camera density (places with a camera per km²).");
  page->Add("</section>\n");
}

namespace {

// The headline metrics of the replicates table, each a rate of GroupRates.
constexpr std::string_view kHeadline[] = {"alert_share",
                                          "false_alarm_share",
                                          "innocents_flagged_share",
                                          "flagged_share",
                                          "recall",
                                          "contacts_per_innocent",
                                          "held_days_per_person",
                                          "lawful_stopped_share",
                                          "lawful_lost_share",
                                          "harmful_prevented_share"};

// "41.2% [39.8%, 42.6%]" (or with three decimals for a count per person). A share's
// interval is shown within [0, 1], the range of the rate; a count's above 0.
std::string IntervalCell(const ReplicateMetric& m, bool share) {
  if (m.interval.n == 0) return "n/a";
  const double low = std::max(0.0, m.interval.low);
  const double high = share ? std::min(1.0, m.interval.high) : m.interval.high;
  if (share) {
    return fmt::format("{:.1f}% <span class=\"nd\">[{:.1f}%, {:.1f}%]</span>",
                       m.interval.mean * 100, low * 100, high * 100);
  }
  return fmt::format("{:.3f} <span class=\"nd\">[{:.3f}, {:.3f}]</span>", m.interval.mean, low,
                     high);
}

}  // namespace

void ReplicatesSection(HtmlPage* page, const AuditResult& audit, const Replicates& replicates) {
  page->Addf(
      "<section id=\"replicates\">\n<h2>Across {} replicates</h2>\n<p>The same scenario with "
      "seeds {} to {} (each a different synthetic city and month under the same "
      "assumptions); the sections above describe the first. Each cell is the mean over the "
      "replicates and its 95% interval (t distribution), shown within the range of the rate. "
      "Every metric of every replicate: replicates.csv.</p>\n<table><caption>Headline "
      "metrics over the replicates: mean [95% interval]</caption><thead><tr>"
      "<th scope=\"col\">metric</th><th scope=\"col\">everyone</th>",
      replicates.seeds.size(), replicates.seeds.front(), replicates.seeds.back());
  for (const GroupCounts& g : audit.groups) {
    page->Addf("<th scope=\"col\">{}</th>", EscapeHtml(g.name));
  }
  page->Add("</tr></thead><tbody>\n");
  for (std::string_view metric : kHeadline) {
    const bool share = metric.ends_with("_share") || metric == "recall";
    std::string cells;
    bool any = false;
    auto cell = [&](const std::string& name) {
      const ReplicateMetric* m = replicates.Find(name);
      any = any || (m != nullptr && m->interval.n > 0);
      cells += "<td>" + (m ? IntervalCell(*m, share) : std::string("n/a")) + "</td>";
    };
    cell("all." + std::string(metric));
    for (const GroupCounts& g : audit.groups) cell("group." + g.name + "." + std::string(metric));
    if (!any) continue;
    page->Addf("<tr><th scope=\"row\">{}</th>{}</tr>\n", MetricWords(metric), cells);
  }
  page->Add("</tbody></table>\n");
  page->Add(
      "<table><caption>Precision of each rule over the replicates: mean [95% interval]"
      "</caption><thead><tr><th scope=\"col\">rule</th><th scope=\"col\">precision</th>"
      "<th scope=\"col\">replicates where it fired</th></tr></thead><tbody>\n");
  for (const RuleCounts& r : audit.rules) {
    const ReplicateMetric* m = replicates.Find("rule." + r.id + ".precision");
    if (m == nullptr) continue;
    page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n", EscapeHtml(r.id),
               IntervalCell(*m, true), m->interval.n);
  }
  page->Add("</tbody></table>\n</section>\n");
}

}  // namespace oversight::report_html
