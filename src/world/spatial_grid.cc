#include "world/spatial_grid.h"

#include <cassert>
#include <cmath>

namespace oversight {

SpatialGrid::SpatialGrid(const City& city, PlaceType type, double cell_m)
    : city_(city), cell_m_(cell_m) {
  assert(cell_m > 0);
  for (PlaceId id : city.PlacesOfType(type)) {
    const Place& p = city.place(id);
    cells_[Key(Cell(p.x), Cell(p.y))].push_back(id);
  }
}

int64_t SpatialGrid::Cell(double v) const { return static_cast<int64_t>(std::floor(v / cell_m_)); }

bool SpatialGrid::AnyWithin(double x, double y, double radius_m) const {
  assert(radius_m <= cell_m_);
  const int64_t cx = Cell(x);
  const int64_t cy = Cell(y);
  for (int64_t dx = -1; dx <= 1; ++dx) {
    for (int64_t dy = -1; dy <= 1; ++dy) {
      auto it = cells_.find(Key(cx + dx, cy + dy));
      if (it == cells_.end()) continue;
      for (PlaceId id : it->second) {
        if (Within(city_.place(id), x, y, radius_m)) return true;
      }
    }
  }
  return false;
}

}  // namespace oversight
