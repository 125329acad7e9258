// Place-based patrols: each day's units, allocated among districts from the system's own
// alerts.
//
// Day d's allocation counts the alerts of days d - window_days .. d - 1 by the district
// on file of the person each names (their registered home). "alerts" hands out the units
// one at a time, each to the district with the most alerts per unit already sent there
// (count / (1 + units)); "hotspots" deals them in turn to the `hotspots` districts with
// the most alerts (the forecast's top); ties go to the lower district index. With no
// alerts in the window, or with "even", units rotate through the districts. What the patrols see is
// the sense stage's concern (Sensors::SetPatrols). The allocation never sees the truth.
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "core/sim_time.h"
#include "core/snapshot_fwd.h"
#include "policy/alert.h"
#include "scenario/respond_options.h"
#include "world/records_view.h"

namespace oversight {

class Patrols {
 public:
  Patrols(const PatrolOptions& options, size_t districts);

  // Today's units per district (indexed by DistrictId), from the alerts recorded so far.
  const std::vector<uint16_t>& Allocate(Day day);
  // Records day `day`'s alerts per district (AlertsByDistrict).
  void Record(Day day, const std::vector<uint32_t>& alerts_by_district);

  const std::vector<uint16_t>& units() const { return units_; }

  // Checkpoints: the window of recent alerts and today's units.
  void Save(SnapshotWriter& out) const;
  void Load(SnapshotReader& in);

 private:
  PatrolOptions options_;
  size_t districts_;
  // alerts_[day % window_days][district]: a ring of the last window_days days' alerts.
  std::vector<std::vector<uint32_t>> alerts_;
  std::vector<uint16_t> units_;
};

// Counts `alerts` by the registered home district of each person named.
std::vector<uint32_t> AlertsByDistrict(const std::vector<Alert>& alerts, const RecordsView& records,
                                       size_t districts);

}  // namespace oversight
