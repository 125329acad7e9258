// Reads [[rules]]: the tripwire rules, each compiled to the operator of the registry
// (scenario/operator_registry.h) that answers its filled-in slots.
//
// Thread-safety: as SectionContext (one load). REQUIRES: [[lists]] read first (rules name
// lists); the operators registered (the policy library linked whole).
#pragma once

#include "scenario/section_reader.h"

namespace oversight {

// Appends each [[rules]] entry to ctx.scenario.policy.rules, reporting every problem with
// its position. Rules are compiled (their operator chosen and its parameters read) only
// while the load has no other problem.
void ReadRules(SectionContext& ctx);

}  // namespace oversight
