// Design: nlohmann::ordered_json keeps keys in insertion order, so the file reads top-down
// like the summary and its bytes are stable. Every rate is an object
// {numerator, denominator, value}; value is null when the denominator is 0.
#include "report/report_json.h"

#include <nlohmann/json.hpp>

#include "audit/disparity.h"
#include "audit/feedback.h"
#include "audit/group_rates.h"
#include "audit/rate.h"

namespace oversight {

namespace {

using Json = nlohmann::ordered_json;

Json RateJson(uint64_t numerator, uint64_t denominator) {
  const Rate rate{numerator, denominator};
  Json j;
  j["numerator"] = numerator;
  j["denominator"] = denominator;
  if (auto v = rate.value()) {
    j["value"] = *v;
  } else {
    j["value"] = nullptr;
  }
  return j;
}

Json GroupJson(const GroupCounts& g, const GroupCounts& total, bool twin) {
  Json j;
  j["group"] = g.name;
  Json counts;
  counts["persons"] = g.persons;
  counts["harmful_persons"] = g.harmful_persons;
  counts["listed_persons"] = g.listed_persons;
  counts["list_days"] = g.list_days;
  counts["alerts"] = g.alerts;
  counts["false_alarms"] = g.false_alarms;
  counts["flagged_persons"] = g.flagged_persons;
  counts["flagged_innocents"] = g.flagged_innocents;
  for (size_t k = 0; k < kResponseCount; ++k) {
    const std::string name(kResponseCountNames[k]);
    counts[name] = g.responses.by_kind[k];
    counts[name + "_to_innocents"] = g.responses_to_innocents.by_kind[k];
  }
  counts["checks"] = g.checks;
  counts["checks_to_innocents"] = g.checks_to_innocents;
  counts["contacts_to_innocents"] = g.contacts_to_innocents();
  counts["held_days"] = g.held_days;
  counts["held_days_innocents"] = g.held_days_innocents;
  counts["patrol_exposure"] = g.patrol_exposure;
  counts["lawful_acts"] = g.lawful_acts;
  counts["lawful_stopped"] = g.lawful_stopped;
  counts["harmful_acts"] = g.harmful_acts;
  counts["harmful_acts_stopped"] = g.harmful_acts_stopped;
  counts["red_list_suppressed"] = g.red_list_suppressed;
  counts["red_list_suppressed_harmful"] = g.red_list_suppressed_harmful;
  counts["red_list_harmful_acts"] = g.red_list_harmful_acts;
  if (twin) {
    counts["twin_lawful_acts"] = g.twin_lawful_acts;
    counts["twin_harmful_acts"] = g.twin_harmful_acts;
    counts["lawful_acts_lost"] = g.lawful_acts_lost();
    counts["harmful_acts_prevented"] = g.harmful_acts_prevented();
  }
  j["counts"] = counts;
  Json rates;
  for (const NamedRate& rate : GroupRates(g, total, twin)) {
    rates[std::string(rate.name)] = RateJson(rate.numerator, rate.denominator);
  }
  j["rates"] = rates;
  return j;
}

Json RuleJson(const RuleCounts& r, const std::vector<GroupCounts>& groups) {
  Json j;
  j["rule"] = r.id;
  j["operator"] = r.op;
  j["what"] = r.what;
  j["category"] = r.category;
  j["response"] = r.response;
  Json counts;
  counts["alerts"] = r.alerts;
  counts["false_alarms"] = r.false_alarms;
  counts["flagged_persons"] = r.flagged_persons;
  counts["alerts_dropped"] = r.alerts_dropped;
  counts["responses"] = r.responses;
  counts["lawful_stopped"] = r.lawful_stopped;
  counts["harmful_acts_stopped"] = r.harmful_acts_stopped;
  counts["red_list_suppressed"] = r.red_list_suppressed;
  counts["red_list_suppressed_harmful"] = r.red_list_suppressed_harmful;
  counts["watched_persons"] = r.watched_persons;
  counts["watched_harmful"] = r.watched_harmful;
  counts["flagged_watched"] = r.flagged_watched;
  counts["flagged_watched_harmful"] = r.flagged_watched_harmful;
  j["counts"] = counts;
  Json by_group = Json::object();
  for (size_t g = 0; g < groups.size() && g < r.group_alerts.size(); ++g) {
    by_group[groups[g].name] = r.group_alerts[g];
  }
  j["alerts_by_group"] = by_group;
  Json rates;
  for (const NamedRate& rate : RuleRates(r)) {
    rates[std::string(rate.name)] = RateJson(rate.numerator, rate.denominator);
  }
  j["rates"] = rates;
  if (const auto even = FprForEvenOdds(r)) {
    j["false_positive_rate_for_even_odds"] = *even;
  } else {
    j["false_positive_rate_for_even_odds"] = nullptr;
  }
  return j;
}

Json ScenarioJson(const Scenario& s, const RunFacts& facts) {
  Json j;
  j["name"] = s.name;
  j["description"] = s.description;
  j["seed"] = s.seed;
  j["days"] = s.days;
  j["persons"] = s.world.persons;
  j["households"] = facts.households;
  Json places;
  Json cameras;
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    places[std::string(kPlaceTypeNames[t])] = facts.places_by_type[t];
    cameras[std::string(kPlaceTypeNames[t])] = facts.cameras_by_type[t];
  }
  j["places"] = places;
  j["cameras"] = cameras;
  j["cameras_added_after_visits"] = facts.cameras_added;
  Json lists = Json::array();
  for (size_t l = 0; l < s.policy.lists.size(); ++l) {
    Json list;
    list["name"] = s.policy.lists[l].name;
    Json traits = Json::array();
    for (size_t t = 0; t < kTraitCount; ++t) {
      if (Has(s.policy.lists[l].recorded_traits, static_cast<Trait>(t))) {
        traits.push_back(std::string(kTraitNames[t]));
      }
    }
    list["recorded_traits"] = traits;
    auto at = [l](const std::vector<uint64_t>& v) -> uint64_t { return l < v.size() ? v[l] : 0; };
    list["persons"] = at(facts.list_sizes);
    list["persons_at_end"] = at(facts.list_sizes_final);
    list["added_by_alerts"] = at(facts.list_added);
    list["removed"] = at(facts.list_removed);
    lists.push_back(list);
  }
  j["lists"] = lists;
  Json red_list;
  Json red_traits = Json::array();
  for (size_t t = 0; t < kTraitCount; ++t) {
    if (Has(s.policy.red_list_traits, static_cast<Trait>(t))) {
      red_traits.push_back(std::string(kTraitNames[t]));
    }
  }
  red_list["recorded_traits"] = red_traits;
  red_list["persons"] = facts.red_listed;
  j["red_list"] = red_list;
  Json police;
  police["capacity_per_day"] = s.respond.capacity_per_day;
  Json costs;
  for (size_t k = 0; k < kResponseCount; ++k)
    costs[std::string(kResponseNames[k])] = s.respond.cost[k];
  police["cost"] = costs;
  police["response_minutes"] = s.respond.response_minutes;
  police["intercept_minutes"] = s.respond.intercept_minutes;
  police["max_wait_days"] = s.respond.max_wait_days;
  police["detention_days"] = s.respond.detention_days;
  police["permit_days"] = s.respond.permit_days;
  police["answer_share"] = s.respond.answer_share;
  Json patrols;
  patrols["units"] = s.respond.patrols.units;
  constexpr std::array<const char*, 3> kAllocations = {"alerts", "hotspots", "even"};
  patrols["allocate"] = kAllocations[static_cast<size_t>(s.respond.patrols.allocate)];
  patrols["hotspots"] = s.respond.patrols.hotspots;
  patrols["window_days"] = s.respond.patrols.window_days;
  patrols["sighting_rate"] = s.respond.patrols.sighting_rate;
  patrols["hours"] = {s.respond.patrols.from_hour, s.respond.patrols.to_hour};
  police["patrols"] = patrols;
  j["police"] = police;
  return j;
}

Json ReplicatesJson(const Replicates& replicates) {
  Json j;
  j["n"] = replicates.seeds.size();
  j["seeds"] = replicates.seeds;
  Json metrics = Json::array();
  for (const ReplicateMetric& m : replicates.metrics) {
    Json metric;
    metric["metric"] = m.name;
    metric["n"] = m.interval.n;
    metric["mean"] = m.interval.mean;
    metric["sd"] = m.interval.sd;
    metric["ci95_low"] = m.interval.low;
    metric["ci95_high"] = m.interval.high;
    Json values = Json::array();
    for (const std::optional<double>& v : m.values) {
      if (v) {
        values.push_back(*v);
      } else {
        values.push_back(nullptr);
      }
    }
    metric["values"] = values;
    metrics.push_back(metric);
  }
  j["metrics"] = metrics;
  return j;
}

Json DayJson(const DayCounts& d, const AuditResult& audit) {
  Json day;
  day["day"] = d.day;
  day["observations"] = d.observations;
  day["alerts"] = d.alerts;
  day["false_alarms"] = d.false_alarms;
  day["responses"] = d.responses;
  day["held"] = d.held;
  day["alerts_dropped"] = d.alerts_dropped;
  day["lawful_acts"] = d.lawful_acts;
  day["lawful_stopped"] = d.lawful_stopped;
  day["harmful_acts"] = d.harmful_acts;
  day["harmful_acts_stopped"] = d.harmful_acts_stopped;
  if (audit.twin) {
    day["twin_lawful_acts"] = d.twin_lawful_acts;
    day["twin_harmful_acts"] = d.twin_harmful_acts;
  }
  Json alerts_by_group, listed_by_group, patrols_by_group;
  for (size_t g = 0; g < audit.groups.size() && g < d.group_alerts.size(); ++g) {
    alerts_by_group[audit.groups[g].name] = d.group_alerts[g];
    listed_by_group[audit.groups[g].name] = d.group_listed[g];
    patrols_by_group[audit.groups[g].name] = g < d.group_patrols.size() ? d.group_patrols[g] : 0;
  }
  day["alerts_by_group"] = alerts_by_group;
  day["listed_by_group"] = listed_by_group;
  day["patrol_exposure_by_group"] = patrols_by_group;
  if (!d.district_patrols.empty()) {
    Json units;
    for (size_t k = 0; k < d.district_patrols.size() && k < audit.districts.size(); ++k) {
      units[audit.districts[k]] = d.district_patrols[k];
    }
    day["patrol_units_by_district"] = units;
  }
  return day;
}

Json DaysJson(const AuditResult& audit) {
  Json days = Json::array();
  for (const DayCounts& d : audit.days) days.push_back(DayJson(d, audit));
  return days;
}

Json DisparitiesJson(const AuditResult& audit, const Scenario& scenario) {
  Json disparities = Json::array();
  for (const Disparity& d : Disparities(audit, scenario.audit)) {
    Json j;
    j["dimension"] = d.dimension;
    j["group"] = d.group;
    j["reference"] = d.reference;
    j["metric"] = d.metric;
    j["rate"] = RateJson(d.numerator, d.denominator);
    j["reference_rate"] = RateJson(d.reference_numerator, d.reference_denominator);
    if (d.verdict == Verdict::kInsufficientData) {
      j["ratio"] = j["ci95_low"] = j["ci95_high"] = nullptr;
    } else {
      j["ratio"] = d.ratio;
      j["ci95_low"] = d.low;
      j["ci95_high"] = d.high;
    }
    j["verdict"] = std::string(kVerdictNames[static_cast<size_t>(d.verdict)]);
    disparities.push_back(j);
  }
  return disparities;
}

Json FeedbackJson(const AuditResult& audit, const Scenario& scenario) {
  auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json feedback = Json::array();
  for (const FeedbackTrend& f : Feedback(audit, scenario.audit)) {
    Json j;
    j["group"] = f.group;
    j["reference"] = f.reference;
    j["alert_disparity_first_week"] = number(f.first_week);
    j["alert_disparity_last_week"] = number(f.last_week);
    j["listed_disparity_first_day"] = number(f.listed_first_day);
    j["listed_disparity_last_day"] = number(f.listed_last_day);
    j["patrol_disparity_first_week"] = number(f.patrols_first_week);
    j["patrol_disparity_last_week"] = number(f.patrols_last_week);
    j["true_disparity"] = number(f.truth);
    Json by_day = Json::array();
    for (const auto& v : f.by_day) by_day.push_back(number(v));
    j["alert_disparity_by_day"] = by_day;
    feedback.push_back(j);
  }
  return feedback;
}

// What the operators can see (every response "handled") against the truth.
Json OperatorsViewJson(const GroupCounts& total) {
  Json operators;
  const uint64_t responses = total.responses.total();
  const uint64_t to_harmful = responses - total.responses_to_innocents.total();
  operators["responses"] = responses;
  operators["responses_recorded_as_handled"] = responses;
  operators["responses_to_persons_with_harmful_intent"] = to_harmful;
  operators["observed_precision"] = RateJson(responses, responses);
  operators["true_precision"] = RateJson(to_harmful, responses);
  return operators;
}

}  // namespace

