// An alert: the apparatus's claim that a person needs police attention.
#pragma once

#include <cstdint>

#include "core/ids.h"
#include "core/sim_time.h"
#include "core/vocabulary.h"

namespace oversight {

struct Alert {
  Minute time = 0;  // the earliest minute the rule's condition held
  PersonId person;  // who the system believes it concerns
  RuleId rule;
  Category category = Category::kSocial;
  int32_t priority = 1;  // 0-9, higher is answered first

  friend bool operator==(const Alert&, const Alert&) = default;
  template <class Archive>
  void serialize(Archive& archive) {
    archive(time, person, rule, category, priority);
  }
};

// A risk score's level for a person changed (from the nightly scoring).
struct ScoreChange {
  Minute time = 0;
  PersonId person;
  RuleId rule;               // the score (scores are rules whose operator is a score)
  float score = 0;           // the score (weighted) or probability (learned)
  uint8_t from = 0, to = 0;  // levels (learned: 0 below the threshold, 1 at or above)

  friend bool operator==(const ScoreChange&, const ScoreChange&) = default;
};

// The order alerts are produced in: by time, then rule, then person.
inline bool AlertBefore(const Alert& a, const Alert& b) {
  if (a.time != b.time) return a.time < b.time;
  if (a.rule != b.rule) return a.rule < b.rule;
  return a.person < b.person;
}

}  // namespace oversight
