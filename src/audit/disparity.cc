#include "audit/disparity.h"

#include <cmath>

#include "audit/group_rates.h"

namespace oversight {

namespace {

constexpr std::array<std::string_view, 6> kCompared = {
    "false_alarm_share", "innocents_flagged_share", "recall",
    "precision",         "flagged_share",           "visits_per_innocent"};

const NamedRate* FindRate(const std::vector<NamedRate>& rates, std::string_view name) {
  for (const NamedRate& r : rates) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace

const GroupCounts& ReferenceGroup(const AuditResult& audit, const AuditOptions& options) {
  const GroupCounts* best = &audit.groups.front();
  for (const GroupCounts& g : audit.groups) {
    if (!options.reference_group.empty()) {
      if (g.name == options.reference_group) return g;
    } else if (g.persons > best->persons) {
      best = &g;
    }
  }
  return *best;
}

std::vector<Disparity> Disparities(const AuditResult& audit, const AuditOptions& options) {
  std::vector<Disparity> out;
  if (audit.groups.size() < 2) return out;
  const GroupCounts& reference = ReferenceGroup(audit, options);
  const std::vector<NamedRate> ref_rates = GroupRates(reference, audit.total, audit.twin);
  for (const GroupCounts& g : audit.groups) {
    if (&g == &reference) continue;
    const std::vector<NamedRate> rates = GroupRates(g, audit.total, audit.twin);
    for (std::string_view metric : kCompared) {
      const NamedRate* a = FindRate(rates, metric);
      const NamedRate* b = FindRate(ref_rates, metric);
      Disparity d{.group = g.name, .reference = reference.name, .metric = std::string(metric)};
      d.numerator = a->numerator;
      d.denominator = a->denominator;
      d.reference_numerator = b->numerator;
      d.reference_denominator = b->denominator;
      const auto min_cell = static_cast<uint64_t>(options.min_cell);
      if (a->denominator < min_cell || b->denominator < min_cell || a->numerator == 0 ||
          b->numerator == 0) {
        out.push_back(d);
        continue;
      }
      const double x1 = static_cast<double>(a->numerator), n1 = static_cast<double>(a->denominator);
      const double x2 = static_cast<double>(b->numerator), n2 = static_cast<double>(b->denominator);
      d.ratio = (x1 / n1) / (x2 / n2);
      const bool count = metric == "visits_per_innocent";  // a rate, not a proportion
      const double variance = 1.0 / x1 + 1.0 / x2 - (count ? 0.0 : 1.0 / n1 + 1.0 / n2);
      const double se = std::sqrt(std::max(variance, 0.0));
      d.low = std::exp(std::log(d.ratio) - 1.96 * se);
      d.high = std::exp(std::log(d.ratio) + 1.96 * se);
      if (d.low >= options.band_low && d.high <= options.band_high) {
        d.verdict = Verdict::kWithinBand;
      } else if (d.high < options.band_low || d.low > options.band_high) {
        d.verdict = Verdict::kOutsideBand;
      } else {
        d.verdict = Verdict::kInconclusive;
      }
      out.push_back(d);
    }
  }
  return out;
}

}  // namespace oversight