std::string ReportJson(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                       const Replicates* replicates) {
  Json root;
  root["schema_version"] = kReportSchemaVersion;
  root["generator"] = "oversight " + facts.version;
  root["synthetic_only"] = true;
  root["scenario"] = ScenarioJson(scenario, facts);
  const GroupCounts& total = audit.total;
  root["twin"] = audit.twin;
  root["totals"] = GroupJson(total, total, audit.twin);
  root["totals"]["observations"] = facts.observations;
  Json by_kind;
  for (size_t k = 0; k < kObservationKindNames.size(); ++k) {
    by_kind[std::string(kObservationKindNames[k])] = facts.observations_by_kind[k];
  }
  root["totals"]["observations_by_kind"] = by_kind;
  root["totals"]["alerts_waiting_at_end"] = audit.alerts_waiting_at_end;
  Json groups = Json::array();
  for (const GroupCounts& g : audit.groups) groups.push_back(GroupJson(g, total, audit.twin));
  root["groups"] = groups;
  Json intersections = Json::array();
  for (const IntersectionCounts& cell : audit.intersections) {
    Json j = GroupJson(cell.counts, total, false);
    j["dimension"] = cell.dimension;
    j["judgement"] = Judgeable(cell.counts, scenario.audit.min_cell) ? "" : "insufficient data";
    intersections.push_back(j);
  }
  root["intersections"] = intersections;
  Json rules = Json::array();
  for (const RuleCounts& r : audit.rules) rules.push_back(RuleJson(r, audit.groups));
  root["rules"] = rules;
  root["days"] = DaysJson(audit);
  root["disparities"] = DisparitiesJson(audit, scenario);
  root["feedback"] = FeedbackJson(audit, scenario);
  root["operators_view"] = OperatorsViewJson(total);
  if (replicates != nullptr) root["replicates"] = ReplicatesJson(*replicates);
  return root.dump(2) + "\n";
}

}  // namespace oversight
