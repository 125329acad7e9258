#include "report/csv_tables.h"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "audit/group_rates.h"

namespace oversight {

namespace {

// A rate as a CSV cell: six decimals, empty when undefined.
std::string RateCell(const NamedRate& rate) {
  const auto value = rate.value();
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

using Columns = std::vector<std::pair<std::string, std::string>>;

// The columns of one row of groups.csv (and intersections.csv): name, then value.
Columns GroupColumns(const GroupCounts& g, const GroupCounts& total, bool twin) {
  const std::vector<NamedRate> rates = GroupRates(g, total, twin);
  auto rate = [&](std::string_view name) { return RateCell(RateNamed(rates, name)); };
  auto n = [](uint64_t v) { return std::to_string(v); };
  Columns c = {
      {"group", Field(g.name)},
      {"persons", n(g.persons)},
      {"population_share", rate("population_share")},
      {"harmful_persons", n(g.harmful_persons)},
      {"listed_persons", n(g.listed_persons)},
      {"alerts", n(g.alerts)},
      {"alert_share", rate("alert_share")},
      {"false_alarms", n(g.false_alarms)},
      {"false_alarm_share", rate("false_alarm_share")},
      {"flagged_persons", n(g.flagged_persons)},
      {"flagged_share", rate("flagged_share")},
      {"flagged_innocents", n(g.flagged_innocents)},
      {"innocents_flagged_share", rate("innocents_flagged_share")},
  };
  for (size_t k = 0; k < kResponseCount; ++k) {
    const std::string name(kResponseCountNames[k]);
    c.emplace_back(name, n(g.responses.by_kind[k]));
    c.emplace_back(name + "_to_innocents", n(g.responses_to_innocents.by_kind[k]));
  }
  Columns rest = {
      {"checks", n(g.checks)},
      {"checks_to_innocents", n(g.checks_to_innocents)},
      {"held_days", n(g.held_days)},
      {"held_days_innocents", n(g.held_days_innocents)},
      {"patrol_exposure", n(g.patrol_exposure)},
      {"lawful_acts", n(g.lawful_acts)},
      {"lawful_stopped", n(g.lawful_stopped)},
      {"lawful_stopped_share", rate("lawful_stopped_share")},
      {"harmful_acts", n(g.harmful_acts)},
      {"harmful_acts_stopped", n(g.harmful_acts_stopped)},
      {"red_list_suppressed", n(g.red_list_suppressed)},
      {"red_list_suppressed_harmful", n(g.red_list_suppressed_harmful)},
      {"red_list_harmful_acts", n(g.red_list_harmful_acts)},
      {"twin_lawful_acts", TwinCell(twin, g.twin_lawful_acts)},
      {"twin_harmful_acts", TwinCell(twin, g.twin_harmful_acts)},
      {"lawful_acts_lost", TwinCell(twin, g.lawful_acts_lost())},
      {"harmful_acts_prevented", TwinCell(twin, g.harmful_acts_prevented())},
      {"recall", rate("recall")},
      {"list_days", n(g.list_days)},
      {"contacts_per_innocent", rate("contacts_per_innocent")},
  };
  c.insert(c.end(), rest.begin(), rest.end());
  return c;
}

// Joins the names (header) or the values (row) of `columns`, comma-separated.
std::string Join(const Columns& columns, bool header) {
  std::string out;
  for (const auto& [name, value] : columns) {
    if (!out.empty()) out += ',';
    out += header ? name : value;
  }
  return out;
}

}  // namespace

std::string GroupsCsv(const AuditResult& audit) {
  std::string out = Join(GroupColumns(audit.total, audit.total, audit.twin), true) + "\n";
  for (const GroupCounts& g : audit.groups) {
    out += Join(GroupColumns(g, audit.total, audit.twin), false) + "\n";
  }
  out += Join(GroupColumns(audit.total, audit.total, audit.twin), false) + "\n";
  return out;
}

std::string RulesCsv(const AuditResult& audit) {
  std::string out =
      "rule,operator,what,category,response,alerts,false_alarms,precision,flagged_persons,"
      "responses,"
      "alerts_dropped,lawful_stopped,harmful_acts_stopped,red_list_suppressed,"
      "red_list_suppressed_harmful,watched_persons,watched_harmful,flagged_watched,"
      "flagged_watched_harmful,prevalence,recall,false_positive_rate,"
      "false_positive_rate_for_even_odds\n";
  for (const RuleCounts& r : audit.rules) {
    const auto even = FprForEvenOdds(r);
    const std::vector<NamedRate> rates = RuleRates(r);
    auto cell = [&](std::string_view name) { return RateCell(RateNamed(rates, name)); };
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", Field(r.id), r.op,
        r.what, r.category, r.response, r.alerts, r.false_alarms, cell("precision"),
        r.flagged_persons, r.responses, r.alerts_dropped, r.lawful_stopped, r.harmful_acts_stopped,
        r.red_list_suppressed, r.red_list_suppressed_harmful, r.watched_persons, r.watched_harmful,
        r.flagged_watched, r.flagged_watched_harmful, cell("prevalence"), cell("recall"),
        cell("false_positive_rate"), even ? fmt::format("{:.6f}", *even) : std::string());
  }
  return out;
}

std::string DaysCsv(const AuditResult& audit) {
  std::string out =
      "day,observations,alerts,false_alarms,responses,held,alerts_dropped,lawful_acts,"
      "lawful_stopped,"
      "harmful_acts,harmful_acts_stopped,twin_lawful_acts,twin_harmful_acts";
  for (const GroupCounts& g : audit.groups) out += ",alerts_" + Field(g.name);
  for (const GroupCounts& g : audit.groups) out += ",listed_" + Field(g.name);
  for (const GroupCounts& g : audit.groups) out += ",patrols_" + Field(g.name);
  out += "\n";
  for (const DayCounts& d : audit.days) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}", d.day, d.observations, d.alerts,
                       d.false_alarms, d.responses, d.held, d.alerts_dropped, d.lawful_acts,
                       d.lawful_stopped, d.harmful_acts, d.harmful_acts_stopped,
                       TwinCell(audit.twin, d.twin_lawful_acts),
                       TwinCell(audit.twin, d.twin_harmful_acts));
    for (size_t g = 0; g < audit.groups.size(); ++g) {
      out += fmt::format(",{}", g < d.group_alerts.size() ? d.group_alerts[g] : 0);
    }
    for (size_t g = 0; g < audit.groups.size(); ++g) {
      out += fmt::format(",{}", g < d.group_listed.size() ? d.group_listed[g] : 0);
    }
    for (size_t g = 0; g < audit.groups.size(); ++g) {
      out += fmt::format(",{}", g < d.group_patrols.size() ? d.group_patrols[g] : 0);
    }
    out += "\n";
  }
  return out;
}

std::string IntersectionsCsv(const AuditResult& audit, int32_t min_cell) {
  std::string out =
      "dimension," + Join(GroupColumns(audit.total, audit.total, false), true) + ",judgement\n";
  for (const IntersectionCounts& cell : audit.intersections) {
    const std::string row = Join(GroupColumns(cell.counts, audit.total, false), false);
    out += cell.dimension + "," + row + "," +
           (Judgeable(cell.counts, min_cell) ? "" : "insufficient data") + "\n";
  }
  return out;
}

std::string DisparitiesCsv(const std::vector<Disparity>& disparities) {
  std::string out =
      "dimension,group,reference,metric,numerator,denominator,reference_numerator,"
      "reference_denominator,ratio,ci95_low,ci95_high,verdict\n";
  for (const Disparity& d : disparities) {
    const bool estimated = d.verdict != Verdict::kInsufficientData;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", d.dimension, Field(d.group),
                       Field(d.reference), d.metric, d.numerator, d.denominator,
                       d.reference_numerator, d.reference_denominator,
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
