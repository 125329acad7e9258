// The parts of a [[rules]] or [[scores]] entry both read alike: the id, who it watches and
// what follows an alert (category, priority, response).
//
// Thread-safety: as SectionContext (one load).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "scenario/policy_options.h"
#include "scenario/section_reader.h"

namespace oversight {

// Reads the required `id` (`expected` describes it when missing) into rule->id. Returns
// false when another rule or score in `ids` already has it (the caller reports it);
// records the id in `ids`.
bool ReadRuleId(TableReader& r, std::string_view expected, std::set<std::string>* ids,
                RuleOptions* rule);

// Reads the required `who` (`expected` describes it when missing) into rule->who.
void ReadRuleWho(const SectionContext& ctx, TableReader& r, std::string_view expected,
                 RuleOptions* rule);

// Reads category, priority and the police response (response, response_list).
void ReadFollowUp(const SectionContext& ctx, TableReader& r, RuleOptions* rule);

}  // namespace oversight
