// A uniform grid over the places of one type, for "is any of them within R metres?".
//
// Thread-safety: immutable after construction.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/ids.h"
#include "core/vocabulary.h"
#include "world/city.h"

namespace oversight {

class SpatialGrid {
 public:
  // Indexes every place of `type` in cells of `cell_m` metres (> 0).
  SpatialGrid(const City& city, PlaceType type, double cell_m);

  // Whether a place of the indexed type lies within `radius_m` of (x, y).
  // REQUIRES: radius_m <= cell_m (then the 3x3 neighbouring cells suffice).
  bool AnyWithin(double x, double y, double radius_m) const;

 private:
  int64_t Key(int64_t cx, int64_t cy) const { return cx * 1'000'003 + cy; }
  int64_t Cell(double v) const;

  const City& city_;
  double cell_m_;
  std::unordered_map<int64_t, std::vector<PlaceId>> cells_;
};

}  // namespace oversight
