#include "report/predpol_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "report/html_page.h"
#include "report/human_numbers.h"
#include "report/report_json.h"

namespace oversight {

namespace {

using Json = HtmlPage::Json;

std::string ArmName(const PredpolArm& arm) {
  return arm.feedback ? "with feedback" : "without feedback";
}
std::string CapitalArmName(const PredpolArm& arm) {
  return arm.feedback ? "With feedback" : "Without feedback";
}
std::string ArmKey(const PredpolArm& arm) {
  return arm.feedback ? "with_feedback" : "without_feedback";
}

std::string Date(const Scenario& s, int32_t d) { return FormatCivilDay(s.predpol.first_day + d); }

double AreaShare(const PredpolExperiment& e) {
  return e.bins > 0 ? static_cast<double>(e.top) / e.bins : 0.0;
}

std::string BinsCsv(const Scenario& s, const PredpolExperiment& e) {
  std::string out = "bin,x,y";
  for (const PredpolArm& arm : e.arms) {
    out += fmt::format(",records_{0},days_targeted_{0}", ArmKey(arm));
  }
  out += "\n";
  for (int32_t b = 0; b < e.bins; ++b) {
    const auto i = static_cast<size_t>(b);
    const bool centred = i < s.predpol.centres.size() && s.predpol.centres[i].known();
    out +=
        fmt::format("{},{},{}", b + 1, centred ? fmt::format("{:.6f}", s.predpol.centres[i].x) : "",
                    centred ? fmt::format("{:.6f}", s.predpol.centres[i].y) : "");
    for (const PredpolArm& arm : e.arms) {
      out += fmt::format(",{:.2f},{:.2f}", arm.records[i], arm.days_targeted[i]);
    }
    out += "\n";
  }
  return out;
}

std::string DaysCsv(const Scenario& s, const PredpolExperiment& e) {
  std::string out = "date";
  for (const PredpolArm& arm : e.arms) {
    out += fmt::format(",records_{0},hits_{0},top_share_{0}", ArmKey(arm));
  }
  out += "\n";
  for (int32_t d = 0; d < e.days; ++d) {
    out += Date(s, d);
    for (const PredpolArm& arm : e.arms) {
      const auto i = static_cast<size_t>(d);
      out += fmt::format(",{:.2f},{:.2f},{:.6f}", arm.day_records[i], arm.day_hits[i],
                         arm.top_share[i]);
    }
    out += "\n";
  }
  return out;
}

// Every run's targets, day by day, with their predicted intensity.
std::string TargetsCsv(const Scenario& s, const PredpolExperiment& e) {
  std::string out = "date,arm,run,rank,bin,intensity\n";
  const auto top = static_cast<size_t>(e.top);
  for (const PredpolArm& arm : e.arms) {
    for (size_t r = 0; r < arm.targets.size(); ++r) {
      const std::vector<int32_t>& targets = arm.targets[r];
      for (size_t k = 0; k < targets.size(); ++k) {
        if (targets[k] < 0) continue;
        out += fmt::format("{},{},{},{},{},{:.6f}\n", Date(s, static_cast<int32_t>(k / top)),
                           ArmKey(arm), r, k % top + 1, targets[k] + 1, arm.target_intensity[r][k]);
      }
    }
  }
  return out;
}

// The targeted bins' share of the predicted rate, mean over the last 30 forecast days.
double LastMonthTopShare(const PredpolArm& arm) {
  const size_t n = arm.top_share.size();
  const size_t from = n > 30 ? n - 30 : 0;
  double sum = 0;
  for (size_t d = from; d < n; ++d) sum += arm.top_share[d];
  return n > from ? sum / static_cast<double>(n - from) : 0.0;
}

std::string RankerName(const PredpolScenarioOptions& p) {
  return p.ranker == PredpolRanker::kCounts ? "counts" : "sepp";
}

std::string ReportJson(const Scenario& s, const PredpolExperiment& e, std::string_view version) {
  const PredpolScenarioOptions& p = s.predpol;
  Json root;
  root["schema_version"] = kReportSchemaVersion;
  root["generator"] = fmt::format("oversight {}", version);
  root["synthetic_only"] = true;
  root["model"] = "predpol";
  root["scenario"] = {{"name", s.name},
                      {"description", s.description},
                      {"seed", s.seed},
                      {"days", s.days},
                      {"first_day", FormatCivilDay(p.first_day)},
                      {"window_days", p.window_days},
                      {"top", p.top},
                      {"added_share", p.added_share},
                      {"runs", p.runs},
                      {"bins", p.bins},
                      {"records_in_file", p.records.size()},
                      {"records_without_bin", p.records_without_bin},
                      {"ranker", RankerName(p)},
                      {"stop", p.stop_any ? "any" : "all"}};
  root["targeted_area_share"] = AreaShare(e);
  Json arms = Json::array();
  for (const PredpolArm& arm : e.arms) {
    const PredpolArmFacts f = FactsOf(e, arm);
    arms.push_back({{"feedback", arm.feedback},
                    {"runs", arm.runs},
                    {"records", f.records},
                    {"records_added", arm.added},
                    {"hit_rate", f.hit_rate},
                    {"hit_rate_without_added", f.own_hit_rate},
                    {"distinct_bins_targeted", arm.distinct_bins},
                    {"concentration", f.concentration},
                    {"top_bins_records_share", f.top_records_share},
                    {"busiest_bin", f.busiest_bin},
                    {"busiest_bin_days", f.busiest_days},
                    {"top_share_of_predicted_rate_last_30_days", LastMonthTopShare(arm)},
                    {"top_share_of_predicted_rate_by_day", arm.top_share},
                    {"fit",
                     {{"mean_iterations", arm.mean_iterations},
                      {"last_theta", arm.theta},
                      {"last_omega", arm.omega}}},
                    {"days_targeted_by_bin", arm.days_targeted}});
  }
  root["arms"] = arms;
  return root.dump(2) + "\n";
}

Json MapChart(const Scenario& s, const PredpolExperiment& e) {
  Json values = Json::array();
  for (const PredpolArm& arm : e.arms) {
    for (size_t b = 0; b < s.predpol.centres.size() && b < arm.days_targeted.size(); ++b) {
      if (!s.predpol.centres[b].known()) continue;
      values.push_back({{"bin", b + 1},
                        {"arm", ArmName(arm)},
                        {"x", s.predpol.centres[b].x},
                        {"y", s.predpol.centres[b].y},
                        {"days", arm.days_targeted[b]}});
    }
  }
  return {{"data", {{"values", values}}},
          {"facet",
           {{"column",
             {{"field", "arm"},
              {"type", "nominal"},
              {"title", nullptr},
              {"sort", {"without feedback", "with feedback"}}}}}},
          {"spec",
           {{"width", 300},
            {"height", 300},
            {"mark", {{"type", "square"}, {"size", 30}}},
            {"encoding",
             {{"x",
               {{"field", "x"},
                {"type", "quantitative"},
                {"scale", {{"zero", false}}},
                {"axis", nullptr}}},
              {"y",
               {{"field", "y"},
                {"type", "quantitative"},
                {"scale", {{"zero", false}}},
                {"axis", nullptr}}},
              {"color",
               {{"field", "days"},
                {"type", "quantitative"},
                {"title", "days targeted"},
                {"scale", {{"scheme", "reds"}, {"domainMin", 0}}}}},
              {"tooltip",
               Json::array({{{"field", "bin"}}, {{"field", "days"}, {"format", ".0f"}}})}}}}}};
}

Json HitRateChart(const Scenario& s, const PredpolExperiment& e) {
  Json values = Json::array();
  for (const PredpolArm& arm : e.arms) {
    // By 4-week period: the vendor's hit rate, records in targeted bins over all records.
    for (int32_t from = 0; from < e.days; from += 28) {
      double hits = 0, records = 0;
      for (int32_t d = from; d < std::min(e.days, from + 28); ++d) {
        hits += arm.day_hits[static_cast<size_t>(d)];
        records += arm.day_records[static_cast<size_t>(d)];
      }
      if (records > 0) {
        values.push_back(
            {{"from", Date(s, from)}, {"arm", ArmName(arm)}, {"hit_rate", hits / records}});
      }
    }
  }
  return {{"data", {{"values", values}}},
          {"height", 260},
          {"layer",
           Json::array(
               {{{"mark", {{"type", "line"}, {"point", true}}},
                 {"encoding",
                  {{"x", {{"field", "from"}, {"type", "temporal"}, {"title", "four weeks from"}}},
                   {"y",
                    {{"field", "hit_rate"},
                     {"type", "quantitative"},
                     {"axis", {{"format", "%"}}},
                     {"scale", {{"domainMin", 0}}},
                     {"title", "records in the targeted bins"}}},
                   {"color",
                    {{"field", "arm"},
                     {"type", "nominal"},
                     {"title", nullptr},
                     {"legend", {{"orient", "bottom"}}}}}}}},
                {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}}},
                 {"encoding", {{"y", {{"datum", AreaShare(e)}}}}}}})}};
}

