// report.html: the disparities an auditor acts on. Each metric in words with the direction
// that is worse for the group, each ratio with its 95% interval against the band (table and
// chart), and a guide to which metric answers which question.
//
// Design: the guide follows the fairness tree of Aequitas (Saleiro et al., 2018), read for
// punitive interventions: an alert leads to a visit, an interception or a detention, so the
// harms that matter most fall on people with no harmful intent (false alarms, innocents
// flagged, contacts), and a group favoured on precision is one whose alerts are more often
// right.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/human_numbers.h"
#include "report/report_sections.h"

namespace oversight::report_html {

namespace {

void Guide(HtmlPage* page) {
  page->Add(R"html(<h3>Which metric answers which question</h3>
<p>The interventions here are punitive: an alert brings a visit, an interception, a
detention or a name on a list. The first questions are therefore about people who did
nothing.</p>
<dl class="guide">
<dt>Are innocent members of a group more likely to be flagged?</dt>
<dd>Share of innocent members flagged at least once (the false positive rate of the
person). The first metric to read when the intervention harms whoever it reaches.</dd>
<dt>When the system points at a member of this group, how often is it wrong?</dt>
<dd>Share of alerts that were false alarms (false discovery rate); precision is its
complement, so higher precision favours the group.</dd>
<dt>How much police attention does an innocent member receive?</dt>
<dd>Police contacts per innocent member: the burden in visits, interceptions and
detentions, not only in names flagged.</dd>
<dt>Is the group flagged more overall?</dt>
<dd>Share of members flagged at least once. Differences here can follow differences in
the truth; read them beside the rates for innocents.</dd>
<dt>Among those with a harmful intent, who is caught?</dt>
<dd>Recall. For punitive interventions a higher recall is heavier scrutiny of the group's
members, so it is read as worse for the group; it matters less than the rates above.</dd>
</dl>
)html");
}

// Ratios with their intervals against the band, one row per metric, a point per group.
void Chart(HtmlPage* page, const Scenario& s, const AuditResult& audit,
           const std::vector<Disparity>& disparities) {
  Json values = Json::array();
  for (const Disparity& d : disparities) {
    if (d.dimension != "group" || d.verdict == Verdict::kInsufficientData) continue;
    values.push_back({{"group", d.group},
                      {"metric", MetricWords(d.metric)},
                      {"ratio", d.ratio},
                      {"low", d.low},
                      {"high", d.high}});
  }
  if (values.empty()) return;
  const Json y = {{"field", "metric"},
                  {"type", "nominal"},
                  {"title", nullptr},
                  {"axis", {{"labelLimit", 320}}}};
  const Json x_title = "ratio to the reference group (log scale)";
  page->Chart(
      "chart-disparities",
      {{"data", {{"values", values}}},
       {"height", {{"step", 28}}},
       {"layer",
        Json::array({{{"mark", {{"type", "rect"}, {"color", "#e8f0e8"}}},
                      {"encoding",
                       {{"x", {{"datum", s.audit.band_low}, {"type", "quantitative"}}},
                        {"x2", {{"datum", s.audit.band_high}}}}}},
                     {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}, {"color", "#555"}}},
                      {"encoding", {{"x", {{"datum", 1}, {"type", "quantitative"}}}}}},
                     {{"mark", {{"type", "rule"}, {"strokeWidth", 2}}},
                      {"encoding",
                       {{"y", y},
                        {"yOffset", {{"field", "group"}}},
                        {"x",
                         {{"field", "low"},
                          {"type", "quantitative"},
                          {"scale", {{"type", "log"}}},
                          {"title", x_title}}},
                        {"x2", {{"field", "high"}}},
                        {"color", GroupColor(audit)}}}},
                     {{"mark", {{"type", "point"}, {"filled", true}, {"size", 60}}},
                      {"encoding",
                       {{"y", y},
                        {"yOffset", {{"field", "group"}}},
                        {"x", {{"field", "ratio"}, {"type", "quantitative"}}},
                        {"color", GroupColor(audit)},
                        {"tooltip", Json::array({{{"field", "group"}},
                                                 {{"field", "metric"}},
                                                 {{"field", "ratio"}, {"format", ".2f"}},
                                                 {{"field", "low"}, {"format", ".2f"}},
                                                 {{"field", "high"}, {"format", ".2f"}}})}}}}})}},
      "Chart: each group's ratio to the reference group for every compared metric, a point "
      "with its 95% interval as a line, against the shaded band of parity.",
      fmt::format("Each ratio and its 95% interval; the shaded band [{:.2f}, {:.2f}] is "
                  "treated as parity, the dashed line is 1. The table above has the counts.",
                  s.audit.band_low, s.audit.band_high));
}

}  // namespace

void DisparityTable(HtmlPage* page, const std::vector<Disparity>& disparities, bool cells,
                    std::string_view caption) {
  page->Addf(
      "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>"
      "<th scope=\"col\">against</th><th scope=\"col\">metric</th>"
      "<th scope=\"col\">worse for the group when</th>"
      "<th scope=\"col\">rate</th><th scope=\"col\">reference rate</th>"
      "<th scope=\"col\">ratio [95% interval]</th><th scope=\"col\">verdict</th></tr></thead>"
      "<tbody>\n",
      caption, cells ? "cell" : "group");
  for (const Disparity& d : disparities) {
    if ((d.dimension != "group") != cells) continue;
    const bool count = d.metric == "contacts_per_innocent";
    const std::string leaning = Leaning(d);
    page->Addf(
        "<tr><th scope=\"row\">{}</th><td class=\"text\">{}</td><td class=\"text\">{}</td>"
        "<td class=\"text\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>\n",
        EscapeHtml(d.group), EscapeHtml(d.reference), MetricWords(d.metric),
        HigherIsWorse(d.metric) ? "higher" : "lower", RateCell(d.numerator, d.denominator, !count),
        RateCell(d.reference_numerator, d.reference_denominator, !count), Ratio(d),
        VerdictCell(d.verdict),
        d.verdict == Verdict::kOutsideBand && !leaning.empty() ? ", " + leaning : "");
  }
  page->Add("</tbody></table>\n");
}

void DisparitySection(HtmlPage* page, const Scenario& s, const AuditResult& audit,
                      const std::vector<Disparity>& disparities) {
  page->Add("<section id=\"disparities\">\n<h2>Disparities: which way each one leans</h2>\n");
  page->Addf(
      "<p>Each ratio divides a group's rate by the reference group's. Its 95% interval decides "
      "the verdict against the band [{:.2f}, {:.2f}]: <em>within band</em>, <em>outside "
      "band</em>, <em>inconclusive</em> (the interval crosses an edge), or <em>insufficient "
      "data</em> (fewer than {} in a denominator, or a zero count). Whether a ratio above 1 "
      "harms the group depends on the metric: more false alarms harm it, higher precision "
      "favours it. Each verdict outside the band says which way it leans.</p>\n",
      s.audit.band_low, s.audit.band_high, s.audit.min_cell);
  DisparityTable(page, disparities, false, "Disparities against the reference group");
  Chart(page, s, audit, disparities);
  Guide(page);
  page->Add("</section>\n");
}

}  // namespace oversight::report_html
