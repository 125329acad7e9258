#include "report/reporting_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "report/html_page.h"
#include "report/human_numbers.h"
#include "report/report_json.h"

namespace oversight {

namespace {

using Json = HtmlPage::Json;

double Share(double part, double whole) { return whole > 0 ? part / whole : 0.0; }

double Pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

// A change in percentage points, signed; one that rounds to zero is "0.0", never "-0.0".
std::string Points(double share) {
  const double points = share * 100;
  return std::abs(points) < 0.05 ? std::string("0.0") : fmt::format("{:+.1f}", points);
}

std::string DistrictsCsv(const Scenario& s, const ReportingExperiment& e) {
  const ReportingFacts f = FactsOf(s, e);
  std::string out =
      "district,victimization_rate,reporting_rate,population,true_crimes,reported_crimes,"
      "true_crime_share,hotspot_share_all_crime,hotspot_share_reported_crime,change,"
      "change_p05,change_p95\n";
  for (size_t d = 0; d < e.districts.size(); ++d) {
    const ReportingDistrict& o = s.reporting.districts[d];
    const ReportingDistrictResult& r = e.districts[d];
    out += fmt::format("{},{},{},{},{:.1f},{:.1f},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f}\n",
                       o.name, o.victimization_rate, o.reporting_rate, o.population, r.true_crimes,
                       r.reported_crimes, f.true_share[d], f.hotspot_true[d], f.hotspot_reported[d],
                       f.hotspot_reported[d] - f.hotspot_true[d], r.change_p05, r.change_p95);
  }
  return out;
}

std::string CellsCsv(const Scenario& s, const ReportingExperiment& e) {
  std::string out = "x,y,district,hotspot_days_all_crime,hotspot_days_reported_crime\n";
  for (size_t c = 0; c < s.reporting.cells.size(); ++c) {
    const ReportingCell& cell = s.reporting.cells[c];
    out += fmt::format("{},{},{},{:.2f},{:.2f}\n", cell.x, cell.y,
                       s.reporting.districts[static_cast<size_t>(cell.district)].name,
                       e.cell_days_true[c], e.cell_days_reported[c]);
  }
  return out;
}

std::string ReportJson(const Scenario& s, const ReportingExperiment& e, std::string_view version) {
  const ReportingScenarioOptions& o = s.reporting;
  const ReportingFacts f = FactsOf(s, e);
  Json root;
  root["schema_version"] = kReportSchemaVersion;
  root["generator"] = fmt::format("oversight {}", version);
  root["synthetic_only"] = true;
  root["model"] = "reporting";
  root["scenario"] = {{"name", s.name},
                      {"description", s.description},
                      {"seed", s.seed},
                      {"days", s.days},
                      {"cells", o.cells.size()},
                      {"population_scale", o.population_scale},
                      {"theta", o.theta},
                      {"omega", o.omega},
                      {"burn_in_days", o.burn_in_days},
                      {"train_days", o.train_days},
                      {"refit_days", o.refit_days},
                      {"top", o.top},
                      {"runs", o.runs}};
  root["hotspot_days_moved"] = f.moved;
  root["correlation_reporting_rate_change"] = f.correlation;
  root["captured_true_crime"] = {{"all_crime", e.captured_true},
                                 {"reported_crime", e.captured_reported}};
  root["fit_theta"] = {{"all_crime", e.theta_true}, {"reported_crime", e.theta_reported}};
  Json districts = Json::array();
  for (size_t d = 0; d < e.districts.size(); ++d) {
    const ReportingDistrict& od = o.districts[d];
    const ReportingDistrictResult& r = e.districts[d];
    districts.push_back({{"district", od.name},
                         {"victimization_rate", od.victimization_rate},
                         {"reporting_rate", od.reporting_rate},
                         {"population", od.population},
                         {"true_crimes", r.true_crimes},
                         {"reported_crimes", r.reported_crimes},
                         {"true_crime_share", f.true_share[d]},
                         {"hotspot_share_all_crime", f.hotspot_true[d]},
                         {"hotspot_share_reported_crime", f.hotspot_reported[d]},
                         {"change", f.hotspot_reported[d] - f.hotspot_true[d]},
                         {"change_p05", r.change_p05},
                         {"change_p95", r.change_p95}});
  }
  root["districts"] = districts;
  return root.dump(2) + "\n";
}

Json ShareChart(const Scenario& s, const ReportingExperiment& e, const ReportingFacts& f) {
  Json values = Json::array();
  for (size_t d = 0; d < e.districts.size(); ++d) {
    const std::string& name = s.reporting.districts[d].name;
    const double rate = s.reporting.districts[d].reporting_rate;
    values.push_back(
        {{"district", name}, {"rate", rate}, {"what", "true crime"}, {"share", f.true_share[d]}});
    values.push_back({{"district", name},
                      {"rate", rate},
                      {"what", "hotspots, fitted on all crime"},
                      {"share", f.hotspot_true[d]}});
    values.push_back({{"district", name},
                      {"rate", rate},
                      {"what", "hotspots, fitted on reported crime"},
                      {"share", f.hotspot_reported[d]}});
  }
  return {{"data", {{"values", values}}},
          {"mark", "bar"},
          {"height", {{"step", 9}}},
          {"encoding",
           {{"y",
             {{"field", "district"},
              {"type", "nominal"},
              {"sort", {{"field", "rate"}, {"order", "descending"}}},
              {"title", "district (highest reporting rate first)"}}},
            {"yOffset", {{"field", "what"}}},
            {"x",
             {{"field", "share"},
              {"type", "quantitative"},
              {"axis", {{"format", "%"}}},
              {"title", "share of the city's total"}}},
            {"color",
             {{"field", "what"},
              {"type", "nominal"},
              {"title", nullptr},
              {"legend", {{"orient", "bottom"}, {"labelLimit", 400}}}}}}}};
}

Json MapChart(const Scenario& s, const ReportingExperiment& e) {
  Json values = Json::array();
  double largest = 1;
  for (size_t c = 0; c < s.reporting.cells.size(); ++c) {
    const double change = e.cell_days_reported[c] - e.cell_days_true[c];
    largest = std::max(largest, std::abs(change));
    values.push_back(
        {{"x0", s.reporting.cells[c].x - 1},
         {"x", s.reporting.cells[c].x},
         {"y0", s.reporting.cells[c].y - 1},
         {"y", s.reporting.cells[c].y},
         {"district",
          s.reporting.districts[static_cast<size_t>(s.reporting.cells[c].district)].name},
         {"change", change}});
  }
  return {{"data", {{"values", values}}},
          {"width", 220},
          {"height", 500},
          {"mark", {{"type", "rect"}, {"stroke", "#ddd"}, {"strokeWidth", 0.3}}},
          {"encoding",
           {{"x",
             {{"field", "x0"},
              {"type", "quantitative"},
              {"axis", nullptr},
              {"scale", {{"zero", false}, {"nice", false}}}}},
            {"x2", {{"field", "x"}}},
            {"y",
             {{"field", "y0"},
              {"type", "quantitative"},
              {"axis", nullptr},
              {"scale", {{"zero", false}, {"nice", false}}}}},
            {"y2", {{"field", "y"}}},
            {"color",
             {{"field", "change"},
              {"type", "quantitative"},
              {"title", "hotspot days gained"},
              {"scale", {{"scheme", "redblue"}, {"domain", {-largest, largest}}}}}},
            {"tooltip",
             Json::array({{{"field", "district"}}, {{"field", "change"}, {"format", ".1f"}}})}}}};
}

std::string Html(const Scenario& s, const ReportingExperiment& e, std::string_view version) {
  const ReportingScenarioOptions& o = s.reporting;
  const ReportingFacts f = FactsOf(s, e);
  HtmlPage page;
  page.Addf(
      "<header>\n<h1>Oversight: &lsquo;{}&rsquo;</h1>\n<p>{}</p>\n<p>Crime simulated over {} "
      "cells in {} districts, reported at each district's rate; PredPol's forecast fitted on "
      "all of it and on what was reported, the top {} cells each of {} days; {} runs, seed {}; "
      "Oversight {}.</p>\n</header>\n<main>\n",
      EscapeHtml(s.name), EscapeHtml(s.description), WithThousands(o.cells.size()),
      o.districts.size(), o.top, s.days, o.runs, s.seed, EscapeHtml(version));
  const ReportingDistrict& lost = o.districts[f.most_lost];
  const ReportingDistrict& gained = o.districts[f.most_gained];
  page.Addf(
      "<section id=\"findings\">\n<h2>What the forecasts did</h2>\n<ul>\n<li>{:.1f}% of the "
      "hotspot cell-days move to another district when the forecast learns from reported crime "
      "instead of all crime.</li>\n<li>Districts that report more gain hotspots: the correlation "
      "between a district's reporting rate and its change in hotspot share is {:.2f}.</li>\n"
      "<li>{} (victims report {:.0f}% of crime) loses the most: {} percentage points of the "
      "hotspots (90% of runs between {} and {}). {} (reports {:.0f}%) gains the most: {} "
      "points.</li>\n<li>The day's hotspots hold {:.1f}% of the true crime when the forecast "
      "learns from all crime, {:.1f}% when it learns from reported crime.</li>\n</ul>\n"
      "</section>\n",
      f.moved * 100, f.correlation, EscapeHtml(lost.name), lost.reporting_rate * 100,
      Points(f.hotspot_reported[f.most_lost] - f.hotspot_true[f.most_lost]),
      Points(e.districts[f.most_lost].change_p05), Points(e.districts[f.most_lost].change_p95),
      EscapeHtml(gained.name), gained.reporting_rate * 100,
      Points(f.hotspot_reported[f.most_gained] - f.hotspot_true[f.most_gained]),
      e.captured_true * 100, e.captured_reported * 100);
  page.Add("<section id=\"districts\">\n<h2>Districts</h2>\n");
  page.Chart("chart-reporting-shares", ShareChart(s, e, f),
             "Bar chart: for each district, its share of the true crime and of the hotspot "
             "cell-days of the forecast fitted on all crime and on reported crime.",
             "Each district's share of the true crime, and of the hotspots of each forecast; "
             "districts ordered by reporting rate, highest first.");
  page.Add(
      "<table><caption>Districts, highest reporting rate first (shares of the city's "
      "total; change in percentage points, with 90% of runs between)</caption><thead><tr>"
      "<th scope=\"col\">district</th><th scope=\"col\">victims report</th><th "
      "scope=\"col\">true crime</th><th scope=\"col\">hotspots, all crime</th><th "
      "scope=\"col\">hotspots, reported crime</th><th scope=\"col\">change</th></tr></thead>"
      "<tbody>\n");
  std::vector<size_t> order(e.districts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return o.districts[a].reporting_rate > o.districts[b].reporting_rate;
  });
  for (const size_t d : order) {
    page.Addf(
        "<tr><th scope=\"row\">{}</th><td>{:.0f}%</td><td>{:.1f}%</td><td>{:.1f}%</td>"
        "<td>{:.1f}%</td><td>{} [{}, {}]</td></tr>\n",
        EscapeHtml(o.districts[d].name), o.districts[d].reporting_rate * 100, f.true_share[d] * 100,
        f.hotspot_true[d] * 100, f.hotspot_reported[d] * 100,
        Points(f.hotspot_reported[d] - f.hotspot_true[d]), Points(e.districts[d].change_p05),
        Points(e.districts[d].change_p95));
  }
  page.Add(
      "</tbody></table>\n</section>\n<section id=\"map\">\n<h2>Where the hotspots "
      "moved</h2>\n");
  page.Chart("chart-reporting-map", MapChart(s, e),
             "Map of the city's cells coloured by how many more (blue) or fewer (red) days each "
             "is a hotspot when the forecast learns from reported crime.",
             "Days a hotspot, fitted on reported crime minus fitted on all crime (mean over "
             "runs): blue gains, red loses.");
  page.Addf(
      "</section>\n<section id=\"methods\">\n<h2>The model</h2>\n<p>Each cell has a background "
      "rate of crime, (1 &minus; &theta;) times its district's crimes per day (population / {:g} "
      "&times; victimization per semester of 182.5 days) shared evenly by the district's cells; "
      "each crime triggers Poisson(&theta; = {:g}) more in its cell, each ceil(Exp(&omega; = "
      "{:g})) days later. Victims report each crime with their district's reporting rate. "
      "{} days are simulated and dropped, then {} days of history; each of the next {} days the "
      "cells are ranked by PredPol's self-exciting model (Mohler et al., JASA 2015), refitted "
      "every {} days on the {} days before, once on all crime and once on the reported crime, "
      "and the top {} are that day's hotspots. After Akpinar, De-Arteaga and Chouldechova, "
      "&ldquo;The effect of differential victim crime reporting on predictive policing "
      "systems&rdquo; (FAccT 2021), on a grid model of their Bogot&aacute; setting. Mean "
      "&theta; of the fits: {:.3f} on all crime, {:.3f} on reported crime.</p>\n</section>\n"
      "</main>\n",
      o.population_scale, o.theta, o.omega, o.burn_in_days, o.train_days, s.days, o.refit_days,
      o.train_days, o.top, e.theta_true, e.theta_reported);
  page.Footer();
  return page.Finish("Oversight: '" + s.name + "'");
}

}  // namespace

