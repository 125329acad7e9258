// The together operator ("with whom"): a person on `who` arrives at a place where at least
// `with.at_least` other persons on `with.who` arrived within `with.within_minutes`.
//
// Keyed by place (or by cluster: places of `where.at` linked by chains of links no longer
// than `where.nearby_m` count as one, "the same or nearby hotels"). Per key, a sliding
// window over the day's arrivals in time order, with a count per person in the window, so
// each arrival costs O(1) amortised until the condition holds. When an arrival makes it
// hold, every `who` person in the window for whom it holds is alerted at that arrival; at
// most one alert per person per key per rule per day. Windows do not reach across
// midnight (hotel registrations, all in the evening, are "the same night").
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "policy/compiled_rule.h"
#include "policy/event_source.h"
#include "scenario/operator_registry.h"
#include "scenario/rule_words.h"
#include "world/spatial_grid.h"

namespace oversight {

namespace {

// The together operator's parameters (with).
struct TogetherParams {
  uint32_t who = kEveryone;      // the list the others must be on
  int32_t at_least = 1;          // other persons
  int32_t within_minutes = 120;  // arrivals this close count as together
};

class TogetherRule final : public CompiledRule {
 public:
  TogetherRule(const RuleOptions& rule, const RuleContext& context)
      : rule_(rule),
        params_(rule.Params<TogetherParams>()),
        context_(context),
        source_(rule, context) {
    BuildClusters();
  }

  void Evaluate(const RuleDay& day, AlertSink* sink) override {
    events_.clear();
    source_.Collect(
        day, rule_.what, rule_.where.to,
        [&](PersonId p) {
          return context_.Watched(rule_.who, p) || context_.Watched(params_.who, p);
        },
        &events_);
    for (Event& e : events_) e.counterpart = cluster_[e.place.index()];
    std::sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
      if (a.counterpart != b.counterpart) return a.counterpart < b.counterpart;
      return EventBefore(a, b);
    });
    const int32_t window = params_.within_minutes;
    for (size_t start = 0; start < events_.size();) {
      size_t end = start;
      while (end < events_.size() && events_[end].counterpart == events_[start].counterpart) ++end;
      in_window_.clear();
      alerted_.clear();
      with_count_ = 0;
      size_t begin = start;
      for (size_t j = start; j < end; ++j) {
        const Event& arrival = events_[j];
        // Arrivals in (t - window, t] count.
        while (events_[begin].time <= arrival.time - window) Leave(events_[begin++].person);
        Enter(arrival.person);
        if (with_count_ < params_.at_least) continue;  // nobody can have enough company
        for (size_t k = begin; k <= j; ++k) {
          const PersonId p = events_[k].person;
          if (!context_.Watched(rule_.who, p)) continue;
          const int32_t others = with_count_ - (context_.Watched(params_.who, p) ? 1 : 0);
          if (others >= params_.at_least && alerted_.insert(p).second) {
            sink->Emit(arrival.time, p);
          }
        }
      }
      start = end;
    }
  }

 private:
  void Enter(PersonId p) {
    if (++in_window_[p] == 1 && context_.Watched(params_.who, p)) ++with_count_;
  }
  void Leave(PersonId p) {
    auto it = in_window_.find(p);
    if (--it->second > 0) return;
    in_window_.erase(it);
    if (context_.Watched(params_.who, p)) --with_count_;
  }

  // cluster_[p]: the key place p counts as (itself, or its cluster's smallest place id).
  void BuildClusters() {
    const City& city = context_.city;
    cluster_.resize(city.place_count());
    std::iota(cluster_.begin(), cluster_.end(), 0u);
    const double radius = rule_.where.nearby_m;
    if (radius <= 0) return;
    auto find = [&](uint32_t p) {
      while (cluster_[p] != p) p = cluster_[p] = cluster_[cluster_[p]];
      return p;
    };
    std::vector<std::unique_ptr<SpatialGrid>> grids;
    for (size_t t = 0; t < kPlaceTypeCount; ++t) {
      if ((rule_.where.at >> t & 1u) == 0) continue;
      grids.push_back(std::make_unique<SpatialGrid>(city, static_cast<PlaceType>(t), radius));
    }
    for (size_t t = 0; t < kPlaceTypeCount; ++t) {
      if ((rule_.where.at >> t & 1u) == 0) continue;
      for (PlaceId id : city.PlacesOfType(static_cast<PlaceType>(t))) {
        const Place& place = city.place(id);
        for (const auto& grid : grids) {
          grid->ForEachWithin(place.x, place.y, radius, [&](PlaceId other) {
            const uint32_t a = find(id.value);
            const uint32_t b = find(other.value);
            if (a != b) cluster_[std::max(a, b)] = std::min(a, b);  // the smaller id is the root
          });
        }
      }
    }
    for (uint32_t p = 0; p < cluster_.size(); ++p) cluster_[p] = find(p);
  }

  const RuleOptions& rule_;
  const TogetherParams& params_;
  const RuleContext& context_;
  EventSource source_;
  std::vector<uint32_t> cluster_;  // per place
  std::vector<Event> events_;
  absl::flat_hash_map<PersonId, int32_t> in_window_;  // person -> arrivals in the window
  int32_t with_count_ = 0;                            // distinct `with` persons in the window
  absl::flat_hash_set<PersonId> alerted_;
};

std::unique_ptr<CompiledRule> Compile(const RuleOptions& rule, const RuleContext& context) {
  return std::make_unique<TogetherRule>(rule, context);
}

std::any Read(RuleReadContext& ctx) {
  const SlotValues& slots = ctx.slots();
  ctx.RequireWhat({Evidence::kSighting, Evidence::kCheckIn, Evidence::kLocation},
                  "'with' (others together at a place)");
  TogetherParams p;
  p.who = slots.Who(Slot::kWithWho, p.who);
  p.at_least = slots.Int(Slot::kWithAtLeast, p.at_least);
  // Hotel registrations are all in the evening: by default "together" means the same night.
  const int32_t fallback = ctx.what() == Evidence::kCheckIn ? kMinutesPerDay : p.within_minutes;
  p.within_minutes = slots.Int(Slot::kWithWithinMinutes, fallback);
  return p;
}

std::string Describe(const RuleOptions& rule, const std::vector<ListOptions>& lists) {
  const TogetherParams& p = rule.Params<TogetherParams>();
  const double nearby_m = rule.where.nearby_m;
  return fmt::format(", with at least {} other{} of {} arriving within {}{}", p.at_least,
                     p.at_least == 1 ? "" : "s", ListName(p.who, lists),
                     MinutesWords(p.within_minutes),
                     nearby_m > 0 ? fmt::format(" at places within {:g} m", nearby_m)
                                  : std::string(" at the same place"));
}

void Export(const RuleOptions& rule, TraceRuleSlots* out) {
  const TogetherParams& p = rule.Params<TogetherParams>();
  out->with_present = true;
  out->with_who = p.who;
  out->with_at_least = p.at_least;
  out->with_within_minutes = p.within_minutes;
}

const OperatorRegistrar kTogether({
    .name = "together",
    .precedence = 50,
    .accepts = kEventSlots | SlotSet{Slot::kWhereNearbyM, Slot::kWithAtLeast,
                                     Slot::kWithWithinMinutes, Slot::kWithWho},
    .evidence = {Evidence::kSighting, Evidence::kCheckIn, Evidence::kLocation},
    .selects = [](const RuleShape& shape) { return shape.with_table; },
    .read = Read,
    .describe = Describe,
    .export_slots = Export,
    .compile = Compile,
});

}  // namespace

}  // namespace oversight
