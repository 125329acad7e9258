#include "sim/memory_estimate.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "hotspot/attention_run.h"
#include "report/human_numbers.h"

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
  MemoryEstimate e;
  const double in_flight = std::max(1, threads);
  double bytes = kFixedBytes;
  switch (s.model) {
    case ScenarioModel::kCity: {
      const double persons = s.world.persons;
      bytes += persons * (kPerPerson + (s.audit.twin ? kPerPersonTwin : 0.0) +
                          kPerPersonDay * std::min(s.days, kGrowthDays));
      e.what = fmt::format("{} persons x {} days, {}", WithThousands(s.world.persons), s.days,
                           s.audit.twin ? "with the twin" : "without the twin");
      e.to_lower = "lower [scenario] persons (or --persons)";
      if (s.audit.twin) e.to_lower += ", or run with --no-twin";
      break;
    }
    case ScenarioModel::kUrn: {
      // Each run keeps its share per day; the summary keeps three series per arm.
      const double runs = s.urn.runs;
      bytes += runs * s.days * 8.0 * 2 + s.days * 8.0 * 6;
      e.what = fmt::format("an urn of {} runs x {} days",
                           WithThousands(static_cast<uint64_t>(runs)), s.days);
      e.to_lower = "lower [urn] runs or [scenario] days";
      break;
    }
    case ScenarioModel::kPredpol: {
      const PredpolScenarioOptions& p = s.predpol;
      const double span = p.window_days + s.days;
      const double per_run = span * p.bins * 4.0 + s.days * (p.top * 4.0 + 32) + p.bins * 32.0;
      bytes += static_cast<double>(p.records.size()) * 8.0 +
               per_run * std::min<double>(in_flight, p.runs) + per_run * p.runs / 4;
      e.what = fmt::format("a forecast over {} bins x {} days, {} runs with feedback",
                           WithThousands(static_cast<uint64_t>(p.bins)), s.days, p.runs);
      e.to_lower = "lower [scenario] days, [predpol] window_days or runs";
      break;
    }
    case ScenarioModel::kReporting: {
      const ReportingScenarioOptions& o = s.reporting;
      const auto cells = static_cast<double>(o.cells.size());
      const double span = o.burn_in_days + o.train_days + s.days;
      const double per_run = span * cells * 8.0 + span * 4.0 + cells * (o.train_days * 8.0 + 64);
      bytes += per_run * std::min<double>(in_flight, o.runs) + o.runs * cells * 24.0;
      e.what = fmt::format("{} cells x {} simulated days, {} runs", WithThousands(o.cells.size()),
                           static_cast<int64_t>(span), o.runs);
      e.to_lower = "lower [reporting] burn_in_days or train_days, [scenario] days, or --threads";
      break;
    }
    case ScenarioModel::kAttention:
      bytes += AttentionMemoryBytes(s);
      e.what = fmt::format("{} sites x {} steps, {} runs of {} agents", s.attention.rates.size(),
                           s.days, s.attention.runs, s.attention.agents.size());
      e.to_lower = "lower [scenario] days or [attention] runs";
      break;
  }
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