// The last fits, in words.
std::string FitText(const Scenario& s, const PredpolExperiment& e) {
  if (s.predpol.ranker == PredpolRanker::kCounts) {
    return " Here, as a control, the bins are ranked by their records in the window instead: "
           "nothing is fitted.";
  }
  std::string out = s.predpol.stop_any
                        ? " EM stops when any one of its tolerances is met (Lum and Isaac's code)."
                        : " EM stops when all of its tolerances are met.";
  for (const PredpolArm& arm : e.arms) {
    out += fmt::format(
        " The last fit {}: &theta; = {:.3f}, &omega; = {:.3f} a day ({:.0f} "
        "iterations a fit on average).",
        ArmName(arm), arm.theta, arm.omega, arm.mean_iterations);
    if (arm.theta < 0.0005) {
      out +=
          " &theta; = 0.000 means the fit found no self-excitation: past incidents do not raise "
          "a bin's later rate, and each bin's forecast is its background rate &mu; alone.";
    }
  }
  return out;
}

// The arms over the whole period.
void ArmsTable(const PredpolExperiment& e, HtmlPage* out) {
  HtmlPage& page = *out;
  page.Add(
      "<table><caption>The arms over the whole period</caption><thead><tr><th "
      "scope=\"col\">arm</th><th scope=\"col\">bins ever targeted</th><th scope=\"col\">"
      "targeting on the top bins</th><th scope=\"col\">records in the top bins</th><th "
      "scope=\"col\">hit rate</th><th scope=\"col\">hit rate without the added records</th>"
      "<th scope=\"col\">records added by targeting</th></tr>"
      "</thead><tbody>\n");
  for (const PredpolArm& arm : e.arms) {
    const PredpolArmFacts f = FactsOf(e, arm);
    page.Addf(
        "<tr><th scope=\"row\">{}</th><td>{:.0f}</td><td>{:.1f}%</td><td>{:.1f}%</td>"
        "<td>{:.1f}%</td><td>{:.1f}%</td><td>{}</td></tr>\n",
        ArmName(arm), arm.distinct_bins, f.concentration * 100, f.top_records_share * 100,
        f.hit_rate * 100, f.own_hit_rate * 100,
        WithThousands(static_cast<uint64_t>(arm.added + 0.5)));
  }
  page.Add("</tbody></table>\n</section>\n");
}

