// report.html: the scenario as configured, and the methods and limits.
#include <fmt/format.h>

#include "report/human_numbers.h"
#include "report/report_sections.h"
#include "report/rule_text.h"

namespace oversight::report_html {

void ScenarioSection(HtmlPage* page, const Scenario& s, const RunFacts& facts,
                     const AuditResult& audit) {
  page->Add("<section id=\"scenario\">\n<h2>The scenario as configured</h2>\n");
  page->Add(
      "<table><caption>Population by group</caption><thead><tr><th scope=\"col\">group</th>"
      "<th scope=\"col\">persons</th><th scope=\"col\">share</th>"
      "<th scope=\"col\">record bias</th></tr></thead><tbody>\n");
  for (size_t g = 0; g < audit.groups.size(); ++g) {
    page->Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{:.2f}&times;</td></tr>\n",
               EscapeHtml(audit.groups[g].name), WithThousands(audit.groups[g].persons),
               RateCell(RateNamed(GroupRates(audit.groups[g], audit.total, audit.twin),
                                  "population_share")),
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
        EscapeHtml(rule.id), EscapeHtml(who), rule.EvidenceName(), rule.OperatorName(),
        Name(rule.category), rule.EffectivePriority(), Name(rule.response));
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

void MethodsSection(HtmlPage* page) {
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

}  // namespace oversight::report_html
