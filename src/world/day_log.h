// What truly happened on one day: the world's events, before anyone observes them.
//
// Only the world, the sense stage (which turns some of it into observations) and the
// audit read a DayLog; the policy and respond stages never see it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/sim_time.h"
#include "core/vocabulary.h"

namespace oversight {

// A person at a place over [enter, leave).
struct Presence {
  PersonId person;
  PlaceId place;
  Minute enter = 0;
  Minute leave = 0;
};

// A phone call from one of `person`'s phones.
struct Call {
  PersonId person;  // the caller
  Minute time = 0;
  uint32_t from = 0;    // PhoneNumber of the caller's phone
  uint32_t to = 0;      // PhoneNumber called (a resident's or out-of-town)
  bool burner = false;  // made from an unregistered phone while the person's own was off
};

// A person's phones switched off over [from, to).
struct PhoneDark {
  PersonId person;
  Minute from = 0;
  Minute to = 0;
};

// A train ticket, bought at a station, to the capital or elsewhere out of town.
struct Ticket {
  PersonId person;
  PlaceId station;
  Minute time = 0;
  PlaceId destination;
  bool cash = false;   // paid in cash (no electronic record)
  bool decoy = false;  // bought to mislead, never used (truth)
};

// A purchase where the person is at the time.
struct Purchase {
  PersonId person;
  Minute time = 0;
  PlaceId place;
  float amount = 0;   // yuan
  bool cash = false;  // paid in cash (no electronic record)
};

// Vehicle ids from this value up are hired cars (with a driver), not a household's own.
inline constexpr uint32_t kHiredVehicleBase = 0x80000000u;

// A drive in a vehicle from one place to another.
struct Drive {
  PersonId person;  // who travels (the driver, or the passenger of a hired car)
  uint32_t vehicle = 0;
  Minute depart = 0;
  PlaceId from, to;
  bool avoids_checkpoints = false;  // takes back roads to stay off checkpoints (evasion)
};

// A household's water and electricity use over one day, as its meters count it.
struct MeterReading {
  HouseholdId household;
  float water_l = 0;
  float power_kwh = 0;
};

enum class ActKind : uint8_t {
  kPetitionTrip,  // lawful: travelling to the capital to petition
  kGathering,     // lawful: a peaceful gathering of a grievance group in a park
  kHarmful,       // harmful: the act a hidden intent leads to (see Act::intent)
};

inline bool Lawful(ActKind kind) { return kind != ActKind::kHarmful; }

// An act a person sets out to do. `time` is when it happens; a police visit before then
// stops it. `stopped_by` is an opaque cause tag set by World::Apply or World::StopActs
// (the rule index of the alert behind the visit); kNotStopped while it goes ahead.
struct Act {
  static constexpr uint32_t kNotStopped = UINT32_MAX;

  PersonId person;
  ActKind kind = ActKind::kHarmful;
  PlaceId place;
  Minute time = 0;
  uint32_t stopped_by = kNotStopped;
  Intent intent = Intent::kPickpocket;  // for harmful acts: which intent

  bool stopped() const { return stopped_by != kNotStopped; }
};

// One block of persons' day. Presences are ordered by person, then time; calls by person,
// then time; tickets and acts by person.
struct DayLog {
  std::vector<Presence> presences;
  std::vector<Call> calls;
  std::vector<PhoneDark> dark;
  std::vector<Purchase> purchases;
  std::vector<Drive> drives;
  std::vector<Ticket> tickets;
  std::vector<Act> acts;

  void Clear() {
    presences.clear();
    calls.clear();
    dark.clear();
    purchases.clear();
    drives.clear();
    tickets.clear();
    acts.clear();
  }
};

}  // namespace oversight
