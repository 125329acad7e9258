#include "report/csv_tables.h"

#include <fmt/format.h>

#include "audit/group_rates.h"
#include "audit/rate.h"

namespace oversight {

namespace {

std::string RateCell(uint64_t numerator, uint64_t denominator) {
  const auto value = Rate{numerator, denominator}.value();
  return value ? fmt::format("{:.6f}", *value) : std::string();
}

// Quotes a text field when it holds a comma, quote or newline (RFC 4180).
std::string Field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A count measured only with a twin: empty without one.
std::string TwinCell(bool twin, uint64_t count) { return twin ? std::to_string(count) : ""; }

void GroupRow(std::string* out, const GroupCounts& g, const GroupCounts& total, bool twin) {
  *out += fmt::format(
      "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
      Field(g.name), g.persons, RateCell(g.persons, total.persons), g.harmful_persons,
      g.listed_persons, g.alerts, RateCell(g.alerts, total.alerts), g.false_alarms,
      RateCell(g.false_alarms, g.alerts), g.flagged_persons, RateCell(g.flagged_persons, g.persons),
      g.flagged_innocents, RateCell(g.flagged_innocents, g.persons - g.harmful_persons), g.visits,
      g.visits_to_innocents, g.lawful_acts, g.lawful_stopped,
      RateCell(g.lawful_stopped, g.lawful_acts), g.harmful_acts, g.harmful_acts_stopped,
      g.red_list_suppressed, g.red_list_suppressed_harmful, TwinCell(twin, g.twin_lawful_acts),
      TwinCell(twin, g.twin_harmful_acts), TwinCell(twin, g.lawful_acts_lost()),
      TwinCell(twin, g.harmful_acts_prevented()), RateCell(g.flagged_harmful(), g.harmful_persons),
      g.list_days, RateCell(g.visits_to_innocents, g.persons - g.harmful_persons));
}

}  // namespace

std::string GroupsCsv(const AuditResult& audit) {
  std::string out =
      "group,persons,population_share,harmful_persons,listed_persons,alerts,alert_share,"
      "false_alarms,false_alarm_share,flagged_persons,flagged_share,flagged_innocents,"
      "innocents_flagged_share,visits,visits_to_innocents,lawful_acts,lawful_stopped,"
      "lawful_stopped_share,harmful_acts,harmful_acts_stopped,red_list_suppressed,"
      "red_list_suppressed_harmful,twin_lawful_acts,twin_harmful_acts,lawful_acts_lost,"
      "harmful_acts_prevented,recall,list_days,visits_per_innocent\n";
  for (const GroupCounts& g : audit.groups) GroupRow(&out, g, audit.total, audit.twin);
  GroupRow(&out, audit.total, audit.total, audit.twin);
  return out;
}

std::string RulesCsv(const AuditResult& audit) {
  std::string out =
      "rule,operator,what,category,alerts,false_alarms,precision,flagged_persons,visits,"
      "alerts_dropped,lawful_stopped,harmful_acts_stopped,red_list_suppressed,"
      "red_list_suppressed_harmful,watched_persons,watched_harmful,flagged_watched,"
      "flagged_watched_harmful,prevalence,recall,false_positive_rate,"
      "false_positive_rate_for_even_odds\n";
  for (const RuleCounts& r : audit.rules) {
    const auto even = FprForEvenOdds(r);
    const std::vector<NamedRate> rates = RuleRates(r);
    auto cell = [&](std::string_view name) {
      for (const NamedRate& rate : rates) {
        if (rate.name == name) return RateCell(rate.numerator, rate.denominator);
      }
      return std::string();
    };
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", Field(r.id), r.op,
        r.what, r.category, r.alerts, r.false_alarms, cell("precision"), r.flagged_persons,
        r.visits, r.alerts_dropped, r.lawful_stopped, r.harmful_acts_stopped, r.red_list_suppressed,
        r.red_list_suppressed_harmful, r.watched_persons, r.watched_harmful, r.flagged_watched,
        r.flagged_watched_harmful, cell("prevalence"), cell("recall"), cell("false_positive_rate"),
        even ? fmt::format("{:.6f}", *even) : std::string());
  }
  return out;
}

std::string DaysCsv(const AuditResult& audit) {
  std::string out =
      "day,observations,alerts,false_alarms,visits,alerts_dropped,lawful_acts,lawful_stopped,"
      "harmful_acts,harmful_acts_stopped,twin_lawful_acts,twin_harmful_acts";
  for (const GroupCounts& g : audit.groups) out += ",alerts_" + Field(g.name);
  for (const GroupCounts& g : audit.groups) out += ",listed_" + Field(g.name);
  out += "\n";
  for (const DayCounts& d : audit.days) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}", d.day, d.observations, d.alerts,
                       d.false_alarms, d.visits, d.alerts_dropped, d.lawful_acts, d.lawful_stopped,
                       d.harmful_acts, d.harmful_acts_stopped,
                       TwinCell(audit.twin, d.twin_lawful_acts),
                       TwinCell(audit.twin, d.twin_harmful_acts));
    for (size_t g = 0; g < audit.groups.size(); ++g) {
      out += fmt::format(",{}", g < d.group_alerts.size() ? d.group_alerts[g] : 0);
    }
    for (size_t g = 0; g < audit.groups.size(); ++g) {
      out += fmt::format(",{}", g < d.group_listed.size() ? d.group_listed[g] : 0);
    }
    out += "\n";
  }
  return out;
}

std::string IntersectionsCsv(const AuditResult& audit, int32_t min_cell) {
  const std::string groups = GroupsCsv(audit);
  std::string out = "dimension," + groups.substr(0, groups.find('\n')) + ",judgement\n";
  for (const IntersectionCounts& cell : audit.intersections) {
    std::string row;
    GroupRow(&row, cell.counts, audit.total, false);
    row.pop_back();  // the newline
    out += cell.dimension + "," + row + "," +
           (Judgeable(cell.counts, min_cell) ? "" : "insufficient data") + "\n";
  }
  return out;
}

std::string DisparitiesCsv(const std::vector<Disparity>& disparities) {
  std::string out =
      "group,reference,metric,numerator,denominator,reference_numerator,reference_denominator,"
      "ratio,ci95_low,ci95_high,verdict\n";
  for (const Disparity& d : disparities) {
    const bool estimated = d.verdict != Verdict::kInsufficientData;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", Field(d.group), Field(d.reference),
                       d.metric, d.numerator, d.denominator, d.reference_numerator,
                       d.reference_denominator,
                       estimated ? fmt::format("{:.6f}", d.ratio) : std::string(),
                       estimated ? fmt::format("{:.6f}", d.low) : std::string(),
                       estimated ? fmt::format("{:.6f}", d.high) : std::string(),
                       kVerdictNames[static_cast<size_t>(d.verdict)]);
  }
  return out;
}

std::string ReplicatesCsv(const Replicates& replicates) {
  std::string out = "metric,n,mean,sd,ci95_low,ci95_high";
  for (uint64_t seed : replicates.seeds) out += fmt::format(",seed_{}", seed);
  out += "\n";
  for (const ReplicateMetric& m : replicates.metrics) {
    const Estimate& i = m.interval;
    out += Field(m.name);
    if (i.n == 0) {
      out += ",0,,,,";
    } else {
      out += fmt::format(",{},{:.6f},{:.6f},{:.6f},{:.6f}", i.n, i.mean, i.sd, i.low, i.high);
    }
    for (const std::optional<double>& v : m.values) {
      out += v ? fmt::format(",{:.6f}", *v) : std::string(",");
    }
    out += "\n";
  }
  return out;
}

}  // namespace oversight
