#include "scenario/rule_words.h"

#include <fmt/format.h>

#include "core/vocabulary.h"

namespace oversight {

std::string ListName(uint32_t who, const std::vector<ListOptions>& lists) {
  return who == kEveryone || who >= lists.size() ? std::string("anyone") : lists[who].name;
}

std::string PlaceTypeWords(uint32_t bits) {
  std::vector<std::string_view> names;
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    if ((bits >> t & 1u) != 0) names.push_back(kPlaceTypeNames[t]);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string_view EvidenceWords(Evidence e) {
  switch (e) {
    case Evidence::kSighting:
      return "a camera sighting";
    case Evidence::kTicket:
      return "a train ticket";
    case Evidence::kCheckIn:
      return "a hotel check-in";
    case Evidence::kCall:
      return "a call";
    case Evidence::kPhoneDark:
      return "the phone going dark";
    case Evidence::kMeter:
      return "the household's water use";
    case Evidence::kLocation:
      return "phone locations";
  }
  return "evidence";
}

std::string_view DestinationWords(Destination d) {
  return d == Destination::kCapital ? "the capital" : "somewhere other than the capital";
}

std::string MinutesWords(int32_t minutes) {
  if (minutes >= 120 && minutes % 60 == 0) return fmt::format("{} hours", minutes / 60);
  return fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s");
}

}  // namespace oversight
