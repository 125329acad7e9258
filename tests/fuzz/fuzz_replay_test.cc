// The fuzz targets' bodies (fuzz/fuzz_bodies.h) in the test suite, with any compiler: every
// seed of the corpus, every input kept in fuzz/regressions/ (a crash once found, now fixed)
// and deterministic mutants of the seeds. `make fuzz` explores further with libFuzzer; this
// keeps what it found from coming back. A crash or a sanitizer report fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_bodies.h"

namespace oversight {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> Files(const fs::path& dir, const std::string& extension = "") {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && (extension.empty() || entry.path().extension() == extension)) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const fs::path kSource(OVERSIGHT_SOURCE_DIR);

// The seed corpus of the loader: every shipped scenario and end-to-end case.
std::vector<std::string> LoaderSeeds() {
  std::vector<std::string> seeds;
  for (const fs::path& dir : {kSource / "scenarios", kSource / "tests/sim/e2e"}) {
    for (const fs::path& file : Files(dir, ".toml")) seeds.push_back(Slurp(file));
  }
  return seeds;
}

// The apparatus of a scenario file: from its first list, rule or score to the end.
std::string Apparatus(const std::string& text) {
  size_t at = std::string::npos;
  for (const char* header : {"\n[[lists]]", "\n[[rules]]", "\n[[scores]]"}) {
    at = std::min(at, text.find(header));
  }
  return at == std::string::npos ? std::string() : text.substr(at + 1);
}

// A mutant of `seed`: a few byte flips, deletions, duplications or TOML tokens inserted.
std::string Mutate(const std::string& seed, std::mt19937& rng) {
  static const char* kTokens[] = {"[[rules]]\n", "[[lists]]\n", " = ", "{",     "}",    "[",  "]",
                                  "\"anyone\"",  "0",           "-1",  "1e308", "\"",   "\n", ",",
                                  "within_days", "at_least",    "who", "what",  "hours"};
  std::string out = seed;
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !out.empty(); ++e) {
    const size_t at = rng() % out.size();
    switch (rng() % 4) {
      case 0:
        out[at] = static_cast<char>(rng() % 256);
        break;
      case 1:
        out.erase(at, std::min<size_t>(rng() % 64, out.size() - at));
        break;
      case 2:
        out.insert(at, out.substr(at, std::min<size_t>(rng() % 64, out.size() - at)));
        break;
      default:
        out.insert(at, kTokens[rng() % std::size(kTokens)]);
        break;
    }
  }
  return out;
}

bool Load(const std::string& text) {
  return FuzzScenarioLoader(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}
bool Compile(const std::string& text) {
  return FuzzRuleCompiler(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

TEST(FuzzReplayTest, LoaderSeedsRegressionsAndMutants) {
  const std::vector<std::string> seeds = LoaderSeeds();
  ASSERT_GE(seeds.size(), 10u);
  // The seeds are valid scenarios (or the mutants would explore only the error paths).
  for (const std::string& seed : seeds) EXPECT_TRUE(Load(seed));
  for (const fs::path& file : Files(kSource / "fuzz/regressions/scenario_loader")) {
    SCOPED_TRACE(file.string());
    (void)Load(Slurp(file));
  }
  std::mt19937 rng(20261127);
  for (const std::string& seed : seeds) {
    for (int k = 0; k < 150; ++k) (void)Load(Mutate(seed, rng));
  }
}

TEST(FuzzReplayTest, RuleCompilerSeedsRegressionsAndMutants) {
  std::vector<std::string> seeds;
  for (const std::string& text : LoaderSeeds()) {
    const std::string apparatus = Apparatus(text);
    if (!apparatus.empty()) seeds.push_back(apparatus);
  }
  ASSERT_GE(seeds.size(), 5u);
  // Every shipped apparatus compiles and runs on the small city.
  for (const std::string& seed : seeds) EXPECT_TRUE(Compile(seed));
  for (const fs::path& file : Files(kSource / "fuzz/regressions/rule_compiler")) {
    SCOPED_TRACE(file.string());
    (void)Compile(Slurp(file));
  }
  std::mt19937 rng(20261127);
  for (const std::string& seed : seeds) {
    for (int k = 0; k < 8; ++k) (void)Compile(Mutate(seed, rng));
  }
}

}  // namespace
}  // namespace oversight
