#include "report/urn_report.h"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "report/html_page.h"
#include "report/human_numbers.h"
#include "report/report_json.h"

namespace oversight {

namespace {

using Json = HtmlPage::Json;

std::string ArmName(const UrnArm& arm) {
  return arm.correction ? "with the correction" : "without the correction";
}

std::string CapitalArmName(const UrnArm& arm) {
  return arm.correction ? "With the correction" : "Without the correction";
}

std::string ArmKey(const UrnArm& arm) { return arm.correction ? "corrected" : "uncorrected"; }

// The analytic limit as a percentage, or why there is none.
std::string LimitText(const UrnArm& arm) {
  return arm.limit ? fmt::format("{:.1f}%", *arm.limit * 100) : "random (the Beta limit)";
}

Json LimitJson(const UrnArm& arm) { return arm.limit ? Json(*arm.limit) : Json(nullptr); }

std::string UpdatesName(const UrnScenarioOptions& u) {
  return u.updates == UrnUpdates::kExpected ? "expected" : "poisson";
}

std::string SurpriseName(const UrnScenarioOptions& u) {
  constexpr std::array<const char*, 3> kNames = {"linear", "partial", "weighted"};
  return kNames[static_cast<size_t>(u.surprise)];
}

// Per run, each arm's final share of A.
std::string RunsCsv(const UrnExperiment& e) {
  std::string out = "run";
  for (const UrnArm& arm : e.arms) out += fmt::format(",final_share_{}", ArmKey(arm));
  out += "\n";
  for (size_t r = 0; r < static_cast<size_t>(e.runs); ++r) {
    out += std::to_string(r);
    for (const UrnArm& arm : e.arms) out += fmt::format(",{:.6f}", arm.final_share[r]);
    out += "\n";
  }
  return out;
}

std::string DaysCsv(const UrnExperiment& e) {
  std::string out = "day";
  for (const UrnArm& arm : e.arms) {
    const std::string k = ArmKey(arm);
    out += fmt::format(",mean_share_{0},p05_share_{0},p95_share_{0}", k);
  }
  out += "\n";
  for (int32_t d = 0; d < e.days; ++d) {
    out += std::to_string(d);
    for (const UrnArm& arm : e.arms) {
      const auto i = static_cast<size_t>(d);
      out += fmt::format(",{:.6f},{:.6f},{:.6f}", arm.mean_share[i], arm.p05_share[i],
                         arm.p95_share[i]);
    }
    out += "\n";
  }
  return out;
}

std::string ReportJson(const Scenario& s, const UrnExperiment& e, std::string_view version) {
  Json root;
  root["schema_version"] = kReportSchemaVersion;
  root["generator"] = fmt::format("oversight {}", version);
  root["synthetic_only"] = true;
  root["model"] = "urn";
  const UrnScenarioOptions& u = s.urn;
  root["scenario"] = {{"name", s.name},
                      {"description", s.description},
                      {"seed", s.seed},
                      {"days", s.days},
                      {"runs", u.runs},
                      {"regions", u.regions},
                      {"discovered_rate", u.discovered_rate},
                      {"reported_rate", u.reported_rate},
                      {"start", u.start},
                      {"decay", u.decay},
                      {"updates", UpdatesName(u)},
                      {"surprise", SurpriseName(u)},
                      {"surprise_add", u.surprise_add},
                      {"reported_weight", u.reported_weight},
                      {"threshold", u.threshold}};
  root["true_share"] = e.true_share;
  Json arms = Json::array();
  for (const UrnArm& arm : e.arms) {
    arms.push_back({{"correction", arm.correction},
                    {"final_mean_share", arm.mean_share.back()},
                    {"final_p05_share", arm.p05_share.back()},
                    {"final_p95_share", arm.p95_share.back()},
                    {"patrol_share", arm.patrol_share_a},
                    {"runaway_runs", arm.runaway},
                    {"analytic_limit", LimitJson(arm)},
                    {"final_sd_share", arm.sd_final},
                    {"final_share_deciles", arm.deciles},
                    {"runs_above_threshold", arm.above_threshold},
                    {"mean_share_by_day", arm.mean_share}});
  }
  root["arms"] = arms;
  return root.dump(2) + "\n";
}

// The findings in sentences, one per arm.
void FindingsSection(const Scenario& s, const UrnExperiment& e, HtmlPage* out) {
  const UrnScenarioOptions& u = s.urn;
  HtmlPage& page = *out;
  page.Addf(
      "<section id=\"findings\">\n<h2>What the runs found</h2>\n<ul>\n<li>The truth: "
      "&lsquo;{}&rsquo; has {:.1f}% of the incidents ({:g} a day against {:g} in &lsquo;{}&rsquo;)."
      "</li>\n",
      EscapeHtml(u.regions[0]), e.true_share * 100, u.discovered_rate[0], u.discovered_rate[1],
      EscapeHtml(u.regions[1]));
  for (const UrnArm& arm : e.arms) {
    page.Addf(
        "<li>{}: after {} days the records give &lsquo;{}&rsquo; {:.1f}% of the incidents on "
        "average (90% of runs between {:.1f}% and {:.1f}%); the patrol went there {:.1f}% of "
        "the days; {} of {} runs ended beyond 95% to one region. The analytic limit: {}."
        "</li>\n",
        CapitalArmName(arm), WithThousands(static_cast<uint64_t>(e.days)), EscapeHtml(u.regions[0]),
        arm.mean_share.back() * 100, arm.p05_share.back() * 100, arm.p95_share.back() * 100,
        arm.patrol_share_a * 100, WithThousands(static_cast<uint64_t>(arm.runaway)),
        WithThousands(static_cast<uint64_t>(e.runs)), LimitText(arm));
  }
}

// The first region's share of the records day by day, per arm.
void ShareChart(const Scenario& s, const UrnExperiment& e, HtmlPage* out) {
  const UrnScenarioOptions& u = s.urn;
  HtmlPage& page = *out;
  page.Add("</ul>\n</section>\n<section id=\"runs\">\n<h2>The records over time</h2>\n");
  Json values = Json::array();
  for (const UrnArm& arm : e.arms) {
    for (size_t d = 0; d < arm.mean_share.size(); ++d) {
      values.push_back({{"day", d},
                        {"arm", ArmName(arm)},
                        {"mean", arm.mean_share[d]},
                        {"p05", arm.p05_share[d]},
                        {"p95", arm.p95_share[d]}});
    }
  }
  Json color = {{"field", "arm"},
                {"type", "nominal"},
                {"title", nullptr},
                {"legend", {{"orient", "bottom"}, {"labelLimit", 400}}}};
  Json x = {{"field", "day"}, {"type", "quantitative"}, {"axis", {{"format", "d"}}}};
  page.Chart(
      "chart-urn-share",
      {{"data", {{"values", values}}},
       {"height", 280},
       {"layer",
        Json::array(
            {{{"mark", {{"type", "area"}, {"opacity", 0.25}}},
              {"encoding",
               {{"x", x},
                {"y",
                 {{"field", "p05"},
                  {"type", "quantitative"},
                  {"scale", {{"domain", {0, 1}}}},
                  {"axis", {{"format", "%"}}},
                  {"title", fmt::format("{}'s share of recorded incidents", u.regions[0])}}},
                {"y2", {{"field", "p95"}}},
                {"color", color}}}},
             {{"mark", {{"type", "line"}}},
              {"encoding",
               {{"x", x}, {"y", {{"field", "mean"}, {"type", "quantitative"}}}, {"color", color}}}},
             {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}}},
              {"encoding", {{"y", {{"datum", e.true_share}}}}}}})}},
      "Line chart: the first region's share of the recorded incidents day by day, mean and "
      "90% band over the runs, for each arm; a dashed line marks the true share.",
      "The first region's share of the recorded incidents (the urn), mean over the runs with "
      "the band holding 90% of them; dashed: the true share, what an unbiased record would "
      "approach.");
}

