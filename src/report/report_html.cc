// Design: the page is written as static HTML (headings, sentences, tables with captions),
// readable with scripts off; charts are Vega-Lite specifications with their data inline,
// drawn by vegaEmbed when the page loads, each with a text alternative and the same numbers
// in a table nearby. Rejected: a page built entirely by JavaScript from report.json (an
// empty page without scripts, and nothing for screen readers until it runs).
#include "report/report_html.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "audit/disparity.h"
#include "audit/feedback.h"
#include "audit/group_rates.h"
#include "audit/rate.h"
#include "report/human_numbers.h"
#include "report/rule_text.h"
#include "report/web_assets.h"

namespace oversight {

using Json = nlohmann::ordered_json;

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// The x channel of every chart by day: whole days only.
Json DayAxis() {
  return {
      {"field", "day"}, {"type", "quantitative"}, {"axis", {{"tickMinStep", 1}, {"format", "d"}}}};
}

constexpr std::string_view kStyle = R"css(
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 70rem; margin: 0 auto;
       padding: 0 1rem 4rem; }
h1 { font-size: 1.8rem; margin-top: 2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
nav ul { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; }
.notice { background: #f3f3f3; border-left: 4px solid #555; padding: .6rem 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
.nd { color: #555; font-size: .85em; white-space: nowrap; }
td.text { text-align: left; }
.verdict { font-weight: 600; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.rules { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
.rule { border: 1px solid #ccc; padding: .2rem 1rem 1rem; }
.rule dl { display: grid; grid-template-columns: auto auto; gap: .1rem 1rem; margin: 0; }
.rule dt { color: #444; } .rule dd { margin: 0; text-align: right; }
figure { margin: 1.5rem 0; } figcaption { color: #444; font-size: .9rem; max-width: 50rem; }
.chart { min-height: 2rem; }
)css";

// "41.2% <span>(412 / 1,000)</span>"; "n/a" when the denominator is 0.
std::string RateCell(uint64_t numerator, uint64_t denominator, bool percent = true) {
  const auto v = Rate{numerator, denominator}.value();
  const std::string value = !v        ? std::string("n/a")
                            : percent ? fmt::format("{:.1f}%", *v * 100.0)
                                      : fmt::format("{:.3f}", *v);
  return fmt::format("{} <span class=\"nd\">({} / {})</span>", value, WithThousands(numerator),
                     WithThousands(denominator));
}

std::string Ratio(const Disparity& d) {
  if (d.verdict == Verdict::kInsufficientData) return "–";
  return fmt::format("{:.2f} <span class=\"nd\">[{:.2f}, {:.2f}]</span>", d.ratio, d.low, d.high);
}

std::string VerdictCell(Verdict v) {
  return fmt::format("<span class=\"verdict\">{}</span>", kVerdictNames[static_cast<size_t>(v)]);
}

// A compared metric in words, for sentences.
std::string_view MetricWords(std::string_view metric) {
  if (metric == "false_alarm_share") return "the share of alerts that were false alarms";
  if (metric == "innocents_flagged_share") return "the share of innocent members flagged";
  if (metric == "recall") return "the share of members with a harmful intent flagged (recall)";
  if (metric == "precision") return "the precision of alerts";
  if (metric == "flagged_share") return "the share of members flagged";
  if (metric == "contacts_per_innocent") return "police contacts per innocent member";
  return metric;
}

const NamedRate* Find(const std::vector<NamedRate>& rates, std::string_view name) {
  for (const NamedRate& r : rates) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

// The page under construction: HTML text, and the chart specifications drawn on load.
class Page {
 public:
  void Add(std::string_view text) { html_ += text; }
  template <typename... Args>
  void Addf(fmt::format_string<Args...> format, Args&&... args) {
    html_ += fmt::format(format, std::forward<Args>(args)...);
  }

  // A chart: `spec` is a Vega-Lite specification; `alt` says in words what it shows (the
  // chart's text alternative); `caption` is printed under it.
  void Chart(const std::string& id, Json spec, std::string_view alt, std::string_view caption) {
    spec["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json";
    spec["description"] = alt;  // vega-embed makes it the chart box's aria-label
    if (!spec.contains("width")) spec["width"] = "container";
    charts_[id] = std::move(spec);
    Addf(
        "<figure><div id=\"{0}\" class=\"chart\"></div>"
        "<figcaption>{1}</figcaption></figure>\n",
        id, caption);
  }

  std::string Finish(std::string_view title) const {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        EscapeHtml(title), kStyle);
    // Wide tables scroll sideways on narrow screens instead of overflowing the page.
    for (size_t at = 0; at < html_.size();) {
      const size_t open = html_.find("<table>", at);
      const size_t close = html_.find("</table>", open == std::string::npos ? at : open);
      if (open == std::string::npos || close == std::string::npos) {
        out.append(html_, at, std::string::npos);
        break;
      }
      out.append(html_, at, open - at);
      out += "<div class=\"scroll\">";
      out.append(html_, open, close + 8 - open);
      out += "</div>";
      at = close + 8;
    }
    size_t count = 0;
    const WebAsset* assets = WebAssets(&count);
    for (size_t i = 0; i < count; ++i) {
      out += fmt::format("<script>/* {} */\n", assets[i].name);
      out += ScriptSafe(assets[i].content);
      out += "\n</script>\n";
    }
    out += "<script type=\"application/json\" id=\"charts\">";
    out += ScriptSafe(charts_.dump());
    out += "</script>\n<script>\n";
    out += R"js(
const charts = JSON.parse(document.getElementById('charts').textContent);
for (const [id, spec] of Object.entries(charts)) {
  vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg'}).catch((error) => {
    document.getElementById(id).textContent = 'This chart could not be drawn: ' + error;
    console.error(error);
  });
}
)js";
    out += "</script>\n</body>\n</html>\n";
    return out;
  }

 private:
  // Text inside <script> may not contain "</script"; "<\/script" means the same in
  // JavaScript strings and regular expressions and in JSON. (The libraries contain none.)
  static std::string ScriptSafe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      out += text[i];
      if (text[i] == '<' && i + 7 < text.size() && text[i + 1] == '/' &&
          (text.substr(i + 2, 6) == "script" || text.substr(i + 2, 6) == "SCRIPT")) {
        out += '\\';
      }
    }
    return out;
  }

  std::string html_;
  Json charts_ = Json::object();
};

void Header(Page* page, const Scenario& s, const RunFacts& facts, const AuditResult& audit) {
  page->Addf("<header>\n<h1>Oversight audit of &lsquo;{}&rsquo;</h1>\n", EscapeHtml(s.name));
  if (!s.description.empty()) page->Addf("<p>{}</p>\n", EscapeHtml(s.description));
  page->Addf(
      "<p>{} synthetic persons in {} households, {} days, seed {}; Oversight {}.</p>\n"
      "<p class=\"notice\">Every person in this report is synthetic: generated by the "
      "scenario, with a known true life. Nothing here describes a real individual, and "
      "only aggregates are shown.</p>\n</header>\n",
      WithThousands(audit.total.persons), WithThousands(facts.households), s.days, s.seed,
      EscapeHtml(facts.version));
  page->Add(
      "<nav aria-label=\"Sections\"><ul><li><a href=\"#findings\">Findings</a></li>"
      "<li><a href=\"#scenario\">The scenario</a></li><li><a href=\"#groups\">Groups</a></li>"
      "<li><a href=\"#intersections\">Intersections</a></li><li><a href=\"#rules\">Rules</a></li>"
      "<li><a href=\"#operators\">The operators' view</a></li>"
      "<li><a href=\"#lawful\">Lawful activity</a></li><li><a href=\"#feedback\">Feedback</a></li>"
      "<li><a href=\"#map\">The city</a></li><li><a href=\"#methods\">Methods and limits</a></li>"
      "</ul></nav>\n");
}

void Findings(Page* page, const Scenario& s, const RunFacts& facts, const AuditResult& audit,
              const std::vector<Disparity>& disparities) {
  const GroupCounts& t = audit.total;
  page->Add("<section id=\"findings\">\n<h2>What the audit found</h2>\n<ul>\n");
  page->Addf(
      "<li>Of {} alerts, {} concerned people with no harmful intent. {} persons were "
      "flagged at least once; {} of everyone with no harmful intent.</li>\n",
      WithThousands(t.alerts), Percent(t.false_alarms, t.alerts), WithThousands(t.flagged_persons),
      Percent(t.flagged_innocents, t.persons - t.harmful_persons));
  for (const GroupCounts& g : audit.groups) {
    page->Addf(
        "<li>Group &lsquo;{}&rsquo; is {} of the population and received {} of the alerts; "
        "{} of its members were flagged per 1,000 (harmful intent: {} per 1,000).</li>\n",
        EscapeHtml(g.name), Percent(g.persons, t.persons), Percent(g.alerts, t.alerts),
        PerThousand(g.flagged_persons, g.persons), PerThousand(g.harmful_persons, g.persons));
  }
  const Disparity* first_cell = nullptr;
  size_t cells_outside = 0;
  for (const Disparity& d : disparities) {
    if (d.verdict != Verdict::kOutsideBand) continue;
    if (d.dimension != "group") {
      if (first_cell == nullptr) first_cell = &d;
      ++cells_outside;
      continue;
    }
    page->Addf(
        "<li>Outside the band: for &lsquo;{}&rsquo;, {} is {:.2f} times that of &lsquo;{}&rsquo; "
        "(95% interval {:.2f} to {:.2f}).</li>\n",
        EscapeHtml(d.group), MetricWords(d.metric), d.ratio, EscapeHtml(d.reference), d.low,
        d.high);
  }
  if (first_cell != nullptr) {
    page->Addf(
        "<li>{} comparisons of intersection cells fall outside the band; the first: for "
        "&lsquo;{}&rsquo;, {} is {:.2f} times that of &lsquo;{}&rsquo; (95% interval {:.2f} "
        "to {:.2f}). <a href=\"#intersections\">All cells</a>.</li>\n",
        cells_outside, EscapeHtml(first_cell->group), MetricWords(first_cell->metric),
        first_cell->ratio, EscapeHtml(first_cell->reference), first_cell->low, first_cell->high);
  }
  page->Addf(
      "<li>The police made {} responses; {} went to people with no harmful intent. {} alerts "
      "were never answered.</li>\n",
      WithThousands(t.responses.total()),
      Percent(t.responses_to_innocents.total(), t.responses.total()),
      WithThousands(audit.days.empty() ? 0 : [&] {
        uint64_t dropped = 0;
        for (const DayCounts& d : audit.days) dropped += d.alerts_dropped;
        return dropped;
      }()));
  if (audit.twin) {
    page->Addf(
        "<li>Without the policy (the twin: the same lives with the policy off), people would "
        "have set out on {} lawful acts (petition trips, gatherings). With it, {} did not "
        "happen: {} stopped by the police, {} never attempted after a police contact.</li>\n",
        WithThousands(t.twin_lawful_acts), Percent(t.lawful_acts_lost(), t.twin_lawful_acts),
        WithThousands(t.lawful_stopped),
        WithThousands(t.lawful_acts_lost() - std::min(t.lawful_acts_lost(), t.lawful_stopped)));
    page->Addf("<li>Of {} harmful acts the twin commits, {} were prevented.</li>\n",
               WithThousands(t.twin_harmful_acts),
               Percent(t.harmful_acts_prevented(), t.twin_harmful_acts));
  } else {
    page->Addf("<li>Lawful activity stopped: {}. Harmful acts stopped: {}.</li>\n",
               Percent(t.lawful_stopped, t.lawful_acts),
               Percent(t.harmful_acts_stopped, t.harmful_acts));
  }
  page->Addf(
      "<li>The operators' view: every one of the {} responses looks like a success in police "
      "records; in truth {} concerned a person with a harmful intent.</li>\n",
      WithThousands(t.responses.total()),
      Percent(t.responses.total() - t.responses_to_innocents.total(), t.responses.total()));
  if (facts.red_listed > 0) {
    page->Addf(
        "<li>{} persons on the red list are exempt from every rule: {} alerts were "
        "suppressed; they set out on {} harmful acts no rule could flag.</li>\n",
        WithThousands(facts.red_listed), WithThousands(t.red_list_suppressed),
        WithThousands(t.red_list_harmful_acts));
  }
  page->Add("</ul>\n");
  (void)s;
  page->Add("</section>\n");
}

void ScenarioSection(Page* page, const Scenario& s, const RunFacts& facts,
                     const AuditResult& audit) {
  page->Add("<section id=\"scenario\">\n<h2>The scenario as configured</h2>\n");
  page->Add(
      "<table><caption>Population by group</caption><thead><tr><th scope=\"col\">group</th>"
      "<th scope=\"col\">persons</th><th scope=\"col\">share</th>"
      "<th scope=\"col\">record bias</th></tr></thead><tbody>\n");
  for (size_t g = 0; g < audit.groups.size(); ++g) {
    page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{:.2f}&times;</td></tr>\n",
               EscapeHtml(audit.groups[g].name), WithThousands(audit.groups[g].persons),
               RateCell(audit.groups[g].persons, audit.total.persons),
               g < s.world.groups.size() ? s.world.groups[g].record_bias : 1.0);
  }
  page->Add("</tbody></table>\n");
  page->Add(
      "<table><caption>Places and cameras (at the end of the run)</caption><thead><tr>"
      "<th scope=\"col\">place type</th><th scope=\"col\">places</th>"
      "<th scope=\"col\">with a camera</th></tr></thead><tbody>\n");
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    if (facts.places_by_type[t] == 0) continue;
    page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n", kPlaceTypeNames[t],
               WithThousands(facts.places_by_type[t]),
               RateCell(facts.cameras_by_type[t], facts.places_by_type[t]));
  }
  page->Add("</tbody></table>\n");
  if (!s.policy.lists.empty()) {
    page->Add(
        "<table><caption>Lists (nobody on them is told)</caption><thead><tr>"
        "<th scope=\"col\">list</th><th scope=\"col\">at the start</th>"
        "<th scope=\"col\">at the end</th><th scope=\"col\">added by alerts</th>"
        "<th scope=\"col\">taken off</th></tr></thead><tbody>\n");
    for (size_t l = 0; l < s.policy.lists.size() && l < facts.list_sizes.size(); ++l) {
      page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                 EscapeHtml(s.policy.lists[l].name), WithThousands(facts.list_sizes[l]),
                 WithThousands(facts.list_sizes_final[l]), WithThousands(facts.list_added[l]),
                 WithThousands(facts.list_removed[l]));
    }
    page->Add("</tbody></table>\n");
  }
  page->Add(
      "<table><caption>Rules and scores</caption><thead><tr><th scope=\"col\">rule</th>"
      "<th scope=\"col\">watches</th><th scope=\"col\">evidence</th><th scope=\"col\">operator</th>"
      "<th scope=\"col\">category</th><th scope=\"col\">priority</th>"
      "<th scope=\"col\">response</th></tr></thead><tbody>\n");
  for (const RuleOptions& rule : s.policy.rules) {
    const std::string who = rule.who == kEveryone ? "anyone" : s.policy.lists[rule.who].name;
    page->Addf(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        EscapeHtml(rule.id), EscapeHtml(who), rule.EvidenceName(),
        kRuleOperatorNames[static_cast<size_t>(rule.op)], Name(rule.category),
        rule.EffectivePriority(), Name(rule.response));
  }
  page->Add("</tbody></table>\n");
  const RespondOptions& r = s.respond;
  page->Addf(
      "<p>The police have {:g} units of officer time a day (a visit costs {:g}, an "
      "interception {:g}, a detention {:g} for {} days, a withheld permit {:g} for {} days, "
      "a name on a list {:g}, a camera at a home {:g}) and answer alerts in priority order; "
      "an unanswered alert waits at most {} days.{}</p>\n",
      r.capacity_per_day, r.Cost(Response::kVisit), r.Cost(Response::kIntercept),
      r.Cost(Response::kDetain), r.detention_days, r.Cost(Response::kDenyPermit), r.permit_days,
      r.Cost(Response::kList), r.Cost(Response::kCamera), r.max_wait_days,
      r.patrols.units > 0
          ? fmt::format(" {} patrol units a day go where the alerts were.", r.patrols.units)
          : std::string());
  page->Add("</section>\n");
}

