// "Did you mean ...?" suggestions for misspelt names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oversight {

// Levenshtein distance between a and b (insertions, deletions, substitutions).
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely misspelling
// (distance <= max(2, |word| / 3)); empty otherwise. Ties go to the earlier candidate.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" when nothing is close, for appending to a message.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace oversight