// The arms after the last day.
void ArmsTable(const Scenario& s, const UrnExperiment& e, HtmlPage* out) {
  HtmlPage& page = *out;
  page.Add(
      "<table><caption>The arms after the last day</caption><thead><tr><th scope=\"col\">arm"
      "</th><th scope=\"col\">share recorded for the first region</th><th scope=\"col\">90% of "
      "runs between</th><th scope=\"col\">sd over runs</th><th scope=\"col\">analytic limit</th>"
      "<th scope=\"col\">patrol-days there</th><th scope=\"col\">runs beyond "
      "95%</th><th scope=\"col\">runs above the threshold</th></tr></thead><tbody>\n");
  for (const UrnArm& arm : e.arms) {
    page.Addf(
        "<tr><th scope=\"row\">{}</th><td>{:.1f}%</td><td>{:.1f}% &ndash; {:.1f}%</td>"
        "<td>{:.1f} points</td><td>{}</td><td>{:.1f}%</td><td>{} of {}</td><td>{:.1f}% (above "
        "{:g}%)</td></tr>\n",
        ArmName(arm), arm.mean_share.back() * 100, arm.p05_share.back() * 100,
        arm.p95_share.back() * 100, arm.sd_final * 100, LimitText(arm), arm.patrol_share_a * 100,
        WithThousands(static_cast<uint64_t>(arm.runaway)),
        WithThousands(static_cast<uint64_t>(e.runs)), arm.above_threshold * 100,
        s.urn.threshold * 100);
  }
  page.Add("</tbody></table>\n</section>\n");
}

