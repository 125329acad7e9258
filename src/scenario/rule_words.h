// Words for the parts of a rule, shared by the report's rule text (report/rule_text.h) and
// the operators' descriptions of their own parameters (OperatorSpec::describe).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/policy_options.h"

namespace oversight {

// The list's name, or "anyone" for kEveryone.
std::string ListName(uint32_t who, const std::vector<ListOptions>& lists);

// "a school or a park" from a bit set of place types.
std::string PlaceTypeWords(uint32_t bits);

// "a camera sighting", "a train ticket", ...
std::string_view EvidenceWords(Evidence e);

// "the capital", "somewhere other than the capital".
std::string_view DestinationWords(Destination d);

// "15 minutes", "24 hours".
std::string MinutesWords(int32_t minutes);

}  // namespace oversight