// The model and the records in words.
void MethodsSection(const Scenario& s, const PredpolExperiment& e, HtmlPage* out) {
  const PredpolScenarioOptions& p = s.predpol;
  HtmlPage& page = *out;
  page.Addf(
      "<section id=\"methods\">\n<h2>The model</h2>\n<p>Each bin b has a background rate "
      "&mu;<sub>b</sub>, and each recorded incident raises its bin's rate on later days by "
      "&theta;&omega;e<sup>&minus;&omega;t</sup>, t days after it: the self-exciting point "
      "process PredPol published (Mohler et al., JASA 2015), fitted by expectation-maximisation "
      "on the {} days before each forecast day, as Lum and Isaac (&ldquo;To Predict and "
      "Serve?&rdquo;, Significance 2016) ran it; the {} bins of highest intensity are targeted. "
      "With feedback, each targeted bin's day gets Binomial(recorded + 1, {:g}) more records, "
      "the crime that officers there find, and the next days' fits learn from them.{}</p>\n"
      "<p>The records: {} with a bin ({} without one, left out), {} bins, "
      "from {} to {}. They are counts of incidents by place and date; nothing in them "
      "identifies a person.</p>\n</section>\n</main>\n",
      p.window_days, p.top, p.added_share, FitText(s, e), WithThousands(p.records.size()),
      WithThousands(static_cast<uint64_t>(p.records_without_bin)),
      WithThousands(static_cast<uint64_t>(p.bins)), FormatCivilDay(p.records.front().day),
      FormatCivilDay(p.records.back().day));
}