// The model in words.
void MethodsSection(const Scenario& s, HtmlPage* out) {
  const UrnScenarioOptions& u = s.urn;
  HtmlPage& page = *out;
  page.Addf(
      "<section id=\"methods\">\n<h2>The model</h2>\n<p>Two regions; the urn holds each "
      "region's recorded incidents (at the start {:g} and {:g}). Each day one patrol goes to a "
      "region drawn in proportion to its records and discovers a Poisson number of incidents "
      "there (true rates {:g} and {:g} a day); nothing is discovered where it did not go. "
      "Residents report Poisson({:g}) and Poisson({:g}) incidents a day wherever the patrol "
      "went. Each day every record is forgotten with probability {:g}, keeping at least one. "
      "The correction (Ensign, Friedler, Neville, Scheidegger and Venkatasubramanian, "
      "&ldquo;Runaway Feedback Loops in Predictive Policing&rdquo;, FAT* 2018) keeps a day's "
      "discoveries only with probability p<sub>other</sub> / max(p<sub>A</sub>, "
      "p<sub>B</sub>), the regions' shares of the records, so that each region's records grow "
      "with its true rate rather than with how often it is patrolled; here a rejected day adds "
      "{}. Updates: {}. The analytic limit is the share at which the expected daily additions "
      "split in the same proportion (Ensign et al.'s quadratic without the correction).</p>\n"
      "</section>\n</main>\n",
      u.start[0], u.start[1], u.discovered_rate[0], u.discovered_rate[1], u.reported_rate[0],
      u.reported_rate[1], u.decay,
      u.surprise == UrnSurprise::kLinear
          ? std::string("nothing (the linear surprise)")
          : fmt::format("{:g} and {:g} ({} surprise)", u.surprise_add[0], u.surprise_add[1],
                        SurpriseName(u)),
      u.updates == UrnUpdates::kExpected ? "the expected counts themselves (deterministic)"
                                         : "Poisson draws of the daily rates");
}

std::string Html(const Scenario& s, const UrnExperiment& e, std::string_view version) {
  HtmlPage page;
  page.Addf(
      "<header>\n<h1>Oversight: &lsquo;{}&rsquo;</h1>\n<p>{}</p>\n<p>Ensign et al.'s urn model "
      "of place-based predictive policing: {} runs of {} days, seed {}; Oversight {}.</p>\n"
      "</header>\n<main>\n",
      EscapeHtml(s.name), EscapeHtml(s.description), WithThousands(static_cast<uint64_t>(e.runs)),
      WithThousands(static_cast<uint64_t>(e.days)), s.seed, EscapeHtml(version));
  FindingsSection(s, e, &page);
  ShareChart(s, e, &page);
  ArmsTable(s, e, &page);
  MethodsSection(s, &page);
  page.Footer();
  return page.Finish("Oversight: '" + s.name + "'");
}

}  // namespace

std::string UrnSummary(const Scenario& s, const UrnExperiment& e) {
  const UrnScenarioOptions& u = s.urn;
  std::string out = fmt::format(
      "Oversight urn '{}': {} runs of {} days, seed {}\n  The truth: '{}' has {:.1f}% of the "
      "incidents ({:g} a day against {:g} in '{}')\n",
      s.name, WithThousands(static_cast<uint64_t>(e.runs)),
      WithThousands(static_cast<uint64_t>(e.days)), s.seed, u.regions[0], e.true_share * 100,
      u.discovered_rate[0], u.discovered_rate[1], u.regions[1]);
  for (const UrnArm& arm : e.arms) {
    out += fmt::format(
        "  {}: the records give '{}' {:.1f}% [90% of runs {:.1f}% to {:.1f}%; sd {:.1f} "
        "points; {:.1f}% of runs above {:g}%]; analytic limit {}; patrol there {:.1f}% of days; "
        "{} runs ended beyond 95% to one region\n",
        CapitalArmName(arm), u.regions[0], arm.mean_share.back() * 100, arm.p05_share.back() * 100,
        arm.p95_share.back() * 100, arm.sd_final * 100, arm.above_threshold * 100,
        u.threshold * 100, LimitText(arm), arm.patrol_share_a * 100,
        WithThousands(static_cast<uint64_t>(arm.runaway)));
  }
  return out;
}

absl::Status WriteUrnReport(const Scenario& scenario, const UrnExperiment& experiment,
                            std::string_view version, OutputSink* sink) {
  return sink->WriteAll({{"urn_days.csv", DaysCsv(experiment)},
                         {"urn_runs.csv", RunsCsv(experiment)},
                         {"summary.txt", UrnSummary(scenario, experiment)},
                         {"report.html", Html(scenario, experiment, version)},
                         {"report.json", ReportJson(scenario, experiment, version)}});
}

}  // namespace oversight
