// The city map: districts and places with coordinates.
//
// Districts are squares laid out left to right, top to bottom on a grid of
// ceil(sqrt(n)) columns; places sit at uniform random points inside their district. The
// capital is a single place outside the map. Distances are Euclidean, in metres.
// Thread-safety: immutable after Build(); safe to read from many threads.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/vocabulary.h"

namespace oversight {

struct District {
  std::string name;
  double x0 = 0.0, y0 = 0.0;  // south-west corner, metres
  double size = 0.0;          // side, metres
};

struct Place {
  PlaceType type = PlaceType::kHome;
  DistrictId district;
  double x = 0.0, y = 0.0;  // metres
  PlaceId parent;           // for a home: its residential compound; otherwise invalid
};

class City {
 public:
  City() = default;

  // Lays out `districts` squares of side `district_size_m` and names them.
  void LayOutDistricts(const std::vector<std::string>& names, double district_size_m);
  // Adds a place; returns its id. REQUIRES: district is valid (except for the capital).
  PlaceId AddPlace(PlaceType type, DistrictId district, double x, double y,
                   PlaceId parent = PlaceId());

  size_t place_count() const { return places_.size(); }
  size_t district_count() const { return districts_.size(); }
  const Place& place(PlaceId id) const { return places_[id.index()]; }
  const District& district(DistrictId id) const { return districts_[id.index()]; }
  const std::vector<Place>& places() const { return places_; }
  const std::vector<District>& districts() const { return districts_; }

  // All places of a type, in id order.
  const std::vector<PlaceId>& PlacesOfType(PlaceType type) const {
    return by_type_[static_cast<size_t>(type)];
  }
  // Places of a type in one district, in id order.
  const std::vector<PlaceId>& PlacesOfType(PlaceType type, DistrictId district) const {
    return by_district_type_[district.index()][static_cast<size_t>(type)];
  }

  double Distance(PlaceId a, PlaceId b) const;

 private:
  std::vector<District> districts_;
  std::vector<Place> places_;
  std::array<std::vector<PlaceId>, kPlaceTypeCount> by_type_;
  std::vector<std::array<std::vector<PlaceId>, kPlaceTypeCount>> by_district_type_;
};

}  // namespace oversight
