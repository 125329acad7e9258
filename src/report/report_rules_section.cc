// report.html: a card per rule, and the operators' view against the truth.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "audit/rate.h"
#include "report/human_numbers.h"
#include "report/report_sections.h"
#include "report/rule_text.h"

namespace oversight::report_html {

void RulesSection(HtmlPage* page, const Scenario& s, const AuditResult& audit) {
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
    auto cell = [&](std::string_view name) { return RateCell(RateNamed(rates, name)); };
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
    if (r.red_list_suppressed > 0) {
      page->Addf(
          "<p>Suppressed by the red list: {} alerts on exempt persons, {} of them on persons "
          "with a harmful intent.</p>\n",
          WithThousands(r.red_list_suppressed), WithThousands(r.red_list_suppressed_harmful));
    }
    if (r.alerts > 0) {
      std::string hit;
      for (size_t g = 0; g < audit.groups.size() && g < r.group_alerts.size(); ++g) {
        hit += fmt::format("{}{}: {}", hit.empty() ? "" : "; ", EscapeHtml(audit.groups[g].name),
                           Percent(r.group_alerts[g], r.alerts));
      }
      page->Addf("<p>Who it hit: {}.</p>\n", hit);
      values.push_back({{"rule", r.id},
                        {"precision", RateNamed(rates, "precision").value().value_or(0)},
                        {"alerts", r.alerts}});
    }
    page->Add("</article>\n");
  }
  page->Add("</div>\n");
  bool all_zero = !values.empty();
  for (const Json& v : values) all_zero = all_zero && v["precision"] == 0;
  const Json x = {{"field", "precision"},
                  {"type", "quantitative"},
                  {"scale", {{"domain", {0, 1}}}},
                  {"axis", {{"format", "%"}}}};
  page->Chart(
      "chart-rule-precision",
      {{"data", {{"values", values}}},
       {"encoding",
        {{"y",
          {{"field", "rule"},
           {"type", "nominal"},
           {"sort", {{"field", "precision"}, {"order", "descending"}}},
           {"title", nullptr}}}}},
       {"layer",
        Json::array({{{"mark", "bar"},
                      {"encoding",
                       {{"x", x},
                        {"tooltip", Json::array({{{"field", "rule"}},
                                                 {{"field", "precision"}, {"format", ".1%"}},
                                                 {{"field", "alerts"}, {"format", ","}}})}}}},
                     BarLabels("precision", ".1%")})}},
      "Bar chart: the precision of each rule that fired, from 0 to 100 percent, each bar "
      "labelled with its value.",
      fmt::format("Precision of each rule that fired (share of its alerts naming a person with "
                  "a harmful intent); the cards above have the counts.{}",
                  all_zero ? " Every rule that fired had a precision of 0%: none of its alerts "
                             "named a person with a harmful intent."
                           : ""));
  page->Add("</section>\n");
}

void OperatorsSection(HtmlPage* page, const AuditResult& audit) {
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
  const Json x = {{"field", "precision"},
                  {"type", "quantitative"},
                  {"scale", {{"domain", {0, 1}}}},
                  {"axis", {{"format", "%"}}}};
  page->Chart("chart-operators",
              {{"data", {{"values", values}}},
               {"height", 80},
               {"encoding", {{"y", {{"field", "view"}, {"type", "nominal"}, {"title", nullptr}}}}},
               {"layer", Json::array({{{"mark", "bar"}, {"encoding", {{"x", x}}}},
                                      BarLabels("precision", ".1%")})}},
              "Bar chart: the success rate the operators can observe against the true one, "
              "each bar labelled with its value.",
              "The precision the operators can observe against the true precision of their "
              "responses.");
  page->Add("</section>\n");
}

}  // namespace oversight::report_html
