// Options of the respond stage: police capacity, what each response costs, and how alerts
// become responses.
#pragma once

#include <array>
#include <cstdint>

#include "core/vocabulary.h"

namespace oversight {

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

  double Cost(Response r) const { return cost[static_cast<size_t>(r)]; }
};

}  // namespace oversight
