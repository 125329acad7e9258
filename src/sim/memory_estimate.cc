#include "sim/memory_estimate.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <charconv>
#include <cmath>

#include "hotspot/attention_run.h"
#include "report/human_numbers.h"
#include "sim/place_model_runner.h"

namespace oversight {

namespace {

// Fitted to the default city's measured peaks (release build, 2 threads; docs/PERFORMANCE.md,
// "The resource guard"), from 53 MiB at 100,000 persons x 3 days to 6,018 MiB at
// 14,000,000 x 30 without the twin; each term rounded up.
constexpr double kFixedBytes = 16.0 * (1 << 20);
constexpr double kPerPerson = 370;      // world state, the day's records and observations
constexpr double kPerPersonTwin = 110;  // the twin's world and acts
constexpr double kPerPersonDay = 4;     // rule state and lists, growing over the first weeks
constexpr int32_t kGrowthDays = 30;     // ... after which it no longer grows (measured to 120)

}  // namespace

MemoryEstimate EstimateRunMemory(const Scenario& s, int threads) {
  if (s.model != ScenarioModel::kCity) {
    const PlaceModelRunner* runner = FindPlaceModelRunner(s.model);
    // The command line refuses a model with no runner before it estimates.
    assert(runner != nullptr);
    MemoryEstimate e;
    if (runner != nullptr) e = runner->memory(s, threads);
    e.bytes += static_cast<uint64_t>(kFixedBytes);
    return e;
  }
  MemoryEstimate e;
  const double persons = s.world.persons;
  const double bytes = kFixedBytes + persons * (kPerPerson + (s.audit.twin ? kPerPersonTwin : 0.0) +
                                                kPerPersonDay * std::min(s.days, kGrowthDays));
  e.what = fmt::format("{} persons x {} days, {}", WithThousands(s.world.persons), s.days,
                       s.audit.twin ? "with the twin" : "without the twin");
  e.to_lower = "lower [scenario] persons (or --persons)";
  if (s.audit.twin) e.to_lower += ", or run with --no-twin";
  e.bytes = static_cast<uint64_t>(bytes);
  return e;
}

uint64_t DefaultMemoryLimit() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<uint64_t>(static_cast<double>(pages) * static_cast<double>(page) * 0.8);
}

uint64_t ParseByteSize(const std::string& text) {
  double value = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  const auto [rest, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || !(value > 0) || !std::isfinite(value)) return 0;
  std::string unit(rest, end);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  double scale = 0;
  if (unit.empty() || unit == "B") {
    scale = 1;
  } else if (unit == "K" || unit == "KB" || unit == "KIB") {
    scale = 1024.0;
  } else if (unit == "M" || unit == "MB" || unit == "MIB") {
    scale = 1024.0 * 1024;
  } else if (unit == "G" || unit == "GB" || unit == "GIB") {
    scale = 1024.0 * 1024 * 1024;
  } else if (unit == "T" || unit == "TB" || unit == "TIB") {
    scale = 1024.0 * 1024 * 1024 * 1024;
  }
  const double bytes = value * scale;
  if (scale == 0 || bytes < 1 || bytes > 1.8e19) return 0;
  return static_cast<uint64_t>(bytes);
}

std::string FormatBytes(uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1024.0 * 1024 * 1024) return fmt::format("{:.1f} GiB", b / (1024.0 * 1024 * 1024));
  if (b >= 1024.0 * 1024) return fmt::format("{:.0f} MiB", b / (1024.0 * 1024));
  return fmt::format("{:.0f} KiB", std::max(1.0, b / 1024.0));
}

}  // namespace oversight
