// Model "attention" as `oversight run` runs it: D'Amour et al.'s allocation of police
// attention over sites (hotspot/attention_run.h), its outputs (report/attention_report.h) and
// its memory.
#include <fmt/format.h>

#include "core/version.h"
#include "hotspot/attention_run.h"
#include "report/human_numbers.h"
#include "report/attention_report.h"
#include "sim/place_model_runner.h"

namespace oversight {

namespace {

std::string Announce(const Scenario& s) {
  const AttentionScenarioOptions& a = s.attention;
  return fmt::format("allocating attention in '{}' ({} sites, {} agents, {} runs of {} steps, "
                     "seed {})",
                     s.name, a.rates.size(), a.agents.size(),
                     WithThousands(static_cast<uint64_t>(a.runs)),
                     WithThousands(static_cast<uint64_t>(s.days)), s.seed);
}

std::string Describe(const Scenario& s) {
  return fmt::format("attention allocated over {} sites by {} agents, {} steps",
                     s.attention.rates.size(), s.attention.agents.size(),
                     WithThousands(static_cast<uint64_t>(s.days)));
}

absl::StatusOr<std::string> Run(const Scenario& s, OutputSink* sink) {
  const AttentionExperiment e = RunAttentionExperiment(s);
  if (absl::Status written = WriteAttentionReport(s, e, kVersion, sink); !written.ok()) {
    return written;
  }
  return AttentionSummary(s, e);
}

MemoryEstimate Memory(const Scenario& s, int /*threads*/) {
  MemoryEstimate e;
  e.bytes = static_cast<uint64_t>(AttentionMemoryBytes(s));
  e.what = fmt::format("{} sites x {} steps, {} runs of {} agents", s.attention.rates.size(),
                       s.days, s.attention.runs, s.attention.agents.size());
  e.to_lower = "lower [scenario] days or [attention] runs";
  return e;
}

}  // namespace

const PlaceModelRunner kAttentionRunner = {
    .model = ScenarioModel::kAttention,
    .files = "report.json, attention_steps.csv, attention_sites.csv, summary.txt",
    .announce = Announce,
    .describe = Describe,
    .run = Run,
    .memory = Memory,
};

}  // namespace oversight
