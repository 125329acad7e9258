#include "respond/patrols.h"

#include <algorithm>

#include "core/snapshot.h"

namespace oversight {

Patrols::Patrols(const PatrolOptions& options, size_t districts)
    : options_(options),
      districts_(districts),
      alerts_(static_cast<size_t>(options.window_days), std::vector<uint32_t>(districts, 0)),
      units_(districts, 0) {}

const std::vector<uint16_t>& Patrols::Allocate(Day day) {
  std::fill(units_.begin(), units_.end(), 0);
  if (districts_ == 0 || options_.units == 0) return units_;
  std::vector<uint64_t> counts(districts_, 0);
  uint64_t total = 0;
  for (const std::vector<uint32_t>& past : alerts_) {
    for (size_t d = 0; d < districts_; ++d) counts[d] += past[d];
  }
  for (uint64_t c : counts) total += c;
  using Allocation = PatrolOptions::Allocation;
  if (options_.allocate == Allocation::kEven || total == 0) {
    const auto start = static_cast<size_t>(day) * static_cast<size_t>(options_.units);
    for (size_t u = 0; u < static_cast<size_t>(options_.units); ++u) {
      ++units_[(start + u) % districts_];
    }
    return units_;
  }
  if (options_.allocate == Allocation::kHotspots) {
    // The districts with the most alerts (ties to the lower index), dealt units in turn.
    std::vector<size_t> order(districts_);
    for (size_t d = 0; d < districts_; ++d) order[d] = d;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return counts[a] > counts[b]; });
    const size_t k = std::min(districts_, static_cast<size_t>(options_.hotspots));
    for (size_t u = 0; u < static_cast<size_t>(options_.units); ++u) ++units_[order[u % k]];
    return units_;
  }
  for (int32_t u = 0; u < options_.units; ++u) {
    size_t best = 0;
    for (size_t d = 1; d < districts_; ++d) {
      // counts[d] / (1 + units[d]) > counts[best] / (1 + units[best]), without division.
      if (counts[d] * (1u + units_[best]) > counts[best] * (1u + units_[d])) best = d;
    }
    ++units_[best];
  }
  return units_;
}

void Patrols::Record(Day day, const std::vector<uint32_t>& alerts_by_district) {
  std::vector<uint32_t>& today = alerts_[static_cast<size_t>(day) % alerts_.size()];
  for (size_t d = 0; d < districts_; ++d) {
    today[d] = d < alerts_by_district.size() ? alerts_by_district[d] : 0;
  }
}

std::vector<uint32_t> AlertsByDistrict(const std::vector<Alert>& alerts, const RecordsView& records,
                                       size_t districts) {
  std::vector<uint32_t> out(districts, 0);
  for (const Alert& alert : alerts) {
    const DistrictId district = records.district(alert.person);
    if (district.valid() && district.index() < districts) ++out[district.index()];
  }
  return out;
}

void Patrols::Save(SnapshotWriter& out) const { out(alerts_, units_); }

void Patrols::Load(SnapshotReader& in) {
  const size_t window = alerts_.size();
  in(alerts_, units_);
  ExpectSize(alerts_.size(), window, "patrol window");
  for (const std::vector<uint32_t>& day : alerts_) ExpectSize(day.size(), districts_, "districts");
}

}  // namespace oversight
