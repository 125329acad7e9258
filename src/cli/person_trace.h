// `oversight explain`: everything the apparatus saw, concluded and did about one synthetic
// person, day by day, next to the truth about them.
//
// Fed each day's view of a run (sim/simulation.h DayView), it keeps the lines that concern
// the person: observations and records naming them (calls, payments and phone locations
// summarised per day), every alert a rule raised on them (or would have, for the red list),
// every change of a risk score's level, police visits, and their watchlist membership as it
// changes. An alert's evidence is the events just before it: each operator alerts at the minute its
// condition first holds (docs/RULES.md). Thread-safety: not thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/sim_time.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace oversight {

class PersonTrace {
 public:
  // REQUIRES: `person` < the world's population.
  PersonTrace(const Scenario& scenario, const World& world, PersonId person);

  // Before day 0: the lists the person starts on.
  void Start(const Watchlists& lists);
  void Record(const DayView& day);

  // The header (what is on file, the truth) and the day-by-day trace.
  std::string Text() const;
  size_t alerts() const { return alerts_; }

 private:
  // A day's lines, by minute, before they are sorted.
  using Lines = std::vector<std::pair<Minute, std::string>>;
  void AddObservations(const DayView& day, Lines* today) const;
  void AddRecords(const DayView& day, Lines* today) const;
  void AddAlerts(const DayView& day, Lines* today);
  void AddInterventions(const DayView& day, Lines* today) const;
  std::string Place(PlaceId place) const;
  void Line(Minute time, std::string text);

  const Scenario& scenario_;
  const World& world_;
  PersonId person_;
  uint32_t lists_ = 0;  // membership bits before the current day
  size_t alerts_ = 0;
  std::string header_;
  std::vector<std::pair<Minute, std::string>> lines_;  // in the order recorded
};

}  // namespace oversight
