// A rule or score in words, from its filled-in slots: what it asks of the evidence.
#pragma once

#include <string>
#include <vector>

#include "scenario/policy_options.h"

namespace oversight {

// E.g. "key_persons: a sighting near a school (within 200 m), 07:00-18:00, on workdays".
std::string DescribeRule(const RuleOptions& rule, const std::vector<ListOptions>& lists);

}  // namespace oversight
