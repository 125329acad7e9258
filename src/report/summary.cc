#include "report/summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "audit/disparity.h"
#include "audit/feedback.h"
#include "audit/group_rates.h"
#include "report/human_numbers.h"

namespace oversight {

namespace {

// "41.2% [39.8%, 42.6%]" for a share metric over replicates.
std::string ShareInterval(const ReplicateMetric& m) {
  if (m.interval.n == 0) return "n/a";
  return fmt::format("{:.1f}% [{:.1f}%, {:.1f}%]", m.interval.mean * 100, m.interval.low * 100,
                     m.interval.high * 100);
}

std::string ReplicatesText(const Replicates& replicates, const AuditResult& audit) {
  std::string out = fmt::format(
      "\n  Across {} replicates (seeds {} to {}): mean [95% interval]; the tables above are the "
      "first\n",
      replicates.seeds.size(), replicates.seeds.front(), replicates.seeds.back());
  auto line = [&](const std::string& label, const std::string& metric) {
    if (const ReplicateMetric* m = replicates.Find(metric)) {
      out += fmt::format("    {:<44} {}\n", label, ShareInterval(*m));
    }
  };
  line("alerts on people with no harmful intent", "all.false_alarm_share");
  line("innocent persons flagged at least once", "all.innocents_flagged_share");
  for (const GroupCounts& g : audit.groups) {
    line(fmt::format("share of alerts on {}", g.name), "group." + g.name + ".alert_share");
  }
  line("lawful activity stopped", "all.lawful_stopped_share");
  line("lawful activity lost (against the twin)", "all.lawful_lost_share");
  line("harmful acts prevented (against the twin)", "all.harmful_prevented_share");
  return out;
}

// The observations, one count per stream of evidence.
std::string ObservationsText(const RunFacts& facts) {
  std::string out;
  // Every stream of evidence in the summary's order (core/evidence.h), a line break after
  // the third and then every fourth.
  out += fmt::format("  Observations: {} (", WithThousands(facts.observations));
  for (size_t i = 0; i < kEvidenceSummaryOrder.size(); ++i) {
    const EvidenceStream stream = kEvidenceSummaryOrder[i];
    if (i > 0) out += i % 4 == 3 ? ",\n    " : ", ";
    out += fmt::format("{} {}", WithThousands(facts.observations_by_kind[Index(stream)]),
                       InfoOf(stream).words);
  }
  out += ")\n";
  return out;
}

// Alerts, police responses, acts stopped and lost, the red list and the operators' view.
std::string ApparatusText(const Scenario& scenario, const RunFacts& facts,
                          const AuditResult& audit) {
  const GroupCounts& t = audit.total;
  const std::vector<NamedRate> all = GroupRates(t, t, audit.twin);
  auto share = [&all](std::string_view name) {
    const NamedRate& r = RateNamed(all, name);
    return Percent(r.numerator, r.denominator);
  };
  std::string out;
  out += fmt::format("  Alerts: {} on {} persons; {} concerned people with no harmful intent\n",
                     WithThousands(t.alerts), WithThousands(t.flagged_persons),
                     share("false_alarm_share"));
  out += fmt::format("  Innocent persons flagged at least once: {}\n",
                     share("innocents_flagged_share"));
  std::string kinds;
  for (size_t r = 0; r < kResponseCount; ++r) {
    if (t.responses.by_kind[r] == 0) continue;
    std::string name(kResponseCountNames[r]);
    std::replace(name.begin(), name.end(), '_', ' ');
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ",
                         WithThousands(t.responses.by_kind[r]), name);
  }
  out += fmt::format(
      "  Police responses: {}{}\n    of which to innocents {}; alerts dropped unanswered: {}\n",
      WithThousands(t.responses.total()), kinds.empty() ? "" : " (" + kinds + ")",
      Percent(t.responses_to_innocents.total(), t.responses.total()),
      WithThousands(audit.alerts_dropped()));
  if (t.held_days > 0) {
    out += fmt::format(
        "  Held in detention: {} person-days; {} were of persons with no "
        "harmful intent\n",
        WithThousands(t.held_days), Percent(t.held_days_innocents, t.held_days));
  }
  if (t.checks > 0) {
    out += fmt::format(
        "  Quick checks to meet the answer target ({:.0f}% of alerts): {}, of which to innocents "
        "{}\n",
        scenario.respond.answer_share * 100, WithThousands(t.checks),
        Percent(t.checks_to_innocents, t.checks));
  }
  out += fmt::format("  Lawful activity stopped (petition trips, gatherings): {}\n",
                     share("lawful_stopped_share"));
  out += fmt::format("  Harmful acts stopped: {}\n", share("harmful_acts_stopped_share"));
  if (audit.twin) {
    out += fmt::format(
        "  Against the twin (the same lives with the policy off):\n"
        "    lawful activity lost: {}; {} stopped, {} deterred (never set out on)\n"
        "    harmful acts prevented: {}; {} stopped, {} deterred\n",
        share("lawful_lost_share"), WithThousands(t.lawful_stopped),
        WithThousands(t.lawful_acts_lost() - std::min(t.lawful_acts_lost(), t.lawful_stopped)),
        share("harmful_prevented_share"), WithThousands(t.harmful_acts_stopped),
        WithThousands(t.harmful_acts_prevented() -
                      std::min(t.harmful_acts_prevented(), t.harmful_acts_stopped)));
  }
  if (facts.red_listed > 0) {
    out += fmt::format(
        "  Red list: {} exempt persons; {} alerts suppressed, {} of them on persons "
        "with a harmful intent;\n    {} harmful acts by exempt persons, beyond every rule\n",
        WithThousands(facts.red_listed), WithThousands(t.red_list_suppressed),
        WithThousands(t.red_list_suppressed_harmful), WithThousands(t.red_list_harmful_acts));
  }
  out += fmt::format(
      "  The operators' view: all {} responses are recorded as handled, as if each had "
      "prevented something;\n    {} concerned a person with a harmful intent\n",
      WithThousands(t.responses.total()),
      Percent(t.responses.total() - t.responses_to_innocents.total(), t.responses.total()));
  return out;
}

std::string GroupTable(const AuditResult& audit) {
  const GroupCounts& t = audit.total;
  std::string out;
  out += "\n  By group (the person each alert named):\n";
  out += fmt::format("    {:<16} {:>10} {:>8} {:>10} {:>8} {:>14} {:>12}\n", "group", "persons",
                     "share", "alerts", "share", "flagged/1000", "false alarms");
  for (const GroupCounts& g : audit.groups) {
    const std::vector<NamedRate> rates = GroupRates(g, t, audit.twin);
    const auto pop_share = RateNamed(rates, "population_share").value();
    const auto alert_share = RateNamed(rates, "alert_share").value();
    const auto false_share = RateNamed(rates, "false_alarm_share").value();
    const NamedRate& flagged = RateNamed(rates, "flagged_share");
    out += fmt::format("    {:<16} {:>10} {:>7.1f}% {:>10} {:>7.1f}% {:>14} {:>11.1f}%\n", g.name,
                       WithThousands(g.persons), pop_share.value_or(0) * 100,
                       WithThousands(g.alerts), alert_share.value_or(0) * 100,
                       PerThousand(flagged.numerator, flagged.denominator),
                       false_share.value_or(0) * 100);
  }
  return out;
}

std::string RuleTable(const AuditResult& audit) {
  std::string out;
  out += "\n  By rule:\n";
  out += fmt::format("    {:<22} {:>10} {:>10} {:>10} {:>16} {:>14}\n", "rule", "alerts",
                     "precision", "responses", "lawful stopped", "harm stopped");
  for (const RuleCounts& r : audit.rules) {
    const auto precision = RateNamed(RuleRates(r), "precision").value();
    out += fmt::format(
        "    {:<22} {:>10} {:>10} {:>10} {:>16} {:>14}\n", r.id, WithThousands(r.alerts),
        precision ? fmt::format("{:.1f}%", *precision * 100) : "n/a", WithThousands(r.responses),
        WithThousands(r.lawful_stopped), WithThousands(r.harmful_acts_stopped));
  }
  return out;
}

std::string DisparitiesText(const Scenario& scenario, const AuditResult& audit) {
  std::string out;
  const std::vector<Disparity> disparities = Disparities(audit, scenario.audit);
  if (!disparities.empty()) {
    out += fmt::format(
        "\n  Disparities against {} (ratio [95% interval]; band {:.2f} to {:.2f}):\n",
        disparities.front().reference, scenario.audit.band_low, scenario.audit.band_high);
    auto line = [](const Disparity& d, size_t width) {
      const std::string ratio =
          d.verdict == Verdict::kInsufficientData
              ? std::string("-")
              : fmt::format("{:.2f} [{:.2f}, {:.2f}]", d.ratio, d.low, d.high);
      return fmt::format("    {:<{}} {:<24} {:>20}  {}\n", d.group, width, d.metric, ratio,
                         kVerdictNames[static_cast<size_t>(d.verdict)]);
    };
    std::string cells;
    size_t outside = 0;
    for (const Disparity& d : disparities) {
      if (d.dimension == "group") {
        out += line(d, 16);
      } else if (d.verdict == Verdict::kOutsideBand) {
        cells += line(d, 30);
        ++outside;
      }
    }
    if (outside > 0) {
      out += fmt::format(
          "  Intersections outside the band (each cell against the same cell of {}; "
          "all in disparities.csv):\n",
          disparities.front().reference);
      out += cells;
    }
  }
  return out;
}

std::string FeedbackText(const Scenario& scenario, const AuditResult& audit) {
  std::string out;
  for (const FeedbackTrend& f : Feedback(audit, scenario.audit)) {
    // "1.10x"; "n/a" when a ratio is undefined (no alerts, nobody listed).
    auto x = [](const std::optional<double>& v) {
      return v ? fmt::format("{:.2f}x", *v) : std::string("n/a");
    };
    out += fmt::format(
        "\n  Feedback, {} against {} (per person): alerts {} in the first week, {} in the "
        "last;\n    on a watchlist {} after day 0, {} at the end; harmful intent (the truth) "
        "{}\n",
        f.group, f.reference, x(f.first_week), x(f.last_week), x(f.listed_first_day),
        x(f.listed_last_day), x(f.truth));
    if (scenario.respond.patrols.units > 0) {
      out += fmt::format("    patrols where they live {} in the first week, {} in the last\n",
                         x(f.patrols_first_week), x(f.patrols_last_week));
    }
  }
  return out;
}

}  // namespace

std::string Summary(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                    const Replicates* replicates) {
  const GroupCounts& t = audit.total;
  std::string out;
  out += fmt::format("Oversight audit of '{}': {} synthetic persons, {} days, seed {}\n",
                     scenario.name, WithThousands(t.persons), scenario.days, scenario.seed);
  out += ObservationsText(facts);
  out += ApparatusText(scenario, facts, audit);
  out += GroupTable(audit);
  out += RuleTable(audit);
  out += DisparitiesText(scenario, audit);
  out += FeedbackText(scenario, audit);
  if (replicates != nullptr && replicates->seeds.size() > 1) {
    out += ReplicatesText(*replicates, audit);
  }
  return out;
}

}  // namespace oversight