std::string Html(const Scenario& s, const PredpolExperiment& e, std::string_view version) {
  const PredpolScenarioOptions& p = s.predpol;
  HtmlPage page;
  page.Addf(
      "<header>\n<h1>Oversight: &lsquo;{}&rsquo;</h1>\n<p>{}</p>\n<p>A PredPol forecast on "
      "recorded crime: the top {} of {} bins each day for {} days from {}, each day fitted on "
      "the {} days before; seed {}; Oversight {}.</p>\n</header>\n<main>\n",
      EscapeHtml(s.name), EscapeHtml(s.description), p.top,
      WithThousands(static_cast<uint64_t>(p.bins)), WithThousands(static_cast<uint64_t>(e.days)),
      FormatCivilDay(p.first_day), p.window_days, s.seed, EscapeHtml(version));
  page.Addf(
      "<section id=\"findings\">\n<h2>What the forecast did</h2>\n<ul>\n<li>Each day it "
      "sends officers to {} bins: {:.1f}% of the city's area.</li>\n",
      p.top, AreaShare(e) * 100);
  for (const PredpolArm& arm : e.arms) {
    const PredpolArmFacts f = FactsOf(e, arm);
    page.Addf(
        "<li>{}{}: {:.0f} bins were ever targeted; the {} targeted most often took {:.1f}% of "
        "the targeting and hold {:.1f}% of the records; bin {} was targeted on {:.0f} of {} "
        "days. Over the last 30 days the targeted bins held {:.1f}% of the predicted rate. "
        "{:.1f}% of the records fell in the day's targeted bins (the vendor's &ldquo;hit "
        "rate&rdquo;){}.</li>\n",
        CapitalArmName(arm),
        arm.feedback ? fmt::format(" (mean of {} runs)", arm.runs) : std::string(),
        arm.distinct_bins, p.top, f.concentration * 100, f.top_records_share * 100, f.busiest_bin,
        f.busiest_days, e.days, LastMonthTopShare(arm) * 100, f.hit_rate * 100,
        arm.feedback ? fmt::format("; without the {} records targeting added, {:.1f}%",
                                   WithThousands(static_cast<uint64_t>(arm.added + 0.5)),
                                   f.own_hit_rate * 100)
                     : std::string());
  }
  page.Add("</ul>\n</section>\n<section id=\"map\">\n<h2>Where the officers went</h2>\n");
  if (!p.centres.empty()) {
    page.Chart("chart-predpol-map", MapChart(s, e),
               "Map of the grid bins, each coloured by the number of days it was targeted, for "
               "each arm.",
               "Days each bin was targeted (bins at their centres; darker: more days).");
  } else {
    page.Add("<p>No bin centres were given (<code>[predpol] bins</code>): no map.</p>\n");
  }
  page.Add("</section>\n<section id=\"hits\">\n<h2>The vendor's measure</h2>\n");
  page.Chart("chart-predpol-hits", HitRateChart(s, e),
             "Line chart: by four-week period, the share of the records that fell in the day's "
             "targeted bins, for each arm; a dashed line marks the targeted share of the area.",
             "The share of the records that fell in the targeted bins, by four weeks; dashed: "
             "the share of the city the targeted bins cover, what an even spread of crime "
             "would give. With feedback the measure rises because officers record where they "
             "are sent.");
  ArmsTable(e, &page);
  MethodsSection(s, e, &page);
  page.Footer();
  return page.Finish("Oversight: '" + s.name + "'");
}

}  // namespace

