// Options of the respond stage: police capacity and how alerts become visits.
#pragma once

#include <cstdint>

namespace oversight {

struct RespondOptions {
  int32_t visits_per_day = 50;    // home visits the police can make per day
  int32_t response_minutes = 60;  // from an alert to the visit, minutes (same day)
  int32_t max_wait_days = 2;      // an alert unanswered this many days later is dropped
  int32_t duty_start_hour = 8;    // alerts carried over from earlier days are visited from here
  // Officers judged by responsiveness: at least this share of each day's alerts must be
  // answered. Alerts beyond the visit capacity are answered, in priority order, by quick
  // checks (a police contact that stops nothing) until the share is reached. 0: off.
  double answer_share = 0.0;
  // What a visit leaves behind (feedback): a camera outside the visited person's home, and
  // the person on this list (index into PolicyOptions::lists; -1: none).
  bool camera_after_visit = false;
  int32_t list_after_visit = -1;
};

}  // namespace oversight
