// Options of the sense stage: what the authorities can observe and how well.
#pragma once

#include <array>
#include <vector>

#include "core/vocabulary.h"

namespace oversight {

inline std::array<double, kPlaceTypeCount> DefaultCameraShare() {
  std::array<double, kPlaceTypeCount> share{};
  auto set = [&](PlaceType t, double v) { share[static_cast<size_t>(t)] = v; };
  set(PlaceType::kResidentialCompound, 0.50);
  set(PlaceType::kWorkplace, 0.10);
  set(PlaceType::kSchool, 0.60);
  set(PlaceType::kHotel, 0.80);
  set(PlaceType::kPark, 0.50);
  set(PlaceType::kTrainStation, 1.0);
  set(PlaceType::kBar, 0.30);
  set(PlaceType::kLanguageSchool, 0.30);
  set(PlaceType::kHospital, 0.50);
  set(PlaceType::kPetitionOffice, 1.0);
  return share;
}

inline std::array<double, kPlaceTypeCount> NoCamerasNear() {
  std::array<double, kPlaceTypeCount> near{};
  near.fill(-1.0);
  return near;
}

struct SenseOptions {
  // Share of places of each type that carry a camera, before district multipliers.
  std::array<double, kPlaceTypeCount> camera_share = DefaultCameraShare();
  // Extra cameras by policy: on every place (other than homes) within this many metres of a
  // place of each type (negative: none), and outside the home of everyone with any of
  // these traits on file.
  std::array<double, kPlaceTypeCount> camera_near_m = NoCamerasNear();
  TraitBits camera_homes_of = 0;
  // Multiplier on camera_share per district, indexed like WorldOptions::districts
  // (empty = all 1). The product is capped at 1.
  std::vector<double> district_camera_multiplier;
  // Per group, indexed like WorldOptions::groups: probability that a person present at a
  // camera place is recognised (a sighting is recorded under their identity).
  std::vector<double> hit_rate;
  // Per group: probability that a person present at a camera place is recorded as
  // somebody else (a false match attributes the sighting to a random other resident).
  std::vector<double> false_match_rate;
  // Ticket purchases at train stations are registered with the buyer's ID card.
  double ticket_id_check_rate = 1.0;
  // Share of calls from registered phones that reach the authorities' call records
  // (calls on an unregistered phone never do).
  double call_record_rate = 1.0;
  // Share of phones going dark that the carrier reports.
  double dark_record_rate = 1.0;
  // Share of electronic payments visible to the authorities (cash never is).
  double payment_record_rate = 1.0;
  // Share of hotel nights registered with the guest's ID.
  double hotel_registration_rate = 0.95;
  // Per drive: the chance it passes a plate reader at a road checkpoint (a drive on back
  // roads that avoid checkpoints never does), and the chance a read names another vehicle.
  double plate_read_rate = 0.3;
  double plate_misread_rate = 0.01;
  // Share of households whose meters report to the authorities each day.
  double meter_record_rate = 1.0;
  // Share of a phone's stays (while it is on) whose location reaches the authorities.
  double location_record_rate = 1.0;
  // Whether location records are produced at all: set when a rule reads them (they are the
  // largest record stream, one per stay).
  bool record_locations = false;
};

}  // namespace oversight
