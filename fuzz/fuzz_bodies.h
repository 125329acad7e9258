// What the fuzz targets do with an input, shared by the libFuzzer targets (`make fuzz`) and
// by the replay test of the suite (tests/fuzz/fuzz_replay_test.cc), which runs the seed
// corpus, every input kept in fuzz/regressions/ and deterministic mutants of them.
//
// Each returns normally for every input (whether it was accepted); a crash, an uncaught
// exception, a sanitizer report or a hang is a bug. Thread-safety: a call per thread.
#pragma once

#include <cstddef>
#include <cstdint>

namespace oversight {

// The scenario loader: parse and check the input as a whole scenario file.
bool FuzzScenarioLoader(const uint8_t* data, size_t size);  // true: it loaded

// The rule compiler: the input is appended to a small city (200 persons of the default
// city, 2 days) as its apparatus ([[lists]], [[rules]], [[scores]], [police], ...); when it
// loads, the rules are compiled and run over the city's days.
bool FuzzRuleCompiler(const uint8_t* data, size_t size);  // true: it loaded and ran

}  // namespace oversight