ReportingFacts FactsOf(const Scenario& s, const ReportingExperiment& e) {
  ReportingFacts f;
  double total_true = 0;
  for (const ReportingDistrictResult& d : e.districts) total_true += d.true_crimes;
  const double cell_days = static_cast<double>(e.days) * e.top;
  std::vector<double> rates, changes;
  for (size_t d = 0; d < e.districts.size(); ++d) {
    f.true_share.push_back(Share(e.districts[d].true_crimes, total_true));
    f.hotspot_true.push_back(Share(e.districts[d].hotspots_true, cell_days));
    f.hotspot_reported.push_back(Share(e.districts[d].hotspots_reported, cell_days));
    const double change = f.hotspot_reported[d] - f.hotspot_true[d];
    f.moved += std::abs(change) / 2;
    rates.push_back(s.reporting.districts[d].reporting_rate);
    changes.push_back(change);
    if (change < changes[f.most_lost]) f.most_lost = d;
    if (change > changes[f.most_gained]) f.most_gained = d;
  }
  f.correlation = Pearson(rates, changes);
  return f;
}

std::string ReportingSummary(const Scenario& s, const ReportingExperiment& e) {
  const ReportingScenarioOptions& o = s.reporting;
  const ReportingFacts f = FactsOf(s, e);
  std::string out = fmt::format(
      "Oversight reporting '{}': {} cells in {} districts, top {} cells a day for {} days, {} "
      "runs, seed {}\n  Fitted on reported instead of all crime, {:.1f}% of the hotspot "
      "cell-days move district; reporting rate against change in hotspot share: r = {:.2f}\n",
      s.name, WithThousands(o.cells.size()), o.districts.size(), o.top, s.days, o.runs, s.seed,
      f.moved * 100, f.correlation);
  out += fmt::format(
      "  Loses most: {} (reports {:.0f}%), {} points [90% of runs {} to {}]; gains most: {} "
      "(reports {:.0f}%), {} points\n  True crime in the day's hotspots: {:.1f}% fitted on all "
      "crime, {:.1f}% on reported crime\n",
      o.districts[f.most_lost].name, o.districts[f.most_lost].reporting_rate * 100,
      Points(f.hotspot_reported[f.most_lost] - f.hotspot_true[f.most_lost]),
      Points(e.districts[f.most_lost].change_p05), Points(e.districts[f.most_lost].change_p95),
      o.districts[f.most_gained].name, o.districts[f.most_gained].reporting_rate * 100,
      Points(f.hotspot_reported[f.most_gained] - f.hotspot_true[f.most_gained]),
      e.captured_true * 100, e.captured_reported * 100);
  return out;
}

absl::Status WriteReportingReport(const Scenario& scenario, const ReportingExperiment& experiment,
                                  std::string_view version, OutputSink* sink) {
  return sink->WriteAll({{"reporting_districts.csv", DistrictsCsv(scenario, experiment)},
                         {"reporting_cells.csv", CellsCsv(scenario, experiment)},
                         {"summary.txt", ReportingSummary(scenario, experiment)},
                         {"report.html", Html(scenario, experiment, version)},
                         {"report.json", ReportJson(scenario, experiment, version)}});
}

}  // namespace oversight
