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

std::string RateCell(const NamedRate& rate, bool percent) {
  return RateCell(rate.numerator, rate.denominator, percent);
}

// Percent() of a named rate: "41.2% (412 of 1,000)".
std::string Percent(const NamedRate& rate) { return Percent(rate.numerator, rate.denominator); }

}  // namespace oversight::report_html
