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
  return FindWithin(x, y, radius_m, [](PlaceId) { return true; });
}

}  // namespace oversight
