// The "who / what / where / when" of a rule: picks the day's events a rule reads.
//
// An Event is one piece of evidence in a common shape: a sighting, a ticket check, a hotel
// registration, a phone location (with its departure), a dark phone or a call. The place
// conditions (`where.at`, `where.near`) are static, so they are resolved once per place
// at construction; the rest is checked per event. Thread-safety: immutable after
// construction.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "policy/compiled_rule.h"

namespace oversight {

struct Event {
  Minute time = 0;           // arrival, purchase, registration, call or phone going dark
  PersonId person;           // who the evidence names
  PlaceId place;             // where (invalid for calls and dark phones)
  Minute leave = 0;          // phone locations: departure; otherwise == time
  uint32_t counterpart = 0;  // calls: the number called; tickets: kTicketToCapital or
                             // kTicketElsewhere
};

// Events in time order, then person, then place.
inline bool EventBefore(const Event& a, const Event& b) {
  if (a.time != b.time) return a.time < b.time;
  if (a.person != b.person) return a.person < b.person;
  return a.place < b.place;
}

class EventSource {
 public:
  EventSource(const RuleOptions& rule, const RuleContext& context);

  // Whether the rule is active on a day of this kind (`when.days`).
  bool ActiveOn(DayKind kind) const;
  // Whether `place` satisfies `where.at` and `where.near`.
  bool PlaceMatches(PlaceId place) const { return place_matches_[place.index()] != 0; }

  // Appends (`out->push_back(Event)`: a std::vector<Event> or a rule's own compact form) the
  // day's events of kind `what` (to `to`, for tickets) by persons `accept`s, that satisfy the
  // rule's where and when; nothing on days the rule is not active.
  // Observations come in time order; records in person order.
  // `personal` = false skips the conditions about the person's own places
  // (`where.away_from_home`), for the others a `with` clause pairs with.
  template <typename Accept, typename Out>
  void Collect(const RuleDay& day, Evidence what, Destination to, const Accept& accept, Out* out,
               bool personal = true) const;
  // The rule's own evidence (`what`, `where.to`) by persons on `who`.
  template <typename Out>
  void CollectOwn(const RuleDay& day, Out* out) const {
    Collect(
        day, rule_.what, rule_.where.to, [&](PersonId p) { return context_.Watched(rule_.who, p); },
        out);
  }

 private:
  // The rule's `when` and the rest of its `where` (the place test is Collect's).
  bool Matches(const Event& e, bool placed, bool personal) const;

  const RuleOptions& rule_;
  const RuleContext& context_;
  std::vector<uint8_t> place_matches_;  // per place
  // With where.away_from_home, per person: the registered home and its compound (one load
  // instead of three dependent ones, for a test made on every sighting at a gate).
  std::vector<std::pair<PlaceId, PlaceId>> homes_;
};

template <typename Accept, typename Out>
void EventSource::Collect(const RuleDay& day, Evidence what, Destination to, const Accept& accept,
                          Out* out, bool personal) const {
  if (!ActiveOn(day.kind)) return;
  auto add = [&](const Event& e, bool placed) {
    // The cheap tests first: who (records come in person order, so the lists are read in
    // order), then the place, inline; Matches has the rest.
    if (!accept(e.person)) return;
    if (placed && place_matches_[e.place.index()] == 0) return;
    if (Matches(e, placed, personal)) out->push_back(e);
  };
  const DayRecords& records = day.records;
  switch (what) {
    case Evidence::kSighting:
      // Observations come in time order, so their persons are at random: the place (a byte
      // per place, mostly in cache) is the cheaper first test than the lists (per person).
      for (const Observation& o : day.observations) {
        if (o.kind != ObservationKind::kSighting || place_matches_[o.place.index()] == 0) continue;
        const Event e{o.time, o.person, o.place, o.time};
        if (accept(e.person) && Matches(e, true, personal)) out->push_back(e);
      }
      break;
    case Evidence::kTicket:
      for (const Observation& o : day.observations) {
        if (o.kind != ObservationKind::kTicket) continue;
        const bool capital = o.detail == kTicketToCapital;
        if ((to == Destination::kCapital && !capital) ||
            (to == Destination::kElsewhere && capital)) {
          continue;
        }
        add(Event{o.time, o.person, o.place, o.time, o.detail}, false);
      }
      break;
    case Evidence::kCheckIn:
      records.check_ins.ForEach([&](const CheckInRecord& c) {
        add(Event{c.time, c.person, c.hotel, c.time}, true);
      });
      break;
    case Evidence::kCall:
      records.calls.ForEach([&](const CallRecord& c) {
        add(Event{c.time, c.caller, PlaceId(), c.time, c.to}, false);
      });
      break;
    case Evidence::kPhoneDark:
      records.dark.ForEach([&](const DarkRecord& d) {
        add(Event{d.since, d.person, PlaceId(), d.since}, false);
      });
      break;
    case Evidence::kLocation:
      records.locations.ForEach([&](const LocationRecord& l) {
        add(Event{l.enter, l.person, l.place, l.leave}, true);
      });
      break;
    case Evidence::kMeter:
      break;  // households, not persons: the norm operator reads meters itself
  }
}

}  // namespace oversight