PredpolArmFacts FactsOf(const PredpolExperiment& e, const PredpolArm& arm) {
  PredpolArmFacts f;
  const double hits = std::accumulate(arm.day_hits.begin(), arm.day_hits.end(), 0.0);
  f.records = std::accumulate(arm.records.begin(), arm.records.end(), 0.0);
  f.hit_rate = f.records > 0 ? hits / f.records : 0.0;
  const double own = f.records - arm.added;
  f.own_hit_rate = own > 0 ? arm.original_hits / own : 0.0;
  std::vector<int32_t> order(arm.days_targeted.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return arm.days_targeted[static_cast<size_t>(a)] > arm.days_targeted[static_cast<size_t>(b)];
  });
  double on_top = 0, records_top = 0;
  for (size_t k = 0; k < order.size() && k < static_cast<size_t>(e.top); ++k) {
    on_top += arm.days_targeted[static_cast<size_t>(order[k])];
    records_top += arm.records[static_cast<size_t>(order[k])];
  }
  const double bin_days = static_cast<double>(e.days) * e.top;
  f.concentration = bin_days > 0 ? on_top / bin_days : 0.0;
  f.top_records_share = f.records > 0 ? records_top / f.records : 0.0;
  if (!order.empty()) {
    f.busiest_bin = order.front() + 1;
    f.busiest_days = arm.days_targeted[static_cast<size_t>(order.front())];
  }
  return f;
}

std::string PredpolSummary(const Scenario& s, const PredpolExperiment& e) {
  const PredpolScenarioOptions& p = s.predpol;
  std::string out = fmt::format(
      "Oversight predpol '{}': top {} of {} bins a day, {} days from {}, fitted on the {} days "
      "before each, seed {}\n  The targeted bins are {:.1f}% of the city's area\n",
      s.name, p.top, WithThousands(static_cast<uint64_t>(p.bins)),
      WithThousands(static_cast<uint64_t>(e.days)), FormatCivilDay(p.first_day), p.window_days,
      s.seed, AreaShare(e) * 100);
  const CivilDay last_record = p.records.back().day;
  const CivilDay last_forecast = p.first_day + e.days - 1;
  if (last_forecast > last_record) {
    out += fmt::format(
        "  The last {} forecast days fall after the records end ({}): only records that "
        "targeting adds fall on them\n",
        std::min(e.days, last_forecast - last_record), FormatCivilDay(last_record));
  }
  for (const PredpolArm& arm : e.arms) {
    const PredpolArmFacts f = FactsOf(e, arm);
    out += fmt::format(
        "  {}{}: {:.0f} bins ever targeted; the {} most targeted took {:.1f}% of the targeting "
        "and hold {:.1f}% of the records; bin {} on {:.0f} days; the targets held {:.1f}% of "
        "the predicted rate over the last 30 days; hit rate {:.1f}%{}\n",
        CapitalArmName(arm), arm.feedback ? fmt::format(" ({} runs)", arm.runs) : "",
        arm.distinct_bins, p.top, f.concentration * 100, f.top_records_share * 100, f.busiest_bin,
        f.busiest_days, LastMonthTopShare(arm) * 100, f.hit_rate * 100,
        arm.feedback
            ? fmt::format(" ({:.1f}% without the {} records targeting added)", f.own_hit_rate * 100,
                          WithThousands(static_cast<uint64_t>(arm.added + 0.5)))
            : "");
  }
  return out;
}

absl::Status WritePredpolReport(const Scenario& scenario, const PredpolExperiment& experiment,
                                std::string_view version, OutputSink* sink) {
  return sink->WriteAll({{"predpol_bins.csv", BinsCsv(scenario, experiment)},
                         {"predpol_days.csv", DaysCsv(scenario, experiment)},
                         {"predpol_targets.csv", TargetsCsv(scenario, experiment)},
                         {"summary.txt", PredpolSummary(scenario, experiment)},
                         {"report.html", Html(scenario, experiment, version)},
                         {"report.json", ReportJson(scenario, experiment, version)}});
}

}  // namespace oversight
