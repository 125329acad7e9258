#include "audit/disparity.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "audit/group_rates.h"

namespace oversight {

namespace {

constexpr std::array<std::string_view, 6> kCompared = {
    "false_alarm_share", "innocents_flagged_share", "recall",
    "precision",         "flagged_share",           "contacts_per_innocent"};

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

namespace {

// `g` against `reference`, metric by metric, appended to *out.
void Compare(const GroupCounts& g, const GroupCounts& reference, const GroupCounts& total,
             bool twin, const AuditOptions& options, std::string_view dimension,
             std::vector<Disparity>* out) {
  const std::vector<NamedRate> rates = GroupRates(g, total, twin);
  const std::vector<NamedRate> ref_rates = GroupRates(reference, total, twin);
  for (std::string_view metric : kCompared) {
    const NamedRate* a = &RateNamed(rates, metric);
    const NamedRate* b = &RateNamed(ref_rates, metric);
    Disparity d{.dimension = std::string(dimension),
                .group = g.name,
                .reference = reference.name,
                .metric = std::string(metric)};
    d.numerator = a->numerator;
    d.denominator = a->denominator;
    d.reference_numerator = b->numerator;
    d.reference_denominator = b->denominator;
    const auto min_cell = static_cast<uint64_t>(options.min_cell);
    if (a->denominator < min_cell || b->denominator < min_cell || a->numerator == 0 ||
        b->numerator == 0) {
      out->push_back(d);
      continue;
    }
    const double x1 = static_cast<double>(a->numerator), n1 = static_cast<double>(a->denominator);
    const double x2 = static_cast<double>(b->numerator), n2 = static_cast<double>(b->denominator);
    d.ratio = (x1 / n1) / (x2 / n2);
    const bool count = metric == "contacts_per_innocent";  // a rate, not a proportion
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
    out->push_back(d);
  }
}

}  // namespace

std::vector<Disparity> Disparities(const AuditResult& audit, const AuditOptions& options) {
  std::vector<Disparity> out;
  if (audit.groups.size() < 2) return out;
  const GroupCounts& reference = ReferenceGroup(audit, options);
  for (const GroupCounts& g : audit.groups) {
    if (&g != &reference) Compare(g, reference, audit.total, audit.twin, options, "group", &out);
  }
  // Intersection cells come dimension by dimension, group-major: cell (g, v) of a dimension
  // with k values is at offset g * k + v within it.
  const size_t groups = audit.groups.size();
  const auto ref = static_cast<size_t>(&reference - audit.groups.data());
  for (size_t begin = 0; begin < audit.intersections.size();) {
    size_t end = begin;
    while (end < audit.intersections.size() &&
           audit.intersections[end].dimension == audit.intersections[begin].dimension) {
      ++end;
    }
    const size_t values = (end - begin) / groups;
    for (size_t g = 0; g < groups; ++g) {
      if (g == ref) continue;
      for (size_t v = 0; v < values; ++v) {
        const IntersectionCounts& cell = audit.intersections[begin + g * values + v];
        Compare(cell.counts, audit.intersections[begin + ref * values + v].counts, audit.total,
                false, options, cell.dimension, &out);
      }
    }
    begin = end;
  }
  return out;
}

}  // namespace oversight
