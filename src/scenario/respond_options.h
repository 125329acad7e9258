// Options of the respond stage: police capacity, what each response costs, and how alerts
// become responses.
#pragma once

#include <array>
#include <cstdint>

#include "core/vocabulary.h"

namespace oversight {

// Place-based patrols: units sent each day to the districts where the system's own alerts
// concentrated (the persons they named live there), whose officers check the identity of
// people they meet in public. What they see becomes sightings for the rules, so a district
// patrolled more yields more alerts, which draw more patrols.
struct PatrolOptions {
  int32_t units = 0;        // patrol units per day (0: no patrols)
  int32_t window_days = 7;  // allocation counts alerts over this many past days
  // How units are shared: in proportion to alerts ("alerts"), all to the `hotspots`
  // districts with the most alerts ("hotspots"), or evenly, in turn ("even").
  enum class Allocation : uint8_t { kAlerts, kHotspots, kEven };
  Allocation allocate = Allocation::kAlerts;
  int32_t hotspots = 1;        // for "hotspots": how many districts get the units
  double sighting_rate = 0.2;  // per unit: chance a person arriving at a public place is checked
  int32_t from_hour = 0;       // patrols are out from this hour ...
  int32_t to_hour = 24;        // ... until this one (default: around the clock)
};

struct RespondOptions {
  // Officer time per day, in units: a home visit costs cost[visit] units (1 by default), so
  // with the default costs this is the number of home visits the police can make per day.
  double capacity_per_day = 50.0;
  // Capacity each response costs: visit, intercept, detain, deny_permit, list, camera.
  std::array<double, kResponseCount> cost = {1.0, 2.0, 5.0, 0.5, 0.2, 2.0};
  int32_t response_minutes = 60;   // from an alert to the visit, minutes (same day)
  int32_t intercept_minutes = 15;  // from an alert to the interception, minutes
  int32_t max_wait_days = 2;       // an alert unanswered this many days later is dropped
  int32_t duty_start_hour = 8;     // alerts carried over from earlier days are visited from here
  int32_t detention_days = 15;     // days a detained person is held, counting the first
  int32_t permit_days = 90;        // days a travel permit stays withheld, counting the first
  // Officers judged by responsiveness: at least this share of each day's alerts must be
  // answered. Alerts beyond the capacity are answered, in priority order, by quick checks
  // (a police contact that stops nothing and costs nothing) until the share is reached.
  double answer_share = 0.0;
  // What a visit leaves behind (feedback): a camera outside the visited person's home, and
  // the person on this list (index into PolicyOptions::lists; -1: none). Both are part of
  // the visit and cost nothing more.
  bool camera_after_visit = false;
  int32_t list_after_visit = -1;

  PatrolOptions patrols;

  double Cost(Response r) const { return cost[static_cast<size_t>(r)]; }
};

}  // namespace oversight
