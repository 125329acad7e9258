// report.html: the city map, and the replicates.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

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
                   {"scale", {{"scheme", scheme}, {"zero", true}}}}},
                 {"tooltip",
                  Json::array({{{"field", "district"}},
                               {{"field", field}, {"format", ".1f"}, {"title", title}}})}}}},
              {{"mark", {{"type", "text"}, {"fontSize", 11}}},
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

void ReplicatesSection(HtmlPage* page, const Replicates& replicates) {
  page->Addf(
      "<section id=\"replicates\">\n<h2>Across {} replicates</h2>\n<p>The same scenario with "
      "seeds {} to {} (each a different synthetic city and month under the same "
      "assumptions); the tables above describe the first. Mean and 95% interval for the "
      "mean (t distribution).</p>\n<table><caption>Metrics over the replicates</caption>"
      "<thead><tr><th scope=\"col\">metric</th><th scope=\"col\">mean</th>"
      "<th scope=\"col\">95% interval</th><th scope=\"col\">replicates where defined</th>"
      "</tr></thead><tbody>\n",
      replicates.seeds.size(), replicates.seeds.front(), replicates.seeds.back());
  for (const ReplicateMetric& m : replicates.metrics) {
    if (m.interval.n == 0) continue;
    page->Addf(
        "<tr><th scope=\"row\">{}</th><td>{:.4g}</td><td>[{:.4g}, {:.4g}]</td><td>{}</td>"
        "</tr>\n",
        EscapeHtml(m.name), m.interval.mean, m.interval.low, m.interval.high, m.interval.n);
  }
  page->Add("</tbody></table>\n</section>\n");
}

}  // namespace oversight::report_html
