#include "world/city.h"

#include <cassert>
#include <cmath>

namespace oversight {

void City::LayOutDistricts(const std::vector<std::string>& names, double district_size_m) {
  const size_t columns =
      static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(names.size()))));
  districts_.clear();
  for (size_t i = 0; i < names.size(); ++i) {
    District d;
    d.name = names[i];
    d.size = district_size_m;
    d.x0 = static_cast<double>(i % columns) * district_size_m;
    d.y0 = static_cast<double>(i / columns) * district_size_m;
    districts_.push_back(std::move(d));
  }
  by_district_type_.assign(districts_.size(), {});
}

PlaceId City::AddPlace(PlaceType type, DistrictId district, double x, double y, PlaceId parent) {
  const PlaceId id(static_cast<uint32_t>(places_.size()));
  places_.push_back(Place{type, district, x, y, parent});
  by_type_[static_cast<size_t>(type)].push_back(id);
  if (district.valid()) {
    assert(district.index() < by_district_type_.size());  // lay out districts first
    by_district_type_[district.index()][static_cast<size_t>(type)].push_back(id);
  }
  return id;
}

double City::Distance(PlaceId a, PlaceId b) const {
  const Place& pa = place(a);
  const Place& pb = place(b);
  return std::hypot(pa.x - pb.x, pa.y - pb.y);
}

}  // namespace oversight
