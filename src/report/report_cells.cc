// The cells every section of report.html shares: rates with their counts, ratios, verdicts.
#include <fmt/format.h>

#include "audit/rate.h"
#include "report/human_numbers.h"
#include "report/report_sections.h"

namespace oversight::report_html {

// The x channel of every chart by day: whole days only.
Json DayAxis() {
  return {
      {"field", "day"}, {"type", "quantitative"}, {"axis", {{"tickMinStep", 1}, {"format", "d"}}}};
}

// "41.2% <span>(412 / 1,000)</span>"; "n/a" when the denominator is 0.
std::string RateCell(uint64_t numerator, uint64_t denominator, bool percent) {
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

namespace {

struct MetricText {
  std::string_view name;
  std::string_view words;
  bool higher_is_worse;
};

// Every rate of GroupRates and RuleRates, in words.
constexpr MetricText kMetrics[] = {
    {"population_share", "share of the population", false},
    {"alert_share", "share of all alerts", true},
    {"listed_share", "share of members on a watchlist at the end", true},
    {"flagged_share", "share of members flagged at least once", true},
    {"innocents_flagged_share", "share of innocent members flagged at least once", true},
    {"false_alarm_share", "share of alerts that were false alarms", true},
    {"precision", "share of alerts naming a person with a harmful intent (precision)", false},
    {"recall", "share of members with a harmful intent flagged (recall)", true},
    {"contacts_per_innocent", "police contacts per innocent member", true},
    {"list_days_per_person", "days on a watchlist per member", true},
    {"held_days_per_person", "days held in detention per member", true},
    {"patrol_exposure_per_person", "patrol visits where they live, per member", true},
    {"lawful_stopped_share", "share of lawful acts stopped by the police", true},
    {"harmful_acts_stopped_share", "share of harmful acts stopped", false},
    {"lawful_lost_share", "share of lawful acts lost against the twin", true},
    {"harmful_prevented_share", "share of harmful acts prevented against the twin", false},
    {"prevalence", "prevalence of harmful intent among the watched", false},
    {"false_positive_rate", "share of the innocent watched it flagged", true},
    {"alerts", "alerts", true},
};

const MetricText* FindMetric(std::string_view metric) {
  for (const MetricText& m : kMetrics) {
    if (m.name == metric) return &m;
  }
  return nullptr;
}

}  // namespace

std::string_view MetricWords(std::string_view metric) {
  const MetricText* m = FindMetric(metric);
  return m ? m->words : metric;
}

bool HigherIsWorse(std::string_view metric) {
  const MetricText* m = FindMetric(metric);
  return m == nullptr || m->higher_is_worse;
}

std::string Leaning(const Disparity& d) {
  if (d.verdict == Verdict::kInsufficientData || d.ratio == 1.0) return "";
  const bool worse = (d.ratio > 1.0) == HigherIsWorse(d.metric);
  return fmt::format("<span class=\"{}\">{} &lsquo;{}&rsquo;</span>", worse ? "worse" : "better",
                     worse ? "against" : "in favour of", EscapeHtml(d.group));
}

Json GroupColor(const AuditResult& audit, std::string_view field) {
  // Tableau 10: distinguishable, and legible for the common colour vision deficiencies.
  static constexpr std::string_view kPalette[] = {"#4c78a8", "#f58518", "#54a24b", "#e45756",
                                                  "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6",
                                                  "#9d755d", "#bab0ac"};
  Json domain = Json::array();
  Json range = Json::array();
  for (size_t g = 0; g < audit.groups.size(); ++g) {
    domain.push_back(audit.groups[g].name);
    range.push_back(kPalette[g % std::size(kPalette)]);
  }
  return {{"field", field},
          {"type", "nominal"},
          {"title", "group"},
          {"scale", {{"domain", domain}, {"range", range}}},
          {"legend", {{"orient", "bottom"}}}};
}

Json BarLabels(std::string_view x_field, std::string_view format) {
  return {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}}},
          {"encoding",
           {{"x", {{"field", x_field}, {"type", "quantitative"}}},
            {"text", {{"field", x_field}, {"format", format}}}}}};
}

std::string RateCell(const NamedRate& rate, bool percent) {
  return RateCell(rate.numerator, rate.denominator, percent);
}

// Percent() of a named rate: "41.2% (412 of 1,000)".
std::string Percent(const NamedRate& rate) { return Percent(rate.numerator, rate.denominator); }

}  // namespace oversight::report_html
