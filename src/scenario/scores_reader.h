// Reads [[scores]]: risk scores, rules whose operator is a score (weighted_score or
// learned_score in the registry), so every output treats them like rules.
//
// Thread-safety: as SectionContext (one load). REQUIRES: [[lists]] and [[rules]] read first
// (scores name lists and share ids with rules); the score operators registered.
#pragma once

#include "scenario/section_reader.h"

namespace oversight {

// Appends each [[scores]] entry to ctx.scenario.policy.rules, its ScoreOptions as the
// operator's parameters, reporting every problem with its position.
void ReadScores(SectionContext& ctx);

}  // namespace oversight
