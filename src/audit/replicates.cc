#include "audit/replicates.h"

#include <cassert>

#include "audit/group_rates.h"

namespace oversight {

namespace {

// The named metrics of one run, in a fixed order.
std::vector<std::pair<std::string, std::optional<double>>> MetricsOf(const AuditResult& audit) {
  std::vector<std::pair<std::string, std::optional<double>>> out;
  auto group = [&](const std::string& prefix, const GroupCounts& g) {
    out.emplace_back(prefix + "alerts", static_cast<double>(g.alerts));
    for (const NamedRate& rate : GroupRates(g, audit.total, audit.twin)) {
      out.emplace_back(prefix + std::string(rate.name), rate.value());
    }
  };
  group("all.", audit.total);
  for (const GroupCounts& g : audit.groups) group("group." + g.name + ".", g);
  for (const RuleCounts& r : audit.rules) {
    out.emplace_back("rule." + r.id + ".alerts", static_cast<double>(r.alerts));
    for (const NamedRate& rate : RuleRates(r)) {
      if (rate.name == "precision") out.emplace_back("rule." + r.id + ".precision", rate.value());
    }
  }
  return out;
}

}  // namespace

const ReplicateMetric* Replicates::Find(const std::string& name) const {
  for (const ReplicateMetric& m : metrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

Replicates Summarize(const std::vector<uint64_t>& seeds, const std::vector<AuditResult>& runs) {
  assert(seeds.size() == runs.size());
  Replicates out;
  out.seeds = seeds;
  for (size_t k = 0; k < runs.size(); ++k) {
    const auto metrics = MetricsOf(runs[k]);
    if (k == 0) {
      for (const auto& [name, value] : metrics)
        out.metrics.push_back(ReplicateMetric{name, {}, {}});
    }
    assert(metrics.size() == out.metrics.size());
    for (size_t m = 0; m < metrics.size(); ++m) out.metrics[m].values.push_back(metrics[m].second);
  }
  for (ReplicateMetric& m : out.metrics) {
    std::vector<double> defined;
    for (const std::optional<double>& v : m.values) {
      if (v) defined.push_back(*v);
    }
    m.interval = MeanInterval(defined);
  }
  return out;
}

}  // namespace oversight
