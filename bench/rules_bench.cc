// Benchmark of the policy stage alone: the default scenario's whole article rule set over
// the observation stream of a large city.
//
//   BM_Rules/<persons>/<threads>  14 days of observations and records, made once by the
//                                 world and the sensors, fed to a fresh RuleEngine
//
// items_per_second is observations + records per second. Counters: state_MiB (rule state
// carried across days after the 14th day) and max_B_per_watched (the largest rule's state
// per person it watches). Per-rule state is printed to stderr once.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <tbb/task_arena.h>

#include <memory>

#include "policy/rule_engine.h"
#include "scenario/loader.h"
#include "sense/sensors.h"
#include "world/world.h"

namespace oversight {
namespace {

constexpr Day kDays = 14;

struct Stream {
  Scenario scenario;
  std::unique_ptr<World> world;
  std::vector<std::vector<Observation>> observations;
  std::vector<BlockRecords> records;  // each day's, gathered into one block
  size_t items = 0;
};

// The recorded stream of `persons` for kDays days (built once per size).
const Stream& StreamOf(int64_t persons) {
  static std::map<int64_t, std::unique_ptr<Stream>> cache;
  std::unique_ptr<Stream>& stream = cache[persons];
  if (stream != nullptr) return *stream;
  stream = std::make_unique<Stream>();
  stream->scenario = DefaultScenario();
  stream->scenario.world.persons = static_cast<uint32_t>(persons);
  stream->scenario.sense.record_locations = true;
  stream->world = std::make_unique<World>(stream->scenario.world, stream->scenario.seed);
  Sensors sensors(stream->scenario.sense, *stream->world, stream->scenario.seed);
  for (Day day = 0; day < kDays; ++day) {
    stream->world->Step(day);
    stream->observations.push_back(sensors.Observe(*stream->world));
    const DayRecords& today = sensors.records();
    BlockRecords& kept = stream->records.emplace_back();
    auto gather = [](const auto& range, auto* into) { into->assign(range.begin(), range.end()); };
    gather(today.calls, &kept.calls);
    gather(today.dark, &kept.dark);
    gather(today.payments, &kept.payments);
    gather(today.check_ins, &kept.check_ins);
    gather(today.plates, &kept.plates);
    gather(today.meters, &kept.meters);
    gather(today.locations, &kept.locations);
    stream->items += stream->observations.back().size() + today.size();
  }
  return *stream;
}

void BM_Rules(benchmark::State& state) {
  const Stream& stream = StreamOf(state.range(0));
  const Scenario& scenario = stream.scenario;
  tbb::task_arena arena(static_cast<int>(state.range(1)));
  std::unique_ptr<RuleEngine> engine;
  for (auto _ : state) {
    state.PauseTiming();
    engine = std::make_unique<RuleEngine>(scenario.policy, stream.world->records(),
                                          scenario.world.calendar, scenario.seed);
    state.ResumeTiming();
    arena.execute([&] {
      for (Day day = 0; day < kDays; ++day) {
        benchmark::DoNotOptimize(
            engine
                ->Evaluate(day, stream.observations[static_cast<size_t>(day)],
                           DayRecords(stream.records[static_cast<size_t>(day)]))
                .data());
      }
    });
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(stream.items));
  size_t bytes = 0;
  double max_per_watched = 0;
  const std::vector<RuleOptions>& rules = scenario.policy.rules;
  static bool printed = false;
  for (size_t r = 0; r < rules.size(); ++r) {
    const RuleId id(static_cast<uint32_t>(r));
    const size_t watched = rules[r].who == kEveryone ? scenario.world.persons
                                                     : engine->watchlists().sizes()[rules[r].who];
    const double per =
        watched > 0 ? static_cast<double>(engine->StateBytes(id)) / static_cast<double>(watched)
                    : 0;
    bytes += engine->StateBytes(id);
    max_per_watched = std::max(max_per_watched, per);
    if (!printed) {
      fmt::print(stderr, "  {:<24} {:>10} keys {:>12} bytes {:>8.1f} B per watched person ({})\n",
                 rules[r].id, engine->StateKeys(id), engine->StateBytes(id), per, watched);
    }
  }
  printed = true;
  state.counters["state_MiB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["max_B_per_watched"] = max_per_watched;
}

BENCHMARK(BM_Rules)
    ->ArgNames({"persons", "threads"})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace oversight

BENCHMARK_MAIN();
