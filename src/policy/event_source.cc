#include "policy/event_source.h"

#include <algorithm>

#include "world/phone_number.h"
#include "world/spatial_grid.h"

namespace oversight {

EventSource::EventSource(const RuleOptions& rule, const RuleContext& context)
    : rule_(rule), context_(context) {
  const City& city = context.city;
  const WhereOptions& where = rule.where;
  place_matches_.assign(city.place_count(), 1);
  if (where.at != 0) {
    for (size_t p = 0; p < city.place_count(); ++p) {
      const auto type = static_cast<unsigned>(city.places()[p].type);
      if ((where.at >> type & 1u) == 0) place_matches_[p] = 0;
    }
  }
  if (where.near != 0) {
    std::vector<uint8_t> near(city.place_count(), 0);
    for (size_t t = 0; t < kPlaceTypeCount; ++t) {
      if ((where.near >> t & 1u) == 0) continue;
      const SpatialGrid grid(city, static_cast<PlaceType>(t), std::max(where.near_m, 1.0));
      for (size_t p = 0; p < city.place_count(); ++p) {
        const Place& place = city.places()[p];
        if (near[p] == 0 && grid.AnyWithin(place.x, place.y, where.near_m)) near[p] = 1;
      }
    }
    for (size_t p = 0; p < city.place_count(); ++p) place_matches_[p] &= near[p];
  }
  if (where.away_from_home) {
    homes_.resize(context.records.person_count());
    for (size_t p = 0; p < homes_.size(); ++p) {
      const PlaceId home = context.records.home(PersonId(static_cast<uint32_t>(p)));
      homes_[p] = {home, city.place(home).parent};
    }
  }
}

bool EventSource::ActiveOn(DayKind kind) const {
  switch (rule_.when.days) {
    case DayFilter::kAny:
      return true;
    case DayFilter::kWorkdays:
      return kind == DayKind::kWorkday;
    case DayFilter::kWeekends:
      return kind == DayKind::kWeekend;
    case DayFilter::kHolidays:
      return kind == DayKind::kHoliday;
  }
  return true;
}

bool EventSource::Matches(const Event& e, bool placed, bool personal) const {
  const WhereOptions& where = rule_.where;
  if (!rule_.when.AllDay() && !rule_.when.Contains(MinuteOfDay(e.time) / kMinutesPerHour)) {
    return false;
  }
  if (where.out_of_town &&
      !IsOutOfTown(e.counterpart, static_cast<uint32_t>(context_.records.person_count()))) {
    return false;
  }
  if (where.away_from_home && placed && personal) {
    const auto [home, compound] = homes_[e.person.index()];
    if (e.place == home || e.place == compound) return false;
  }
  return true;
}

}  // namespace oversight
