#include "audit/disparity.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <utility>
#include <vector>

namespace oversight {
namespace {

// Two groups; the majority (the larger) is the reference.
AuditResult TwoGroups(uint64_t minority_persons, uint64_t minority_flagged,
                      uint64_t majority_persons, uint64_t majority_flagged) {
  AuditResult a;
  a.groups.resize(2);
  a.groups[0].name = "majority";
  a.groups[0].persons = majority_persons;
  a.groups[0].flagged_persons = majority_flagged;
  a.groups[1].name = "minority";
  a.groups[1].persons = minority_persons;
  a.groups[1].flagged_persons = minority_flagged;
  a.total.persons = majority_persons + minority_persons;
  return a;
}

const Disparity& Flagged(const std::vector<Disparity>& all) {
  for (const Disparity& d : all) {
    if (d.metric == "flagged_share") return d;
  }
  static const Disparity none;
  ADD_FAILURE() << "no flagged_share row";
  return none;
}

TEST(DisparityTest, HandComputedRatioAndInterval) {
  // Minority 200 of 1,000 flagged, majority 1,000 of 10,000: ratio 2.
  // se^2 = 1/200 - 1/1000 + 1/1000 - 1/10000 = 0.0049; se = 0.07.
  const std::vector<Disparity> all = Disparities(TwoGroups(1000, 200, 10000, 1000), AuditOptions{});
  const Disparity& d = Flagged(all);
  EXPECT_EQ(d.group, "minority");
  EXPECT_EQ(d.reference, "majority");
  EXPECT_DOUBLE_EQ(d.ratio, 2.0);
  EXPECT_NEAR(d.low, 2.0 * std::exp(-1.96 * 0.07), 1e-9);
  EXPECT_NEAR(d.high, 2.0 * std::exp(1.96 * 0.07), 1e-9);
  EXPECT_EQ(d.verdict, Verdict::kOutsideBand);
}

TEST(DisparityTest, VerdictsWithinInconclusiveAndInsufficient) {
  // Large and equal: the interval sits inside [0.8, 1.25].
  EXPECT_EQ(Flagged(Disparities(TwoGroups(100000, 10000, 100000, 10000), AuditOptions{})).verdict,
            Verdict::kWithinBand);
  // Equal but small: the interval crosses the band's edges.
  EXPECT_EQ(Flagged(Disparities(TwoGroups(100, 10, 1000, 100), AuditOptions{})).verdict,
            Verdict::kInconclusive);
  // A denominator below min_cell, or a zero numerator: no estimate at all.
  EXPECT_EQ(Flagged(Disparities(TwoGroups(29, 5, 1000, 100), AuditOptions{})).verdict,
            Verdict::kInsufficientData);
  EXPECT_EQ(Flagged(Disparities(TwoGroups(1000, 0, 1000, 100), AuditOptions{})).verdict,
            Verdict::kInsufficientData);
  AuditOptions small;
  small.min_cell = 10;
  EXPECT_NE(Flagged(Disparities(TwoGroups(29, 5, 1000, 100), small)).verdict,
            Verdict::kInsufficientData);
}

TEST(DisparityTest, TheReferenceGroupCanBeNamed) {
  AuditOptions options;
  options.reference_group = "minority";
  const std::vector<Disparity> all = Disparities(TwoGroups(1000, 200, 10000, 1000), options);
  const Disparity& d = Flagged(all);
  EXPECT_EQ(d.group, "majority");
  EXPECT_DOUBLE_EQ(d.ratio, 0.5);
  AuditResult one;
  one.groups.resize(1);
  one.groups[0].persons = 10;
  EXPECT_TRUE(Disparities(one, AuditOptions{}).empty());  // nothing to compare
}

TEST(DisparityTest, IntersectionCellsAreComparedWithTheReferenceGroupsSameCell) {
  AuditResult a = TwoGroups(1000, 200, 10000, 1000);
  // group x sex, group-major: majority x female, majority x male, minority x female, ...
  const std::array<std::pair<const char*, std::pair<uint64_t, uint64_t>>, 4> cells = {{
      {"majority x female", {5000, 500}},
      {"majority x male", {5000, 500}},
      {"minority x female", {500, 50}},  // as the majority's women: ratio 1
      {"minority x male", {500, 150}},   // three times the majority's men
  }};
  for (const auto& [name, counts] : cells) {
    IntersectionCounts cell{.dimension = "group x sex", .counts = {}};
    cell.counts.name = name;
    cell.counts.persons = counts.first;
    cell.counts.flagged_persons = counts.second;
    a.intersections.push_back(cell);
  }
  std::vector<Disparity> flagged;
  for (const Disparity& d : Disparities(a, AuditOptions{})) {
    if (d.metric == "flagged_share" && d.dimension == "group x sex") flagged.push_back(d);
  }
  ASSERT_EQ(flagged.size(), 2u);  // the reference group's own cells are not compared
  EXPECT_EQ(flagged[0].group, "minority x female");
  EXPECT_EQ(flagged[0].reference, "majority x female");
  EXPECT_DOUBLE_EQ(flagged[0].ratio, 1.0);
  EXPECT_EQ(flagged[1].group, "minority x male");
  EXPECT_EQ(flagged[1].reference, "majority x male");
  EXPECT_DOUBLE_EQ(flagged[1].ratio, 3.0);
  EXPECT_EQ(flagged[1].verdict, Verdict::kOutsideBand);
}

}  // namespace
}  // namespace oversight
