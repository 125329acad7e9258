// Records the authorities can obtain besides camera sightings and ticket checks: phone
// carriers' call records, dark phones and phone locations, electronic payments, hotel
// registrations, plate reads at road checkpoints and household utility meters.
//
// Like observations, records name the person the records *say* (a vehicle's registered
// owner, a number's registered subscriber), never the truth. Each vector is in a fixed,
// deterministic order (person or household order), independent of the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"

namespace oversight {

struct CallRecord {
  Minute time = 0;
  PersonId caller;  // the registered subscriber of `from`
  uint32_t from = 0;
  uint32_t to = 0;  // a PhoneNumber (world/phone_number.h): a resident's or out-of-town
};

// A phone that stopped reaching the network.
struct DarkRecord {
  Minute since = 0;
  PersonId person;
};

struct PaymentRecord {
  Minute time = 0;
  PersonId person;
  PlaceId place;
  float amount = 0;  // yuan
};

// A guest registered with their ID when checking into a hotel for the night.
struct CheckInRecord {
  Minute time = 0;
  PersonId person;
  PlaceId hotel;
};

// A vehicle's plate read at a road checkpoint.
struct PlateRecord {
  Minute time = 0;
  uint32_t vehicle = 0;  // the plate read (a misread names another vehicle)
  PersonId owner;        // its registered owner; invalid for a hired car
};

// A phone located at a place over a stay [enter, leave) (cell and Wi-Fi positioning): only
// stays the phone was on throughout. Unlike a camera, it knows when the person left.
struct LocationRecord {
  PersonId person;  // the phone's registered subscriber
  PlaceId place;
  Minute enter = 0;
  Minute leave = 0;
};

// A household's meters over one day, with the residents the register lists.
struct MeterRecord {
  HouseholdId household;
  uint8_t registered = 0;  // residents on the register
  float water_l = 0;
  float power_kwh = 0;
};

struct DayRecords {
  std::vector<CallRecord> calls;
  std::vector<DarkRecord> dark;
  std::vector<PaymentRecord> payments;
  std::vector<CheckInRecord> check_ins;
  std::vector<PlateRecord> plates;
  std::vector<MeterRecord> meters;
  std::vector<LocationRecord> locations;  // person order, then time

  size_t size() const {
    return calls.size() + dark.size() + payments.size() + check_ins.size() + plates.size() +
           meters.size() + locations.size();
  }
  void Clear() {
    calls.clear();
    dark.clear();
    payments.clear();
    check_ins.clear();
    plates.clear();
    meters.clear();
    locations.clear();
  }
  // Appends `other`'s records after this one's.
  void Append(const DayRecords& other);
};

inline void DayRecords::Append(const DayRecords& other) {
  calls.insert(calls.end(), other.calls.begin(), other.calls.end());
  dark.insert(dark.end(), other.dark.begin(), other.dark.end());
  payments.insert(payments.end(), other.payments.begin(), other.payments.end());
  check_ins.insert(check_ins.end(), other.check_ins.begin(), other.check_ins.end());
  plates.insert(plates.end(), other.plates.begin(), other.plates.end());
  meters.insert(meters.end(), other.meters.begin(), other.meters.end());
  locations.insert(locations.end(), other.locations.begin(), other.locations.end());
}

}  // namespace oversight
