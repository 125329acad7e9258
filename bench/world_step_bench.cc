// Micro-benchmarks of the day step.
//
//   BM_WorldStep/<persons>     the world alone: every person's day (presence, acts)
//   BM_FullDay/<persons>       world + sensors + rules + police + audit, one day (no twin)
//
// items_per_second is person-days per second. Run through bench/run.sh, which builds the
// release preset and prints a table.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include "scenario/loader.h"
#include "sim/simulation.h"

namespace oversight {
namespace {

Scenario DefaultWith(int64_t persons) {
  Scenario s = DefaultScenario();
  s.world.persons = static_cast<uint32_t>(persons);
  return s;
}

void BM_WorldStep(benchmark::State& state) {
  const Scenario scenario = DefaultWith(state.range(0));
  tbb::task_arena arena(static_cast<int>(state.range(1)));
  arena.execute([&] {
    World world(scenario.world, scenario.seed);
    Day day = 0;
    for (auto _ : state) {
      world.Step(day++);
      benchmark::DoNotOptimize(world.day_log().data());
    }
  });
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The full pipeline as the performance targets define it: no twin (a second world with the
// policy off, which the audit adds on top; `oversight run --no-twin`). Each repetition steps
// the same month, days 0 to 29, whatever the thread count: the lists, the rules' state and
// the weekly refits of the learned score grow with the days, so a time-based iteration
// count would compare different work on 1 and 2 threads.
void BM_FullDay(benchmark::State& state) {
  Scenario scenario = DefaultWith(state.range(0));
  scenario.audit.twin = false;
  tbb::task_arena arena(static_cast<int>(state.range(1)));
  arena.execute([&] {
    Simulation simulation(scenario);
    Day day = 0;
    for (auto _ : state) simulation.Step(day++);
  });
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_WorldStep)
    ->ArgNames({"persons", "threads"})
    ->Args({100'000, 1})
    ->Args({100'000, 2})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_FullDay)
    ->ArgNames({"persons", "threads"})
    ->Args({100'000, 1})
    ->Args({100'000, 2})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Iterations(30)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace oversight

BENCHMARK_MAIN();
