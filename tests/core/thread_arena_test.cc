#include "core/thread_arena.h"

#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <string>

namespace oversight {
namespace {

TEST(ThreadArenaTest, PositiveRequestIsKept) {
  EXPECT_EQ(EffectiveThreads(1), 1);
  EXPECT_EQ(EffectiveThreads(3), 3);
}

TEST(ThreadArenaTest, ZeroOrNegativeMeansTheDefaultConcurrency) {
  const int machine = tbb::this_task_arena::max_concurrency();
  EXPECT_GE(machine, 1);
  EXPECT_EQ(EffectiveThreads(0), machine);
  EXPECT_EQ(EffectiveThreads(-2), machine);
}

TEST(ThreadArenaTest, RunsInAnArenaOfTheRequestedSize) {
  EXPECT_EQ(RunInArena(2, [] { return tbb::this_task_arena::max_concurrency(); }), 2);
  EXPECT_EQ(RunInArena(1, [] { return tbb::this_task_arena::max_concurrency(); }), 1);
}

TEST(ThreadArenaTest, ReturnsTheResultAndRunsParallelLoops) {
  const std::string result = RunInArena(2, [] {
    std::atomic<int> sum{0};
    tbb::parallel_for(0, 100, [&](int i) { sum += i; });
    return std::to_string(sum.load());
  });
  EXPECT_EQ(result, "4950");
  int ran = 0;
  RunInArena(1, [&] { ++ran; });  // a void f
  EXPECT_EQ(ran, 1);
}

}  // namespace
}  // namespace oversight
