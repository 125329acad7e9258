// Design: each phase of Step() is timed into the Profile (STYLE: "Step(day) reads as
// commented phases"). Parallelism lives inside the stages, over fixed partitions (blocks of
// persons, minutes, rules, a rule's shards), so results never depend on the threads;
// respond and audit run on the calling thread over the day's merged, sorted streams.
#include "sim/simulation.h"

#include <tbb/global_control.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cassert>
#include <cmath>

#include "core/limits.h"
#include "core/snapshot.h"
#include "core/thread_arena.h"
#include "core/version.h"

namespace oversight {

Simulation::Simulation(const Scenario& scenario) : scenario_(scenario) {
  ScopedPhase timer(&profile_, Phase::kBuild);
  // A validated scenario: the loader keeps the run and the city within the limits the
  // stages' packed types rely on (core/limits.h).
  assert(scenario_.days >= 1 && scenario_.days <= kMaxDays);
  assert(scenario_.world.persons >= 1 && scenario_.world.persons <= kMaxPersons);
  // Phone locations are the largest record stream: produce them only for rules that read
  // them.
  for (const RuleOptions& rule : scenario_.policy.rules) {
    if (rule.what == Evidence::kLocation) scenario_.sense.record_locations = true;
  }
  world_ = std::make_unique<World>(scenario_.world, scenario_.seed);
  if (scenario_.audit.twin) twin_ = std::make_unique<World>(scenario_.world, scenario_.seed);
  sensors_ = std::make_unique<Sensors>(scenario_.sense, *world_, scenario_.seed);
  sensors_->KeepUnreadRecords(false);  // until an observer asks (SetObserver)
  rules_ = std::make_unique<RuleEngine>(scenario_.policy, world_->records(),
                                        scenario_.world.calendar, scenario_.seed);
  police_ = std::make_unique<Police>(scenario_.respond, RuleResponses(scenario_.policy));
  patrols_ = std::make_unique<Patrols>(scenario_.respond.patrols, world_->city().district_count());
  auditor_ = std::make_unique<Auditor>(scenario_, *world_, rules_->watchlists());
#if defined(__GLIBC__)
  // The build's scratch (ties drawn per block of persons on the worker threads) is free
  // by now: hand it back rather than leave it in those threads' malloc arenas, where the
  // run's own state would not reuse it (docs/PERFORMANCE.md has its share of the peak).
  malloc_trim(0);
#endif
}

void Simulation::Step(Day day) {
  assert(day >= 0 && day < scenario_.days);  // REQUIRES: days stepped 0, 1, 2, ...
  // Phase 1: people live their day (the truth), and the sensors see part of it, with
  // errors; so do today's patrols, sent where the system's alerts pointed. Each block of
  // persons is observed as soon as it has lived the day, while its events are in cache;
  // the world then keeps only the acts (for the police and the audit).
  {
    ScopedPhase timer(&profile_, Phase::kWorld);
    if (scenario_.respond.patrols.units > 0) SendPatrols(day);
    sensors_->BeginDay(*world_);
    world_->Step(
        day,
        [this](size_t block, const DayLog& log) { sensors_->ObserveBlock(*world_, block, log); },
        World::Keep::kActsOnly);
  }
  // Phase 2: the day's observations and records, merged and put in order.
  const std::vector<Observation>* observations = nullptr;
  {
    ScopedPhase timer(&profile_, Phase::kSense);
    observations = &sensors_->FinishDay(*world_);
    const DayRecords& records = sensors_->records();
    for (const Observation& o : *observations) {
      ++observations_by_kind_[Index(StreamOf(o.kind))];
    }
    records.AddCounts(&observations_by_kind_);
  }
  // Phase 3: the rules turn observations into alerts.
  const std::vector<Alert>* alerts = nullptr;
  {
    ScopedPhase timer(&profile_, Phase::kPolicy);
    alerts = &rules_->Evaluate(day, *observations, sensors_->records());
    if (scenario_.respond.patrols.units > 0) {
      patrols_->Record(
          day, AlertsByDistrict(*alerts, world_->records(), world_->city().district_count()));
    }
  }
  // Phase 4: the police answer what they can; their interventions stop acts in the world.
  const ResponseDay* response = nullptr;
  {
    ScopedPhase timer(&profile_, Phase::kRespond);
    response = &police_->Respond(day, *alerts, world_.get());
    ApplySilentResponses(*response);
  }
  // Phase 5: the audit compares everything with the truth.
  {
    ScopedPhase timer(&profile_, Phase::kAudit);
    auditor_->RecordDay(day, *world_, observations->size() + sensors_->records().size(), *alerts,
                        rules_->suppressed(), *response);
    auditor_->RecordPatrols(patrols_->units());
  }
  // Phase 6: the twin lives the same day with no police (common random numbers).
  if (twin_ != nullptr) {
    ScopedPhase timer(&profile_, Phase::kTwin);
    twin_->Step(day, {}, World::Keep::kActsOnly);
    auditor_->RecordTwinDay(*twin_);
  }
  if (observer_) {
    observer_(DayView{day, *observations, sensors_->records(), *alerts, rules_->suppressed(),
                      rules_->score_changes(), *response, rules_->watchlists()});
  }
}

// Today's patrols, allocated from the system's own alerts, become the sensors' chance of a
// sighting in each district during the patrol hours.
void Simulation::SendPatrols(Day day) {
  const PatrolOptions& p = scenario_.respond.patrols;
  std::vector<double> chance;
  for (uint16_t units : patrols_->Allocate(day)) {
    chance.push_back(1.0 - std::pow(1.0 - p.sighting_rate, units));
  }
  sensors_->SetPatrols(std::move(chance), p.from_hour * kMinutesPerHour,
                       p.to_hour * kMinutesPerHour);
}

// The silent responses, and what visits leave behind: cameras at homes, names on lists.
void Simulation::ApplySilentResponses(const ResponseDay& response) {
  const RespondOptions& respond = scenario_.respond;
  for (const Intervention& taken : response.interventions) {
    const bool visit = taken.kind == Response::kVisit;
    if (taken.kind == Response::kCamera || (visit && respond.camera_after_visit)) {
      sensors_->AddCamera(world_->city(), world_->records().home(taken.person));
    }
    if (taken.kind == Response::kList) {
      rules_->AddToList(ListId(static_cast<uint32_t>(taken.list)), taken.person);
    }
    if (visit && respond.list_after_visit >= 0) {
      rules_->AddToList(ListId(static_cast<uint32_t>(respond.list_after_visit)), taken.person);
    }
  }
}

void Simulation::SetObserver(std::function<void(const DayView&)> observer) {
  observer_ = std::move(observer);
  sensors_->KeepUnreadRecords(observer_ != nullptr);
}

Profile Simulation::profile() const {
  Profile profile = profile_;
  std::vector<Profile::RuleCost> rules;
  for (size_t r = 0; r < scenario_.policy.rules.size(); ++r) {
    const RuleId id(static_cast<uint32_t>(r));
    rules.push_back({scenario_.policy.rules[r].id, rules_->Seconds(id), rules_->StateBytes(id),
                     rules_->StateKeys(id)});
  }
  std::stable_sort(rules.begin(), rules.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  profile.SetRules(std::move(rules));
  return profile;
}

RunFacts Simulation::facts() const {
  RunFacts facts;
  facts.version = kVersion;
  facts.households = world_->population().household_count();
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    facts.places_by_type[t] = world_->city().PlacesOfType(static_cast<PlaceType>(t)).size();
    facts.cameras_by_type[t] = sensors_->cameras_by_type()[t];
  }
  const Watchlists& lists = rules_->watchlists();
  for (size_t l = 0; l < lists.sizes().size(); ++l) {
    facts.list_sizes.push_back(lists.initial_sizes()[l]);
    facts.list_sizes_final.push_back(lists.sizes()[l]);
    facts.list_added.push_back(lists.added()[l]);
    facts.list_removed.push_back(lists.removed()[l]);
  }
  facts.red_listed = lists.exempt_count();
  const City& city = world_->city();
  for (const District& d : city.districts()) {
    facts.districts.push_back(
        DistrictFacts{.name = d.name, .x0 = d.x0, .y0 = d.y0, .size = d.size});
  }
  for (size_t p = 0; p < city.place_count(); ++p) {
    const Place& place = city.place(PlaceId(static_cast<uint32_t>(p)));
    if (place.district.valid() && sensors_->has_camera(PlaceId(static_cast<uint32_t>(p)))) {
      ++facts.districts[place.district.index()].cameras;
    }
  }
  facts.cameras_added = sensors_->cameras_added();
  facts.observations_by_kind = observations_by_kind_;
  for (uint64_t n : observations_by_kind_) facts.observations += n;
  return facts;
}

void Simulation::Save(SnapshotWriter& out) const {
  world_->Save(out);
  if (twin_ != nullptr) twin_->Save(out);
  sensors_->Save(out);
  rules_->Save(out);
  police_->Save(out);
  patrols_->Save(out);
  auditor_->Save(out);
  out(observations_by_kind_);
}

void Simulation::Load(SnapshotReader& in) {
  world_->Load(in);
  if (twin_ != nullptr) twin_->Load(in);
  sensors_->Load(in);
  rules_->Load(in);
  police_->Load(in);
  patrols_->Load(in);
  auditor_->Load(in);
  in(observations_by_kind_);
}

absl::StatusOr<RunOutput> RunScenario(const Scenario& scenario, const RunOptions& options) {
  absl::StatusOr<RunOutput> result;
  RunInArena(options.threads, [&] {
    Simulation simulation(scenario);
    if (options.observer) simulation.SetObserver(options.observer);
    Day first = 0;
    if (options.restore) {
      absl::StatusOr<Day> restored = options.restore(&simulation);
      if (!restored.ok()) {
        result = restored.status();
        return;
      }
      first = *restored + 1;
      if (options.progress) options.progress(first, scenario.days);
    }
    if (options.started) {
      absl::Status started = options.started(simulation);
      if (!started.ok()) {
        result = started;
        return;
      }
    }
    Day saved = first - 1;  // the last day a checkpoint holds
    auto checkpoint = [&](Day day) {
      if (!options.checkpoint || day == saved || day < 0) return absl::OkStatus();
      saved = day;
      return options.checkpoint(simulation, day);
    };
    for (Day day = first; day < scenario.days; ++day) {
      if (options.cancel != nullptr && options.cancel->load()) {
        absl::Status written = checkpoint(day - 1);
        result = written.ok() ? absl::CancelledError("the run was interrupted") : written;
        return;
      }
      simulation.Step(day);
      if (options.progress) options.progress(day + 1, scenario.days);
      if (options.checkpoint_every > 0 && (day + 1) % options.checkpoint_every == 0 &&
          day + 1 < scenario.days) {
        absl::Status written = checkpoint(day);
        if (!written.ok()) {
          result = written;
          return;
        }
      }
    }
    result = RunOutput{simulation.audit(), simulation.facts(), simulation.profile()};
  });
  return result;
}

}  // namespace oversight
