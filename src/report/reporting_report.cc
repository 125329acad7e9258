#include "report/reporting_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "report/html_page.h"
#include "report/human_numbers.h"
#include "report/reporting_tables.h"

namespace oversight {

namespace {

using Json = HtmlPage::Json;

constexpr size_t kSeppReported = 1;  // the arm the findings and the map are about

// A signed count of hotspots; one that rounds to zero is "0.0", never "-0.0".
std::string Signed(double v) {
  return std::abs(v) < 0.05 ? std::string("0.0") : fmt::format("{:+.1f}", v);
}

// The district that loses the most hotspots under `arm` (first of ties), and gains most.
std::pair<size_t, size_t> Extremes(const ReportingArmResult& arm) {
  const auto& v = arm.difference;
  return {static_cast<size_t>(std::min_element(v.begin(), v.end()) - v.begin()),
          static_cast<size_t>(std::max_element(v.begin(), v.end()) - v.begin())};
}

Json DifferenceChart(const Scenario& s, const ReportingExperiment& e) {
  Json values = Json::array();
  for (const ReportingArmResult& a : e.arms) {
    for (size_t d = 0; d < a.difference.size(); ++d) {
      values.push_back({{"district", s.reporting.districts[d].name},
                        {"rate", s.reporting.districts[d].reporting_rate},
                        {"model", a.arm.model == ReportingModel::kSepp ? "SEPP" : "moving average"},
                        {"data", ReportingDataName(a.arm.data)},
                        {"difference", a.difference[d]}});
    }
  }
  return {{"data", {{"values", values}}},
          {"mark", "bar"},
          {"height", {{"step", 7}}},
          {"width", 260},
          {"encoding",
           {{"column", {{"field", "model"}, {"title", nullptr}}},
            {"y",
             {{"field", "district"},
              {"type", "nominal"},
              {"sort", {{"field", "rate"}, {"order", "descending"}}},
              {"title", "district (highest reporting rate first)"}}},
            {"yOffset", {{"field", "data"}}},
            {"x",
             {{"field", "difference"},
              {"type", "quantitative"},
              {"title", "predicted minus true hotspots a day"}}},
            {"color",
             {{"field", "data"},
              {"type", "nominal"},
              {"title", "trained on"},
              {"legend", {{"orient", "bottom"}}}}}}}};
}

Json MapChart(const Scenario& s, const ReportingExperiment& e, size_t arm) {
  Json values = Json::array();
  double largest = 0.5;
  for (const double v : e.arms[arm].difference) largest = std::max(largest, std::abs(v));
  for (const ReportingCell& cell : s.reporting.cells) {
    const auto d = static_cast<size_t>(cell.district);
    values.push_back({{"x0", cell.x - 1},
                      {"x", cell.x},
                      {"y0", cell.y - 1},
                      {"y", cell.y},
                      {"district", s.reporting.districts[d].name},
                      {"reporting", s.reporting.districts[d].reporting_rate},
                      {"difference", e.arms[arm].difference[d]}});
  }
  auto axis = [](const char* field) {
    return Json{{"field", field},
                {"type", "quantitative"},
                {"axis", nullptr},
                {"scale", {{"zero", false}, {"nice", false}}}};
  };
  return {{"data", {{"values", values}}},
          {"width", 220},
          {"height", 500},
          {"mark", {{"type", "rect"}, {"stroke", "#ddd"}, {"strokeWidth", 0.3}}},
          {"encoding",
           {{"x", axis("x0")},
            {"x2", {{"field", "x"}}},
            {"y", axis("y0")},
            {"y2", {{"field", "y"}}},
            {"color",
             {{"field", "difference"},
              {"type", "quantitative"},
              {"title", "hotspots gained a day"},
              {"scale", {{"scheme", "redblue"}, {"domain", {-largest, largest}}}}}},
            {"tooltip", Json::array({{{"field", "district"}},
                                     {{"field", "reporting"}, {"format", ".0%"}},
                                     {{"field", "difference"}, {"format", "+.2f"}}})}}}};
}

Json RankChart(const ReportingExperiment& e) {
  Json values = Json::array();
  for (size_t k = 0; k < e.true_intensity_by_rank.size(); ++k) {
    values.push_back({{"rank", k + 1},
                      {"ranking", "true intensity"},
                      {"intensity", e.true_intensity_by_rank[k]}});
    for (const ReportingArmResult& a : e.arms) {
      values.push_back({{"rank", k + 1},
                        {"ranking", ReportingArmLabel(a.arm)},
                        {"intensity", a.intensity_by_rank[k]}});
    }
  }
  return {{"data", {{"values", values}}},
          {"mark", "line"},
          {"width", 480},
          {"encoding",
           {{"x", {{"field", "rank"}, {"type", "quantitative"}}},
            {"y",
             {{"field", "intensity"},
              {"type", "quantitative"},
              {"title", "true intensity of the cell (crimes a day)"}}},
            {"color",
             {{"field", "ranking"},
              {"type", "nominal"},
              {"legend", {{"orient", "bottom"}, {"columns", 2}, {"labelLimit", 400}}}}}}}};
}

void ArmTable(const ReportingExperiment& e, HtmlPage* page) {
  page->Add(
      "<table><caption>Each forecast against the true top cells (means over runs and "
      "days)</caption><thead><tr><th scope=\"col\">forecast</th><th scope=\"col\">hotspots "
      "displaced a day</th><th scope=\"col\">r with reporting rate</th><th scope=\"col\">true "
      "intensity captured</th></tr></thead><tbody>\n");
  for (const ReportingArmResult& a : e.arms) {
    page->Addf(
        "<tr><th scope=\"row\">{}</th><td>{:.1f} of {}</td><td>{:.2f}</td><td>{:.1f}%"
        "</td></tr>\n",
        EscapeHtml(ReportingArmLabel(a.arm)), a.displaced, e.top, a.correlation, a.captured * 100);
  }
  page->Add("</tbody></table>\n");
}

std::string Html(const Scenario& s, const ReportingExperiment& e, std::string_view version) {
  const ReportingScenarioOptions& o = s.reporting;
  const ReportingArmResult& arm = e.arms[kSeppReported];
  const auto [lost, gained] = Extremes(arm);
  HtmlPage page;
  page.Addf(
      "<header>\n<h1>Oversight: &lsquo;{}&rsquo;</h1>\n<p>{}</p>\n<p>True crime simulated "
      "over {} cells in {} districts, thinned to each district's victimisation and reporting "
      "rates; a SEPP and a moving average trained on all of it, on what was reported, and on "
      "that rescaled by 1/reporting rate; the top {} cells each of {} days against the top {} "
      "by true intensity; {} runs, seed {}; Oversight {}.</p>\n</header>\n<main>\n",
      EscapeHtml(s.name), EscapeHtml(s.description), WithThousands(o.cells.size()),
      o.districts.size(), o.top, s.days, o.top, o.runs, s.seed, EscapeHtml(version));
  page.Addf(
      "<section id=\"findings\">\n<h2>What the forecasts did</h2>\n<ul>\n<li>Trained on "
      "reported crime, the SEPP puts {:.1f} of its {} daily hotspots in districts that "
      "already hold enough true hotspots ({:.1f} when trained on all crime, {:.1f} when "
      "rescaled by 1/reporting rate).</li>\n<li>Districts that report more gain: the "
      "correlation between reporting rate and the difference is {:.2f}.</li>\n<li>{} (victims "
      "report {:.0f}%) loses the most, {} hotspots a day (90% of runs between {} and {}); {} "
      "(reports {:.0f}%) gains the most, {}.</li>\n</ul>\n</section>\n",
      arm.displaced, e.top, e.arms[0].displaced, e.arms[2].displaced, arm.correlation,
      EscapeHtml(o.districts[lost].name), o.districts[lost].reporting_rate * 100,
      Signed(arm.difference[lost]), Signed(arm.difference_p05[lost]),
      Signed(arm.difference_p95[lost]), EscapeHtml(o.districts[gained].name),
      o.districts[gained].reporting_rate * 100, Signed(arm.difference[gained]));
  page.Add("<section id=\"map\">\n<h2>Where the hotspots moved</h2>\n");
  page.Chart("chart-reporting-map", MapChart(s, e, kSeppReported),
             "Map of the city's cells, each coloured by its district's predicted minus true "
             "hotspots a day under the SEPP trained on reported crime.",
             "Per district, the SEPP's hotspots trained on reported crime minus the true top "
             "cells, a day (mean over runs): blue gains, red loses.");
  page.Add("</section>\n<section id=\"districts\">\n<h2>Districts</h2>\n");
  page.Chart("chart-reporting-difference", DifferenceChart(s, e),
             "Bar charts: for each district, predicted minus true hotspots a day, for each "
             "model and training data.",
             "Predicted minus true hotspots a day, per district, districts ordered by reporting "
             "rate, highest first.");
  ArmTable(e, &page);
  page.Add("</section>\n<section id=\"ranks\">\n<h2>True intensity captured by rank</h2>\n");
  page.Chart("chart-reporting-ranks", RankChart(e),
             "Line chart: the true intensity of the cell at each rank of each forecast, and of "
             "the true ranking.",
             "The true intensity of the cell each forecast ranks 1st, 2nd, ... (mean over runs "
             "and days).");
  page.Addf(
      "</section>\n<section id=\"methods\">\n<h2>The model</h2>\n<p>After Akpinar, "
      "De-Arteaga and Chouldechova, &ldquo;The effect of differential victim crime reporting "
      "on predictive policing systems&rdquo; (FAccT 2021). True crime: {} Gaussian bumps "
      "(sd {:g} km), {:g} events a day in all, each event with Poisson({:.3f}) aftershocks "
      "(sd {:g} km, ceil(Exp({:g})) days later); kept per district so that it has population "
      "/ {:g} &times; victimisation per semester; reported at the district's rate. {} days "
      "dropped, {} days of training, {} forecast days. SEPP: one background Gaussian (sd {:g} "
      "km) and triggering within the cell, fitted by EM (mean {:.0f} iterations on all "
      "crime). Moving average: span chosen in-sample among 1&ndash;{} days (mean {:.1f} days "
      "on all crime).</p>\n</section>\n</main>\n",
      o.bumps.size(), o.bump_sd, o.background_rate, o.theta, o.aftershock_sd, o.omega,
      o.population_scale, o.burn_in_days, o.train_days, s.days, o.model_background_sd,
      e.arms[0].iterations, o.ma_max_days, e.arms[3].ma_span);
  page.Footer();
  return page.Finish("Oversight: '" + s.name + "'");
}

}  // namespace

std::string ReportingArmLabel(const ReportingArm& arm) {
  static constexpr std::string_view kData[] = {"on all crime", "on reported crime",
                                               "on reported crime, rescaled (1/r)"};
  return fmt::format("{} {}", arm.model == ReportingModel::kSepp ? "SEPP" : "moving average",
                     kData[static_cast<size_t>(arm.data)]);
}

std::string ReportingSummary(const Scenario& s, const ReportingExperiment& e) {
  const ReportingScenarioOptions& o = s.reporting;
  std::string out = fmt::format(
      "Oversight reporting '{}': {} cells in {} districts, top {} cells a day for {} days "
      "against the true top {}, {} runs, seed {}\n",
      s.name, WithThousands(o.cells.size()), o.districts.size(), o.top, s.days, o.top, o.runs,
      s.seed);
  for (const ReportingArmResult& a : e.arms) {
    out += fmt::format("  {:<50} displaced {:>5.1f} a day, r = {:+.2f}, captures {:.1f}%\n",
                       ReportingArmLabel(a.arm), a.displaced, a.correlation, a.captured * 100);
  }
  const auto [lost, gained] = Extremes(e.arms[kSeppReported]);
  out += fmt::format(
      "  SEPP on reported crime: {} (reports {:.0f}%) loses most, {} a day; {} (reports "
      "{:.0f}%) gains most, {}\n",
      o.districts[lost].name, o.districts[lost].reporting_rate * 100,
      Signed(e.arms[kSeppReported].difference[lost]), o.districts[gained].name,
      o.districts[gained].reporting_rate * 100, Signed(e.arms[kSeppReported].difference[gained]));
  return out;
}

absl::Status WriteReportingReport(const Scenario& scenario, const ReportingExperiment& experiment,
                                  std::string_view version, OutputSink* sink) {
  return sink->WriteAll({{"reporting_districts.csv", ReportingDistrictsCsv(scenario, experiment)},
                         {"reporting_arms.csv", ReportingArmsCsv(scenario, experiment)},
                         {"reporting_ranks.csv", ReportingRanksCsv(experiment)},
                         {"reporting_cells.csv", ReportingCellsCsv(scenario, experiment)},
                         {"summary.txt", ReportingSummary(scenario, experiment)},
                         {"report.html", Html(scenario, experiment, version)},
                         {"report.json", ReportingJson(scenario, experiment, version)}});
}

}  // namespace oversight
