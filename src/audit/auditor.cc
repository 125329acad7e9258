// Design: counts are kept, rates derived later (docs/METRICS.md), so that every rate in a
// report can show its numerator and denominator. An alert is a false alarm when the person
// it names has no harmful intent, which includes every alert caused by a false face match
// on an innocent resident. Stopped acts are attributed to the rule of the alert behind the
// intervention (Act::stopped_by).
#include "audit/auditor.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "core/snapshot.h"

namespace oversight {

Auditor::Auditor(const Scenario& scenario, const World& world, const Watchlists& watchlists)
    : watchlists_(watchlists) {
  const Population& population = world.population();
  for (const GroupOptions& group : scenario.world.groups) {
    result_.groups.push_back(GroupCounts{.name = group.name});
  }
  result_.total.name = "all";
  // Intersections: group x sex cells, then group x status cells.
  for (const GroupOptions& group : scenario.world.groups) {
    for (std::string_view sex : kSexNames) {
      IntersectionCounts cell{.dimension = "group x sex", .counts = {}};
      cell.counts.name = fmt::format("{} x {}", group.name, sex);
      result_.intersections.push_back(cell);
    }
  }
  for (const GroupOptions& group : scenario.world.groups) {
    for (std::string_view status : kStatusNames) {
      IntersectionCounts cell{.dimension = "group x status", .counts = {}};
      cell.counts.name = fmt::format("{} x {} status", group.name, status);
      result_.intersections.push_back(cell);
    }
  }
  sex_cells_ = scenario.world.groups.size() * kSexCount;
  for (size_t p = 0; p < population.size(); ++p) {
    const uint64_t harmful = population.intents[p] != 0 ? 1u : 0u;
    const uint64_t listed = watchlists.OnWatchlist(PersonId(static_cast<uint32_t>(p))) ? 1u : 0u;
    const std::array<GroupCounts*, 2> cells = Cells(population, p);
    for (GroupCounts* counts : {&result_.groups[population.group[p].index()], cells[0], cells[1]}) {
      ++counts->persons;
      counts->harmful_persons += harmful;
      counts->listed_persons += listed;
    }
  }
  for (const RuleOptions& rule : scenario.policy.rules) {
    result_.rules.push_back(
        RuleCounts{.id = rule.id,
                   .op = std::string(rule.OperatorName()),
                   .what = std::string(rule.EvidenceName()),
                   .category = std::string(Name(rule.category)),
                   .response = std::string(Name(rule.response)),
                   .group_alerts = std::vector<uint64_t>(scenario.world.groups.size(), 0)});
  }
  for (const District& district : world.city().districts()) {
    result_.districts.push_back(district.name);
  }
  residents_.assign(world.city().district_count(),
                    std::vector<uint64_t>(scenario.world.groups.size(), 0));
  result_.district_persons.assign(world.city().district_count(), 0);
  result_.district_alerts.assign(world.city().district_count(), 0);
  for (size_t p = 0; p < population.size(); ++p) {
    const DistrictId district = population.district(PersonId(static_cast<uint32_t>(p)));
    if (!district.valid()) continue;
    ++residents_[district.index()][population.group[p].index()];
    ++result_.district_persons[district.index()];
  }
  flagged_.assign(population.size(), 0);
  flagged_by_rule_.assign(scenario.policy.rules.size(),
                          std::vector<uint64_t>((population.size() + 31) / 32, 0));
  for (size_t r = 0; r < scenario.policy.rules.size(); ++r) {
    const uint32_t who = scenario.policy.rules[r].who;
    RuleCounts& counts = result_.rules[r];
    for (size_t p = 0; p < population.size(); ++p) {
      const PersonId person(static_cast<uint32_t>(p));
      if (who != kEveryone && !watchlists.Contains(ListId(who), person)) continue;
      Mark(r, p, kWatchedAtStart);
      ++counts.watched_persons;
      counts.watched_harmful += population.intents[p] != 0 ? 1u : 0u;
    }
  }
}

void Auditor::RecordDay(Day day, const World& world, size_t observations,
                        const std::vector<Alert>& alerts, const std::vector<Alert>& suppressed,
                        const ResponseDay& response) {
  const Population& population = world.population();
  DayCounts today{.day = day, .observations = observations};
  today.group_alerts.assign(result_.groups.size(), 0);
  today.group_listed.assign(result_.groups.size(), 0);
  CountSuppressed(population, suppressed);
  CountAlerts(population, alerts, &today);
  CountResponses(population, response, &today);
  CountActs(world, &today);
  CountPersonDays(world, &today);
  result_.days.push_back(today);
}

// Would-be alerts the red list hid.
void Auditor::CountSuppressed(const Population& population, const std::vector<Alert>& suppressed) {
  for (const Alert& alert : suppressed) {
    const bool harmful = population.intents[alert.person.index()] != 0;
    GroupCounts& g = result_.groups[population.group[alert.person.index()].index()];
    RuleCounts& r = result_.rules[alert.rule.index()];
    ++g.red_list_suppressed;
    ++r.red_list_suppressed;
    g.red_list_suppressed_harmful += harmful ? 1u : 0u;
    r.red_list_suppressed_harmful += harmful ? 1u : 0u;
  }
}

// Alerts, false alarms and flagged persons, by group, intersection, rule and district.
void Auditor::CountAlerts(const Population& population, const std::vector<Alert>& alerts,
                          DayCounts* today) {
  for (const Alert& alert : alerts) {
    const size_t p = alert.person.index();
    const bool innocent = population.intents[p] == 0;
    GroupCounts& g = result_.groups[population.group[p].index()];
    RuleCounts& r = result_.rules[alert.rule.index()];
    ++g.alerts;
    ++r.alerts;
    ++r.group_alerts[population.group[p].index()];
    const DistrictId home = population.district(alert.person);
    if (home.valid()) ++result_.district_alerts[home.index()];
    ++today->alerts;
    ++today->group_alerts[population.group[p].index()];
    if (innocent) {
      ++g.false_alarms;
      ++r.false_alarms;
      ++today->false_alarms;
    }
    const bool first = !flagged_[p];
    if (first) {
      flagged_[p] = 1;
      ++g.flagged_persons;
      if (innocent) ++g.flagged_innocents;
    }
    for (GroupCounts* cell : Cells(population, p)) {
      ++cell->alerts;
      cell->false_alarms += innocent ? 1u : 0u;
      cell->flagged_persons += first ? 1u : 0u;
      cell->flagged_innocents += first && innocent ? 1u : 0u;
    }
    const uint64_t marks = Marks(alert.rule.index(), p);
    if ((marks & kFlagged) == 0) {
      Mark(alert.rule.index(), p, kFlagged);
      ++r.flagged_persons;
      if ((marks & kWatchedAtStart) != 0) {
        ++r.flagged_watched;
        if (!innocent) ++r.flagged_watched_harmful;
      }
    }
  }
}

// The police's responses, quick checks and the alerts they dropped.
void Auditor::CountResponses(const Population& population, const ResponseDay& response,
                             DayCounts* today) {
  for (const Intervention& taken : response.interventions) {
    const size_t p = taken.person.index();
    GroupCounts& g = result_.groups[population.group[p].index()];
    const bool innocent = population.intents[p] == 0;
    for (GroupCounts* counts : {&g, Cells(population, p)[0], Cells(population, p)[1]}) {
      ++counts->responses[taken.kind];
      if (innocent) ++counts->responses_to_innocents[taken.kind];
    }
    ++result_.rules[taken.rule.index()].responses;
    ++today->responses;
  }
  for (PersonId person : response.checks) {
    const bool innocent = population.intents[person.index()] == 0;
    GroupCounts& g = result_.groups[population.group[person.index()].index()];
    ++g.checks;
    g.checks_to_innocents += innocent ? 1u : 0u;
    for (GroupCounts* cell : Cells(population, person.index())) {
      ++cell->checks;
      cell->checks_to_innocents += innocent ? 1u : 0u;
    }
  }
  for (const Alert& alert : response.dropped) {
    ++result_.rules[alert.rule.index()].alerts_dropped;
    ++today->alerts_dropped;
  }
}

// The day's acts: lawful ones (petition trips, gatherings) on one side, harmful ones on the
// other, and which of them the apparatus stopped.
void Auditor::CountActs(const World& world, DayCounts* today) {
  const Population& population = world.population();
  for (const DayLog& chunk : world.day_log()) {
    for (const Act& act : chunk.acts) {
      GroupCounts& g = result_.groups[population.group[act.person.index()].index()];
      const bool trip = Lawful(act.kind);
      uint64_t& count = trip ? g.lawful_acts : g.harmful_acts;
      ++count;
      if (!trip && watchlists_.Exempt(act.person)) ++g.red_list_harmful_acts;
      ++(trip ? today->lawful_acts : today->harmful_acts);
      for (GroupCounts* cell : Cells(population, act.person.index())) {
        ++(trip ? cell->lawful_acts : cell->harmful_acts);
        if (act.stopped()) ++(trip ? cell->lawful_stopped : cell->harmful_acts_stopped);
      }
      if (!act.stopped()) continue;
      ++(trip ? g.lawful_stopped : g.harmful_acts_stopped);
      ++(trip ? today->lawful_stopped : today->harmful_acts_stopped);
      RuleCounts& r = result_.rules[act.stopped_by];
      ++(trip ? r.lawful_stopped : r.harmful_acts_stopped);
    }
  }
}

// Each person's day: on a watchlist, held in detention.
void Auditor::CountPersonDays(const World& world, DayCounts* today) {
  const Population& population = world.population();
  for (size_t p = 0; p < population.size(); ++p) {
    const PersonId person(static_cast<uint32_t>(p));
    if (watchlists_.OnWatchlist(person)) {
      ++result_.groups[population.group[p].index()].list_days;
      ++today->group_listed[population.group[p].index()];
    }
    if (world.held(person)) {
      const uint64_t innocent = population.intents[p] == 0 ? 1u : 0u;
      for (GroupCounts* counts : {&result_.groups[population.group[p].index()],
                                  Cells(population, p)[0], Cells(population, p)[1]}) {
        ++counts->held_days;
        counts->held_days_innocents += innocent;
      }
      ++today->held;
    }
  }
}

std::array<GroupCounts*, 2> Auditor::Cells(const Population& population, size_t p) {
  const size_t g = population.group[p].index();
  return {
      &result_.intersections[g * kSexCount + static_cast<size_t>(population.sex[p])].counts,
      &result_
           .intersections[sex_cells_ + g * kStatusCount + static_cast<size_t>(population.status[p])]
           .counts};
}

void Auditor::RecordPatrols(const std::vector<uint16_t>& units) {
  DayCounts& today = result_.days.back();
  today.group_patrols.assign(result_.groups.size(), 0);
  if (std::any_of(units.begin(), units.end(), [](uint16_t u) { return u > 0; })) {
    today.district_patrols = units;
  }
  for (size_t d = 0; d < units.size() && d < residents_.size(); ++d) {
    for (size_t g = 0; g < result_.groups.size(); ++g) {
      const uint64_t exposure = units[d] * residents_[d][g];
      result_.groups[g].patrol_exposure += exposure;
      today.group_patrols[g] += exposure;
    }
  }
}

void Auditor::RecordTwinDay(const World& twin) {
  result_.twin = true;
  const Population& population = twin.population();
  DayCounts& today = result_.days.back();
  for (const DayLog& chunk : twin.day_log()) {
    for (const Act& act : chunk.acts) {
      GroupCounts& g = result_.groups[population.group[act.person.index()].index()];
      const bool lawful = Lawful(act.kind);
      ++(lawful ? g.twin_lawful_acts : g.twin_harmful_acts);
      ++(lawful ? today.twin_lawful_acts : today.twin_harmful_acts);
    }
  }
}

AuditResult Auditor::Finish(size_t waiting) const {
  AuditResult result = result_;
  result.alerts_waiting_at_end = waiting;
  GroupCounts& t = result.total;
  for (const GroupCounts& g : result.groups) {
    t.persons += g.persons;
    t.harmful_persons += g.harmful_persons;
    t.listed_persons += g.listed_persons;
    t.list_days += g.list_days;
    t.alerts += g.alerts;
    t.false_alarms += g.false_alarms;
    t.flagged_persons += g.flagged_persons;
    t.flagged_innocents += g.flagged_innocents;
    t.responses += g.responses;
    t.responses_to_innocents += g.responses_to_innocents;
    t.held_days += g.held_days;
    t.patrol_exposure += g.patrol_exposure;
    t.held_days_innocents += g.held_days_innocents;
    t.checks += g.checks;
    t.checks_to_innocents += g.checks_to_innocents;
    t.lawful_acts += g.lawful_acts;
    t.lawful_stopped += g.lawful_stopped;
    t.harmful_acts += g.harmful_acts;
    t.harmful_acts_stopped += g.harmful_acts_stopped;
    t.red_list_suppressed += g.red_list_suppressed;
    t.red_list_suppressed_harmful += g.red_list_suppressed_harmful;
    t.red_list_harmful_acts += g.red_list_harmful_acts;
    t.twin_lawful_acts += g.twin_lawful_acts;
    t.twin_harmful_acts += g.twin_harmful_acts;
  }
  return result;
}

void Auditor::Save(SnapshotWriter& out) const { out(result_, flagged_, flagged_by_rule_); }

void Auditor::Load(SnapshotReader& in) {
  const size_t persons = flagged_.size(), rules = flagged_by_rule_.size();
  in(result_, flagged_, flagged_by_rule_);
  ExpectSize(flagged_.size(), persons, "flagged persons");
  ExpectSize(flagged_by_rule_.size(), rules, "rules");
  for (const std::vector<uint64_t>& flagged : flagged_by_rule_) {
    ExpectSize(flagged.size(), (persons + 31) / 32, "flagged persons of a rule");
  }
}

}  // namespace oversight
