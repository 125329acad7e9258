// The number of threads a command runs on, and a TBB task arena of that size to run in.
//
// Every parallel loop of a run (blocks of persons, rules, an experiment's runs) runs inside
// one arena, so `--threads` bounds the whole run. Results never depend on the count: the
// stages partition their work in fixed pieces.
//
// Thread-safety: EffectiveThreads is pure; RunInArena may be called from any thread (the
// calling thread joins the arena while f runs).
#pragma once

#include <tbb/task_arena.h>

#include <utility>

namespace oversight {

// `requested` threads, or as many as the machine offers (TBB's default concurrency) when
// `requested` is 0 or negative.
inline int EffectiveThreads(int requested) {
  return requested > 0 ? requested : tbb::this_task_arena::max_concurrency();
}

// Runs f() in a task arena of EffectiveThreads(requested) threads and returns its result.
template <typename F>
decltype(auto) RunInArena(int requested, F&& f) {
  tbb::task_arena arena(EffectiveThreads(requested));
  return arena.execute(std::forward<F>(f));
}

}  // namespace oversight
