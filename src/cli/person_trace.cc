#include "cli/person_trace.h"

#include <fmt/format.h>

#include <algorithm>

#include "world/phone_number.h"

namespace oversight {

namespace {

std::string Traits(TraitBits bits) {
  std::string out;
  for (size_t t = 0; t < kTraitCount; ++t) {
    if ((static_cast<unsigned>(bits) >> t & 1u) != 0)
      out += (out.empty() ? "" : ", ") + std::string(kTraitNames[t]);
  }
  return out.empty() ? "none" : out;
}

std::string Clock(Minute t) {
  const Minute m = MinuteOfDay(t);
  return fmt::format("day {:>3} {:02}:{:02}", DayOf(t), m / kMinutesPerHour, m % kMinutesPerHour);
}

}  // namespace

PersonTrace::PersonTrace(const Scenario& scenario, const World& world, PersonId person)
    : scenario_(scenario), world_(world), person_(person) {
  const Population& pop = world.population();
  const size_t p = person.index();
  std::string intents;
  for (size_t i = 0; i < kIntentCount; ++i) {
    if ((static_cast<unsigned>(pop.intents[p]) >> i & 1u) != 0)
      intents += (intents.empty() ? "" : ", ") + std::string(kIntentNames[i]);
  }
  header_ = fmt::format(
      "Person {} of '{}' (seed {}): {}, {}, {} years old, group {}, lives at {}\n"
      "  On file with the authorities: {}\n"
      "  The truth (the audit's, never the apparatus's): traits {}; hidden intent: {}\n",
      person.value, scenario.name, scenario.seed, Name(pop.role[p]), Name(pop.sex[p]), pop.age[p],
      scenario.world.groups[pop.group[p].index()].name, Place(pop.home(person)),
      Traits(pop.recorded_traits[p]), Traits(pop.true_traits[p]),
      intents.empty() ? "none" : intents);
}

std::string PersonTrace::Place(PlaceId place) const {
  if (!place.valid()) return "-";
  return fmt::format("{} #{}", Name(world_.city().place(place).type), place.value);
}

void PersonTrace::Line(Minute time, std::string text) {
  lines_.emplace_back(time, std::move(text));
}

void PersonTrace::Start(const Watchlists& lists) {
  std::string names;
  for (size_t l = 0; l < scenario_.policy.lists.size(); ++l) {
    if (!lists.Contains(ListId(static_cast<uint32_t>(l)), person_)) continue;
    lists_ |= 1u << l;
    names += (names.empty() ? "" : ", ") + scenario_.policy.lists[l].name;
  }
  header_ += fmt::format("  On lists at the start: {}{}\n", names.empty() ? "none" : names,
                         lists.Exempt(person_) ? "; on the red list (exempt from every rule)" : "");
}

// What the cameras and ticket checks saw of the person.
void PersonTrace::AddObservations(const DayView& day, Lines* today) const {
  auto add = [&](Minute t, std::string text) { today->emplace_back(t, std::move(text)); };
  const PersonId me = person_;
  for (const Observation& o : day.observations) {
    if (o.person != me) continue;
    if (o.kind == ObservationKind::kSighting) {
      add(o.time, fmt::format("seen by a camera arriving at {}", Place(o.place)));
    } else {
      const PlaceType to =
          o.detail == kTicketToCapital ? PlaceType::kCapital : PlaceType::kOutOfTown;
      add(o.time, fmt::format("ticket bought at {} to {} (ID checked)", Place(o.place),
                              Place(world_.city().PlacesOfType(to).front())));
    }
  }
}

// What the records the authorities can obtain hold of the person's day.
void PersonTrace::AddRecords(const DayView& day, Lines* today) const {
  auto add = [&](Minute t, std::string text) { today->emplace_back(t, std::move(text)); };
  const PersonId me = person_;
  const auto persons = static_cast<uint32_t>(world_.population().size());
  const DayRecords& r = day.records;
  size_t calls = 0, out_of_town = 0, payments = 0, locations = 0;
  for (const CallRecord& c : r.calls) {
    if (c.caller != me) continue;
    ++calls;
    if (IsOutOfTown(c.to, persons)) ++out_of_town;
  }
  for (const PaymentRecord& p : r.payments) payments += p.person == me ? 1u : 0u;
  for (const LocationRecord& l : r.locations) locations += l.person == me ? 1u : 0u;
  const Minute midnight = DayStart(day.day);
  if (calls + payments + locations > 0) {
    add(midnight, fmt::format("records of the day: calls {} (to out-of-town numbers {}), "
                              "electronic payments {}, phone locations {}",
                              calls, out_of_town, payments, locations));
  }
  for (const DarkRecord& d : r.dark) {
    if (d.person == me) add(d.since, "phone went dark (carrier record)");
  }
  for (const CheckInRecord& c : r.check_ins) {
    if (c.person == me) add(c.time, fmt::format("registered at {} for the night", Place(c.hotel)));
  }
  for (const PlateRecord& p : r.plates) {
    if (p.owner == me)
      add(p.time, fmt::format("plate of their vehicle {} read at a checkpoint", p.vehicle));
  }
}

// The person's score changes, alerts and would-be alerts the red list suppressed.
void PersonTrace::AddAlerts(const DayView& day, Lines* today) {
  auto add = [&](Minute t, std::string text) { today->emplace_back(t, std::move(text)); };
  const PersonId me = person_;
  const std::vector<RuleOptions>& rules = scenario_.policy.rules;
  auto describe = [&](const Alert& a) {
    const RuleOptions& rule = rules[a.rule.index()];
    return fmt::format("rule '{}' ({} on {}, {}, priority {})", rule.id, rule.OperatorName(),
                       rule.EvidenceName(), Name(a.category), a.priority);
  };
  for (const ScoreChange& c : day.score_changes) {
    if (c.person != me) continue;
    const RuleOptions& score = rules[c.rule.index()];
    if (score.OperatorName() == "learned_score") {
      add(c.time, fmt::format("score '{}' (learned): probability {:.3f}, {} the threshold {}",
                              score.id, c.score, c.to > c.from ? "at or above" : "below",
                              score.Params<ScoreOptions>().threshold));
    } else {
      add(c.time,
          fmt::format("score '{}' (weighted): {:.2f}, level {} -> {} (alerts at {})", score.id,
                      c.score, c.from, c.to, score.Params<ScoreOptions>().alert_level));
    }
  }
  for (const Alert& a : day.alerts) {
    if (a.person != me) continue;
    ++alerts_;
    add(a.time, "ALERT: " + describe(a));
  }
  for (const Alert& a : day.suppressed) {
    if (a.person == me) add(a.time, "would-be alert suppressed by the red list: " + describe(a));
  }
}

// What the police did to the person.
void PersonTrace::AddInterventions(const DayView& day, Lines* today) const {
  auto add = [&](Minute t, std::string text) { today->emplace_back(t, std::move(text)); };
  const PersonId me = person_;
  const std::vector<RuleOptions>& rules = scenario_.policy.rules;
  for (const Intervention& v : day.response.interventions) {
    if (v.person != me) continue;
    const std::string& rule = rules[v.rule.index()].id;
    switch (v.kind) {
      case Response::kVisit:
        add(v.time, fmt::format("POLICE VISIT (for rule '{}')", rule));
        break;
      case Response::kIntercept:
        add(v.time, fmt::format("POLICE INTERCEPT on the way (for rule '{}')", rule));
        break;
      case Response::kDetain:
        add(v.time, fmt::format("DETAINED for {} days (for rule '{}'): no acts, no records while "
                                "held",
                                v.days, rule));
        break;
      case Response::kDenyPermit:
        add(v.time, fmt::format("TRAVEL PERMIT WITHHELD for {} days (for rule '{}'): no petition "
                                "trips",
                                v.days, rule));
        break;
      case Response::kList:
        add(v.time, fmt::format("put on list '{}' (for rule '{}'; not told)",
                                scenario_.policy.lists[static_cast<size_t>(v.list)].name, rule));
        break;
      case Response::kCamera:
        add(v.time,
            fmt::format("camera placed outside their home (for rule '{}'; not told)", rule));
        break;
    }
  }
}

void PersonTrace::Record(const DayView& day) {
  Lines today;
  AddObservations(day, &today);
  AddRecords(day, &today);
  AddAlerts(day, &today);
  AddInterventions(day, &today);
  const PersonId me = person_;
  uint32_t lists = 0;
  for (size_t l = 0; l < scenario_.policy.lists.size(); ++l) {
    if (day.lists.Contains(ListId(static_cast<uint32_t>(l)), me)) lists |= 1u << l;
  }
  std::stable_sort(today.begin(), today.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& line : today) Line(line.first, std::move(line.second));
  const uint32_t changed = lists ^ lists_;
  for (size_t l = 0; l < scenario_.policy.lists.size(); ++l) {
    if ((changed >> l & 1u) == 0) continue;
    const bool is = (lists >> l & 1u) != 0;
    Line(DayStart(day.day + 1) - 1,
         fmt::format("{} list '{}' (nobody tells them)", is ? "added to" : "taken off",
                     scenario_.policy.lists[l].name));
  }
  lists_ = lists;
}

std::string PersonTrace::Text() const {
  std::string out = header_;
  out += fmt::format("  Alerts on them: {}\n\n", alerts_);
  if (lines_.empty()) out += "  The apparatus recorded nothing about them.\n";
  for (const auto& [time, text] : lines_) out += fmt::format("  {}  {}\n", Clock(time), text);
  return out;
}

}  // namespace oversight
