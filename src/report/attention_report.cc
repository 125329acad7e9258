#include "report/attention_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/html_page.h"
#include "report/human_numbers.h"
#include "report/report_json.h"

namespace oversight {

namespace {

using Json = HtmlPage::Json;

constexpr int32_t kPeriod = 20;  // steps per point of the report's charts

double Share(double part, double whole) { return whole > 0 ? part / whole : 0.0; }

std::string StepsCsv(const Scenario& s, const AttentionExperiment& e) {
  std::string out = "agent,step,site,rate,occurred,discovered,missed\n";
  const auto sites = static_cast<size_t>(e.sites);
  for (const AttentionArm& arm : e.arms) {
    for (size_t i = 0; i < arm.occurred.size(); ++i) {
      out += fmt::format("{},{},{},{:.4f},{:.4f},{:.4f},{:.4f}\n", arm.name, i / sites,
                         s.attention.sites[i % sites], arm.rate[i], arm.occurred[i],
                         arm.discovered[i], arm.occurred[i] - arm.discovered[i]);
    }
  }
  return out;
}

std::string SitesCsv(const Scenario& s, const AttentionExperiment& e) {
  std::string out = "agent,site,occurred,discovered,missed,discovered_share\n";
  for (const AttentionArm& arm : e.arms) {
    for (size_t k = 0; k < arm.total_occurred.size(); ++k) {
      out += fmt::format("{},{},{:.2f},{:.2f},{:.2f},{:.6f}\n", arm.name, s.attention.sites[k],
                         arm.total_occurred[k], arm.total_discovered[k],
                         arm.total_occurred[k] - arm.total_discovered[k],
                         Share(arm.total_discovered[k], arm.total_occurred[k]));
    }
  }
  return out;
}

std::string ReportJson(const Scenario& s, const AttentionExperiment& e, std::string_view version) {
  const AttentionScenarioOptions& o = s.attention;
  Json root;
  root["schema_version"] = kReportSchemaVersion;
  root["generator"] = fmt::format("oversight {}", version);
  root["synthetic_only"] = true;
  root["model"] = "attention";
  root["scenario"] = {{"name", s.name},       {"description", s.description},
                      {"seed", s.seed},       {"steps", s.days},
                      {"runs", o.runs},       {"sites", o.sites},
                      {"rates", o.rates},     {"units", o.units},
                      {"drift", o.drift},     {"miss_probability", o.miss_probability},
                      {"burn_in", o.burn_in}, {"window", o.window}};
  Json arms = Json::array();
  for (const AttentionArm& arm : e.arms) {
    Json sites = Json::array();
    for (size_t k = 0; k < arm.total_occurred.size(); ++k) {
      sites.push_back(
          {{"site", o.sites[k]},
           {"occurred", arm.total_occurred[k]},
           {"discovered", arm.total_discovered[k]},
           {"discovered_share", Share(arm.total_discovered[k], arm.total_occurred[k])}});
    }
    arms.push_back({{"agent", arm.name},
                    {"delta_mean", arm.delta_mean},
                    {"delta_sd", arm.delta_sd},
                    {"discovered", arm.discovered_all},
                    {"missed", arm.missed_all},
                    {"sites", sites}});
  }
  root["arms"] = arms;
  return root.dump(2) + "\n";
}

// Per agent, site and period of kPeriod steps: the share of the period's incidents found.
Json ShareChart(const Scenario& s, const AttentionExperiment& e) {
  Json values = Json::array();
  const auto sites = static_cast<size_t>(e.sites);
  for (const AttentionArm& arm : e.arms) {
    for (int32_t from = 0; from < e.steps; from += kPeriod) {
      const int32_t to = std::min(e.steps, from + kPeriod);
      for (size_t k = 0; k < sites; ++k) {
        double occurred = 0, discovered = 0;
        for (int32_t t = from; t < to; ++t) {
          occurred += arm.occurred[static_cast<size_t>(t) * sites + k];
          discovered += arm.discovered[static_cast<size_t>(t) * sites + k];
        }
        values.push_back({{"agent", arm.name},
                          {"step", from},
                          {"site", s.attention.sites[k]},
                          {"share", Share(discovered, occurred)}});
      }
    }
  }
  return {{"data", {{"values", values}}},
          {"facet", {{"field", "agent"}, {"type", "nominal"}, {"title", nullptr}}},
          {"columns", 3},
          {"spec",
           {{"width", 220},
            {"height", 160},
            {"mark", {{"type", "line"}}},
            {"encoding",
             {{"x", {{"field", "step"}, {"type", "quantitative"}, {"title", "step"}}},
              {"y",
               {{"field", "share"},
                {"type", "quantitative"},
                {"axis", {{"format", "%"}}},
                {"scale", {{"domain", {0, 1}}}},
                {"title", "incidents discovered"}}},
              {"color", {{"field", "site"}, {"type", "nominal"}, {"title", "site"}}}}}}}};
}

void AddTable(const AttentionExperiment& e, HtmlPage& page) {
  page.Add(
      "<table><caption>The agents over all steps (means over the runs)</caption><thead><tr>"
      "<th scope=\"col\">agent</th><th scope=\"col\">incidents discovered</th><th "
      "scope=\"col\">missed</th><th scope=\"col\">&Delta; (sd over runs)</th></tr></thead>"
      "<tbody>\n");
  for (const AttentionArm& arm : e.arms) {
    page.Addf("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{:.3f} ({:.3f})</td></tr>\n",
              EscapeHtml(arm.name), WithThousands(static_cast<uint64_t>(arm.discovered_all + 0.5)),
              WithThousands(static_cast<uint64_t>(arm.missed_all + 0.5)), arm.delta_mean,
              arm.delta_sd);
  }
  page.Add("</tbody></table>\n");
}

std::string RatesText(const AttentionScenarioOptions& o) {
  std::string out;
  for (size_t k = 0; k < o.rates.size(); ++k) {
    out += fmt::format("{}{} {:g}", k == 0 ? "" : ", ", o.sites[k], o.rates[k]);
  }
  return out;
}

std::string Html(const Scenario& s, const AttentionExperiment& e, std::string_view version) {
  const AttentionScenarioOptions& o = s.attention;
  HtmlPage page;
  page.Addf(
      "<header>\n<h1>Oversight: &lsquo;{}&rsquo;</h1>\n<p>{}</p>\n<p>Attention allocation "
      "(D'Amour et al., &ldquo;Fairness is not static&rdquo;): {} units over {} sites, {} runs "
      "of {} steps, seed {}; Oversight {}.</p>\n</header>\n<main>\n",
      EscapeHtml(s.name), EscapeHtml(s.description), o.units, e.sites,
      WithThousands(static_cast<uint64_t>(e.runs)), WithThousands(static_cast<uint64_t>(e.steps)),
      s.seed, EscapeHtml(version));
  page.Add("<section id=\"findings\">\n<h2>What the agents did</h2>\n<ul>\n");
  for (const AttentionArm& arm : e.arms) {
    page.Addf(
        "<li>{}: discovered {:.1f}% of the incidents ({} of {} a run); the gap between the "
        "best and worst served site's discovered share, &Delta;, was {:.3f}.</li>\n",
        EscapeHtml(arm.name), Share(arm.discovered_all, arm.discovered_all + arm.missed_all) * 100,
        WithThousands(static_cast<uint64_t>(arm.discovered_all + 0.5)),
        WithThousands(static_cast<uint64_t>(arm.discovered_all + arm.missed_all + 0.5)),
        arm.delta_mean);
  }
  page.Add("</ul>\n</section>\n<section id=\"sites\">\n<h2>The sites over time</h2>\n");
  page.Chart("chart-attention-share", ShareChart(s, e),
             "Line charts, one per agent: for each site, the share of its incidents discovered "
             "in each period of 20 steps, mean over the runs.",
             "The share of each site's incidents discovered, by 20 steps, for each agent.");
  AddTable(e, page);
  page.Addf(
      "</section>\n<section id=\"methods\">\n<h2>The model</h2>\n<p>Each step every site has a "
      "Poisson number of incidents at its rate (at the start: {}); the agent splits {} units of "
      "attention over the sites, and each unit discovers at most one incident where it is "
      "(each then missed with probability {:g}). A site with no unit gains {:g} on its rate, "
      "one with a units loses {:g}&nbsp;&times;&nbsp;a (never below zero). Agents: uniform "
      "(each unit to a site at random), proportional (to each site's discoveries so far, "
      "with a uniform step with probability &epsilon;), greedy (censored-Poisson "
      "maximum-likelihood rates over the last {} steps after {} uniform ones, units where "
      "the next is likeliest to discover, with the discovered shares kept within &alpha;; "
      "a tenth of its steps uniform), "
      "oracle (in proportion to the true rates). &Delta; is the largest gap between two "
      "sites' discovered / occurred over a run (D'Amour, Srinivasan, Atwood, Baljekar, "
      "Sculley and Halpern, &ldquo;Fairness is not static&rdquo;, FAT* 2020; "
      "google/ml-fairness-gym).</p>\n</section>\n</main>\n",
      EscapeHtml(RatesText(o)), o.units, o.miss_probability, o.drift, o.drift, o.window, o.burn_in);
  return page.Finish("Oversight: '" + s.name + "'");
}

}  // namespace

std::string AttentionSummary(const Scenario& s, const AttentionExperiment& e) {
  const AttentionScenarioOptions& o = s.attention;
  std::string out = fmt::format(
      "Oversight attention '{}': {} units over {} sites ({}), drift {:g}, {} runs of {} steps, "
      "seed {}\n",
      s.name, o.units, e.sites, RatesText(o), o.drift, WithThousands(static_cast<uint64_t>(e.runs)),
      WithThousands(static_cast<uint64_t>(e.steps)), s.seed);
  for (const AttentionArm& arm : e.arms) {
    out += fmt::format(
        "  {}: discovered {:.1f} and missed {:.1f} incidents a run ({:.1f}% found); Delta "
        "{:.3f} (sd {:.3f})\n",
        arm.name, arm.discovered_all, arm.missed_all,
        Share(arm.discovered_all, arm.discovered_all + arm.missed_all) * 100, arm.delta_mean,
        arm.delta_sd);
  }
  return out;
}

absl::Status WriteAttentionReport(const Scenario& scenario, const AttentionExperiment& experiment,
                                  std::string_view version, OutputSink* sink) {
  return sink->WriteAll({{"attention_steps.csv", StepsCsv(scenario, experiment)},
                         {"attention_sites.csv", SitesCsv(scenario, experiment)},
                         {"summary.txt", AttentionSummary(scenario, experiment)},
                         {"report.html", Html(scenario, experiment, version)},
                         {"report.json", ReportJson(scenario, experiment, version)}});
}

}  // namespace oversight
