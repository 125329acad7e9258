// The one way the response stage changes the world: a police visit to a person.
//
// An interface so that the respond stage can act on the world without seeing its truth
// (it learns nothing back: whether a visit stopped anything is known only to the world and
// the audit), and so tests can substitute a recorder.
#pragma once

#include <cstdint>

#include "core/ids.h"
#include "core/sim_time.h"

namespace oversight {

class VisitTarget {
 public:
  virtual ~VisitTarget() = default;
  // The police visit `person` at minute `time` of the current day; `cause` tags the acts it
  // stops (the rule index of the alert behind the visit).
  virtual void Visit(PersonId person, Minute time, uint32_t cause) = 0;
  // A quick check on `person` (a call or a drive-by) to answer an alert without a visit: a
  // police contact (it raises evasion and deterrence) that stops nothing.
  virtual void Check(PersonId person) = 0;
};

}  // namespace oversight