void GroupRow(Page* page, const GroupCounts& g, const GroupCounts& total, bool twin,
              std::string_view extra) {
  const std::vector<NamedRate> rates = GroupRates(g, total, twin);
  auto cell = [&](std::string_view name, bool percent = true) {
    const NamedRate* r = Find(rates, name);
    return r ? RateCell(r->numerator, r->denominator, percent) : std::string("n/a");
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

void DisparityTable(Page* page, const std::vector<Disparity>& disparities, bool cells,
                    std::string_view caption) {
  page->Addf(
      "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>"
      "<th scope=\"col\">against</th><th scope=\"col\">metric</th>"
      "<th scope=\"col\">rate</th><th scope=\"col\">reference rate</th>"
      "<th scope=\"col\">ratio [95% interval]</th><th scope=\"col\">verdict</th></tr></thead>"
      "<tbody>\n",
      caption, cells ? "cell" : "group");
  for (const Disparity& d : disparities) {
    if ((d.dimension != "group") != cells) continue;
    const bool count = d.metric == "contacts_per_innocent";
    page->Addf(
        "<tr><th scope=\"row\">{}</th><td class=\"text\">{}</td><td class=\"text\">{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        EscapeHtml(d.group), EscapeHtml(d.reference), d.metric,
        RateCell(d.numerator, d.denominator, !count),
        RateCell(d.reference_numerator, d.reference_denominator, !count), Ratio(d),
        VerdictCell(d.verdict));
  }
  page->Add("</tbody></table>\n");
}

void GroupsSection(Page* page, const Scenario& s, const AuditResult& audit,
                   const std::vector<Disparity>& disparities) {
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
    for (const auto& [measure, share] :
         {std::pair{"share of the population", Rate{g.persons, audit.total.persons}.value()},
          std::pair{"share of the alerts", Rate{g.alerts, audit.total.alerts}.value()}}) {
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
  page->Addf(
      "<p>Each ratio compares a group's rate with the reference group's; its 95% interval "
      "decides the verdict against the band [{:.2f}, {:.2f}]: <em>within band</em>, "
      "<em>outside band</em>, <em>inconclusive</em> (the interval crosses an edge), or "
      "<em>insufficient data</em> (fewer than {} in a denominator, or a zero count).</p>\n",
      s.audit.band_low, s.audit.band_high, s.audit.min_cell);
  DisparityTable(page, disparities, false, "Disparities against the reference group");
  page->Add("</section>\n");
}

void IntersectionsSection(Page* page, const Scenario& s, const AuditResult& audit,
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

void RulesSection(Page* page, const Scenario& s, const AuditResult& audit) {
  page->Add(
      "<section id=\"rules\">\n<h2>Rules and scores</h2>\n<p>Precision judges the person: "
      "an alert is right when the person it names has a harmful intent, the most generous "
      "reading for the apparatus. Base rates: among those a rule watched at the start, how "
      "many had a harmful intent (prevalence), how many of them it flagged (recall), and how "
      "many of the rest (false positive rate).</p>\n<div class=\"rules\">\n");
  Json values = Json::array();
  for (size_t i = 0; i < audit.rules.size(); ++i) {
    const RuleCounts& r = audit.rules[i];
    const RuleOptions* options = i < s.policy.rules.size() ? &s.policy.rules[i] : nullptr;
    const std::vector<NamedRate> rates = RuleRates(r);
    auto cell = [&](std::string_view name) {
      const NamedRate* x = Find(rates, name);
      return x ? RateCell(x->numerator, x->denominator) : std::string("n/a");
    };
    const std::string asks = options == nullptr ? r.what : DescribeRule(*options, s.policy.lists);
    page->Addf(
        "<article class=\"rule\"><h3>{}</h3><p>Asks: {}.</p><p class=\"nd\">{} operator on "
        "{}; {} category; answered by: {}.</p><dl>\n",
        EscapeHtml(r.id), EscapeHtml(asks), r.op, r.what, r.category, r.response);
    page->Addf(
        "<dt>alerts</dt><dd>{}</dd><dt>precision</dt><dd>{}</dd><dt>persons flagged</dt>"
        "<dd>{}</dd><dt>police responses</dt><dd>{}</dd><dt>alerts never answered</dt><dd>{}</dd>"
        "<dt>lawful acts stopped</dt><dd>{}</dd><dt>harmful acts stopped</dt><dd>{}</dd>"
        "<dt>prevalence among the watched</dt><dd>{}</dd><dt>recall</dt><dd>{}</dd>"
        "<dt>false positive rate</dt><dd>{}</dd></dl>\n",
        WithThousands(r.alerts), cell("precision"), WithThousands(r.flagged_persons),
        WithThousands(r.responses), WithThousands(r.alerts_dropped),
        WithThousands(r.lawful_stopped), WithThousands(r.harmful_acts_stopped), cell("prevalence"),
        cell("recall"), cell("false_positive_rate"));
    if (r.alerts > 0) {
      std::string hit;
      for (size_t g = 0; g < audit.groups.size() && g < r.group_alerts.size(); ++g) {
        hit += fmt::format("{}{}: {}", hit.empty() ? "" : "; ", EscapeHtml(audit.groups[g].name),
                           Percent(r.group_alerts[g], r.alerts));
      }
      page->Addf("<p>Who it hit: {}.</p>\n", hit);
      values.push_back(
          {{"rule", r.id},
           {"precision", Rate{r.alerts - r.false_alarms, r.alerts}.value().value_or(0)},
           {"alerts", r.alerts}});
    }
    page->Add("</article>\n");
  }
  page->Add("</div>\n");
  page->Chart(
      "chart-rule-precision",
      {{"data", {{"values", values}}},
       {"mark", "bar"},
       {"encoding",
        {{"y", {{"field", "rule"}, {"type", "nominal"}, {"sort", "-x"}, {"title", nullptr}}},
         {"x",
          {{"field", "precision"},
           {"type", "quantitative"},
           {"scale", {{"domain", {0, 1}}}},
           {"axis", {{"format", "%"}}}}},
         {"tooltip", Json::array({{{"field", "rule"}},
                                  {{"field", "precision"}, {"format", ".1%"}},
                                  {{"field", "alerts"}, {"format", ","}}})}}}},
      "Bar chart: the precision of each rule that fired, from 0 to 100 percent.",
      "Precision of each rule that fired (share of its alerts naming a person with a "
      "harmful intent); the cards above have the counts.");
  page->Add("</section>\n");
}

void OperatorsSection(Page* page, const AuditResult& audit) {
  const GroupCounts& t = audit.total;
  const uint64_t n = t.responses.total();
  const uint64_t right = n - t.responses_to_innocents.total();
  page->Add(
      "<section id=\"operators\">\n<h2>The operators' view against the truth</h2>\n<p>A "
      "response that stopped nothing looks, in police records, exactly like one that prevented "
      "something: nothing happened afterwards either way. So the operators can count every "
      "response as a success.</p>\n");
  page->Addf(
      "<table><caption>Success of police responses</caption><thead><tr><th scope=\"col\">"
      "view</th><th scope=\"col\">share of responses that were right</th></tr></thead><tbody>"
      "<tr><th scope=\"row\">as the operators can see it</th><td>{}</td></tr>"
      "<tr><th scope=\"row\">the truth</th><td>{}</td></tr></tbody></table>\n",
      RateCell(n, n), RateCell(right, n));
  Json values = Json::array(
      {{{"view", "as the operators see it"}, {"precision", Rate{n, n}.value().value_or(0)}},
       {{"view", "the truth"}, {"precision", Rate{right, n}.value().value_or(0)}}});
  page->Chart("chart-operators",
              {{"data", {{"values", values}}},
               {"mark", "bar"},
               {"height", 80},
               {"encoding",
                {{"y", {{"field", "view"}, {"type", "nominal"}, {"title", nullptr}}},
                 {"x",
                  {{"field", "precision"},
                   {"type", "quantitative"},
                   {"scale", {{"domain", {0, 1}}}},
                   {"axis", {{"format", "%"}}}}}}}},
              "Bar chart: the success rate the operators can observe against the true one.",
              "The precision the operators can observe against the true precision of their "
              "responses.");
  page->Add("</section>\n");
}

void LawfulSection(Page* page, const AuditResult& audit) {
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
    page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>{}</tr>\n", EscapeHtml(g->name),
               WithThousands(g->lawful_acts), RateCell(g->lawful_stopped, g->lawful_acts),
               audit.twin
                   ? fmt::format("<td>{}</td><td>{}</td>", WithThousands(g->twin_lawful_acts),
                                 RateCell(g->lawful_acts_lost(), g->twin_lawful_acts))
                   : std::string());
  }
  page->Add("</tbody></table>\n");
  if (audit.twin) {
    const GroupCounts& t = audit.total;
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
        RateCell(t.lawful_acts_lost(), t.twin_lawful_acts), WithThousands(t.twin_harmful_acts),
        WithThousands(t.harmful_acts), WithThousands(t.harmful_acts_stopped),
        WithThousands(t.harmful_acts - t.harmful_acts_stopped),
        RateCell(t.harmful_acts_prevented(), t.twin_harmful_acts));
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

void FeedbackSection(Page* page, const Scenario& s, const AuditResult& audit) {
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

void MapSection(Page* page, const RunFacts& facts, const AuditResult& audit) {
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

void ReplicatesSection(Page* page, const Replicates& replicates) {
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

void MethodsSection(Page* page) {
  page->Add(R"html(<section id="methods">
<h2>Methods and limits</h2>
<p>Oversight installs an apparatus of surveillance and predictive rules on a synthetic city
whose every resident's true life is known, runs it, and compares what it did with the truth.
The apparatus sees only what its sensors record and what is on file; the audit alone sees
both.</p>
<ul>
<li><strong>Synthetic people.</strong> Persons, households, traits, hidden intents and
daily lives are drawn from the scenario's tables. Their rates are assumptions; the findings
say what an apparatus like this does to a city like this, not how many people it harms in
a real one.</li>
<li><strong>Precision judges the person.</strong> An alert counts as right when the person
it names has a harmful intent, even if the rule fired on something innocent they did: the
most generous reading for the apparatus.</li>
<li><strong>The twin.</strong> Lawful activity lost and harmful acts prevented are the
difference between the run and its twin, the same lives with the policy off, sharing every
random number. Deterrence and evasion follow the scenario's per-contact rates.</li>
<li><strong>Intervals.</strong> A disparity's interval is the log-ratio interval of two
proportions (a Poisson rate ratio for counts per person); replicate intervals describe
variation between synthetic cities under the same assumptions, not uncertainty in the
assumptions themselves.</li>
<li><strong>Small cells</strong> are marked <em>insufficient data</em>, shown, never hidden.</li>
<li>Every definition: docs/METRICS.md; every scenario key: docs/SCENARIOS.md; the files
beside this page: report.json and the CSV tables (docs/OUTPUTS.md).</li>
</ul>
</section>
)html");
}

void Footer(Page* page) {
  size_t count = 0;
  const WebAsset* assets = WebAssets(&count);
  std::string names;
  for (size_t i = 0; i < count; ++i) {
    names += fmt::format("{}{}", i == 0 ? "" : ", ", assets[i].name);
  }
  page->Addf(
      "<footer><p>Made by Oversight (Apache-2.0). Charts drawn by {} (BSD-3-Clause), "
      "inlined in this page: it needs no network.</p></footer>\n",
      names);
}

}  // namespace

std::string ReportHtml(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                       const Replicates* replicates) {
  const std::vector<Disparity> disparities = Disparities(audit, scenario.audit);
  Page page;
  Header(&page, scenario, facts, audit);
  page.Add("<main>\n");
  Findings(&page, scenario, facts, audit, disparities);
  ScenarioSection(&page, scenario, facts, audit);
  GroupsSection(&page, scenario, audit, disparities);
  IntersectionsSection(&page, scenario, audit, disparities);
  RulesSection(&page, scenario, audit);
  OperatorsSection(&page, audit);
  LawfulSection(&page, audit);
  FeedbackSection(&page, scenario, audit);
  MapSection(&page, facts, audit);
  if (replicates != nullptr && replicates->seeds.size() > 1) ReplicatesSection(&page, *replicates);
  MethodsSection(&page);
  page.Add("</main>\n");
  Footer(&page);
  return page.Finish("Oversight audit of '" + scenario.name + "'");
}

}  // namespace oversight
