// The one way the response stage changes the world: police interventions on a person.
//
// An interface so that the respond stage can act on the world without seeing its truth
// (it learns nothing back: whether an intervention stopped anything is known only to the
// world and the audit), and so tests can substitute a recorder.
#pragma once

#include <cstdint>

#include "core/ids.h"
#include "core/sim_time.h"
#include "core/vocabulary.h"

namespace oversight {

// One police response to an alert on `person`, decided at minute `time` of the current day.
struct Intervention {
  Response kind = Response::kVisit;
  PersonId person;
  Minute time = 0;
  RuleId rule;        // the rule of the alert behind it; tags the acts it stops
  int32_t days = 0;   // detain, deny_permit: how many days it lasts, counting today
  int32_t list = -1;  // list: index of the list the person is added to
};

class ResponseTarget {
 public:
  virtual ~ResponseTarget() = default;
  // Applies `intervention`. Police contacts (IsContact) stop acts and deter; silent ones
  // (list, camera) change what the apparatus watches, not the person's day.
  virtual void Apply(const Intervention& intervention) = 0;
  // A quick check on `person` (a call or a drive-by) to answer an alert without spending
  // capacity: a police contact (it raises evasion and deterrence) that stops nothing.
  virtual void Check(PersonId person) = 0;
};

}  // namespace oversight
