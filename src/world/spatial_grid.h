// A uniform grid over the places of one type, for "is any of them within R metres?".
//
// Thread-safety: immutable after construction.
#pragma once

#include <cmath>
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

  // Calls `visit(id)` for each indexed place within `radius_m` of (x, y).
  // REQUIRES: radius_m <= cell_m.
  template <typename Visit>
  void ForEachWithin(double x, double y, double radius_m, const Visit& visit) const;

 private:
  int64_t Key(int64_t cx, int64_t cy) const { return cx * 1'000'003 + cy; }
  // Calls `found(id)` for each indexed place within `radius_m` of (x, y) until it returns
  // true; returns whether it did. Squared distances: std::hypot was a third of building a
  // city of millions (it guards against overflow that city coordinates never come near).
  template <typename Found>
  bool FindWithin(double x, double y, double radius_m, const Found& found) const;
  int64_t Cell(double v) const;

  const City& city_;
  double cell_m_;
  std::unordered_map<int64_t, std::vector<PlaceId>> cells_;
};

template <typename Visit>
void SpatialGrid::ForEachWithin(double x, double y, double radius_m, const Visit& visit) const {
  FindWithin(x, y, radius_m, [&](PlaceId id) {
    visit(id);
    return false;
  });
}

template <typename Found>
bool SpatialGrid::FindWithin(double x, double y, double radius_m, const Found& found) const {
  const int64_t cx = Cell(x);
  const int64_t cy = Cell(y);
  for (int64_t dx = -1; dx <= 1; ++dx) {
    for (int64_t dy = -1; dy <= 1; ++dy) {
      auto it = cells_.find(Key(cx + dx, cy + dy));
      if (it == cells_.end()) continue;
      for (PlaceId id : it->second) {
        const Place& p = city_.place(id);
        const double ex = p.x - x;
        const double ey = p.y - y;
        if (ex * ex + ey * ey <= radius_m * radius_m && found(id)) return true;
      }
    }
  }
  return false;
}

}  // namespace oversight
