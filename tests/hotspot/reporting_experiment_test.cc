#include "hotspot/reporting_experiment.h"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <numeric>

#include "hotspot/reporting_forecast.h"
#include "hotspot/reporting_world.h"

namespace oversight {
namespace {

// A 10 km x 10 km city around one bump, split into two districts at x = 0 with the same
// people (about half the simulated crime kept) and victimisation; victims in the first report 60%
// of crime, in the second 20%.
ReportingScenarioOptions TwoDistricts() {
  ReportingScenarioOptions o;
  o.districts = {{"reports often", 0.2, 0.6, 20000}, {"reports rarely", 0.2, 0.2, 20000}};
  for (int32_t x = -4; x <= 5; ++x) {
    for (int32_t y = -4; y <= 5; ++y) o.cells.push_back(ReportingCell{x, y, x <= 0 ? 0 : 1});
  }
  o.bumps = {{0.5, 0.5}};
  o.bump_sd = 3;
  o.background_rate = 50;
  o.theta = 0.5;
  o.population_scale = 1;
  o.burn_in_days = 50;
  o.train_days = 150;
  o.refit_days = 100;
  o.ma_max_days = 20;
  o.top = 10;
  o.runs = 4;
  return o;
}

// The thinning rates come back out of the simulation: each district keeps its survey
// total (the victimisation target; tolerance 6%, three binomial sds at these counts) and
// its victims report their district's rate of it (tolerance 0.03, three sds).
TEST(ReportingWorldTest, ThinningRatesAreRecovered) {
  const ReportingScenarioOptions o = TwoDistricts();
  const ReportingHistory h = SimulateReportingHistory(o, 11, 0, 400, 100);
  for (size_t d = 0; d < 2; ++d) {
    // 20000 people x 0.2 a semester x 400 / 182.5 semesters.
    EXPECT_NEAR(h.target[d], 20000 * 0.2 * 400 / 182.5, 1e-6);
    EXPECT_GT(h.superset_count[d], h.full_count[d]);
    EXPECT_NEAR(static_cast<double>(h.full_count[d]) / h.target[d], 1.0, 0.06);
    EXPECT_NEAR(static_cast<double>(h.reported_count[d]) / static_cast<double>(h.full_count[d]),
                o.districts[d].reporting_rate, 0.03);
  }
  // The daily counts add up to the district totals.
  EXPECT_EQ(std::accumulate(h.full.begin(), h.full.end(), int64_t{0}),
            h.full_count[0] + h.full_count[1]);
}

// The closed-form true intensity is the expected count: summed over the evaluated days and
// cells it matches the full data's count (tolerance 5%; the count's sd is about 1%).
TEST(ReportingWorldTest, TrueIntensityPredictsTheCounts) {
  const ReportingScenarioOptions o = TwoDistricts();
  const ReportingHistory h = SimulateReportingHistory(o, 12, 0, 400, 100);
  const double expected = std::accumulate(h.intensity.begin(), h.intensity.end(), 0.0);
  const int64_t counted = std::accumulate(h.full.begin() + 100 * 100, h.full.end(), int64_t{0});
  EXPECT_GT(counted, 5000);
  EXPECT_NEAR(static_cast<double>(counted) / expected, 1.0, 0.05);
  // The background: the bump's mass over the 10 x 10 cells, (-5, 5] on each axis for
  // N(0.5, 3^2): 50 a day x ((erf(4.5 / (3 sqrt 2)) + erf(5.5 / (3 sqrt 2))) / 2)^2.
  const double s = 3 * std::sqrt(2.0);
  const double inside = std::pow((std::erf(4.5 / s) + std::erf(5.5 / s)) / 2, 2);
  EXPECT_NEAR(std::accumulate(h.background.begin(), h.background.end(), 0.0), 50 * inside, 1e-9);
}

// On counts alternating 0, 2, 0, 2, ... the moving average with alpha = 2 / (n + 1)
// settles at 2 / (2 - alpha) after a 2 and 2 (1 - alpha) / (2 - alpha) after a 0: its
// one-day-ahead squared error, (2 / (2 - alpha))^2, falls as alpha falls (n = 1: 4, n = 2:
// 2.25, n = 3: 16/9), so the longest span allowed wins.
TEST(ReportingForecastTest, MovingAverageSpanOnAlternatingCounts) {
  std::vector<int32_t> counts(200);
  for (size_t t = 0; t < counts.size(); ++t) counts[t] = t % 2 == 0 ? 0 : 2;
  EXPECT_EQ(ChooseMovingAverageSpan(counts, 1, 0, 200, 1), 1);
  EXPECT_EQ(ChooseMovingAverageSpan(counts, 1, 0, 200, 3), 3);
  EXPECT_EQ(ChooseMovingAverageSpan(counts, 1, 0, 200, 50), 50);
  // A constant count is forecast exactly by yesterday's: span 1.
  std::vector<int32_t> flat(200, 3);
  EXPECT_EQ(ChooseMovingAverageSpan(flat, 1, 0, 200, 50), 1);
}

// The moving average's scores on a hand-made grid of two cells: with alpha = 2 / (3 + 1)
// = 0.5 (span 3, the best of 1..3 on alternating counts) the day's score is the average of
// the days before, starting from 0 on the first training day.
TEST(ReportingForecastTest, MovingAverageScoresByHand) {
  ReportingScenarioOptions o;
  o.cells = {{1, 1, 0}, {2, 1, 0}};
  o.train_days = 6;
  o.ma_max_days = 3;
  // Day by day, cell 0 then cell 1: cell 0 alternates 0, 2; cell 1 is always 1.
  const std::vector<int32_t> counts = {0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1};
  const ReportingForecast f = ForecastReporting(ReportingModel::kMovingAverage, o, counts, 6, 2);
  EXPECT_EQ(f.ma_span, 3);
  // Cell 0 after 0, 2, 0, 2, 0, 2 at alpha 0.5: 0, 1, 0.5, 1.25, 0.625, 1.3125; then 0.65625
  // after day 6's 0. Cell 1 after six 1s: 1 - 0.5^6, then 1 - 0.5^7.
  ASSERT_EQ(f.scores.size(), 4u);
  EXPECT_DOUBLE_EQ(f.scores[0], 1.3125);
  EXPECT_DOUBLE_EQ(f.scores[1], 1 - 1.0 / 64);
  EXPECT_DOUBLE_EQ(f.scores[2], 0.65625);
  EXPECT_DOUBLE_EQ(f.scores[3], 1 - 1.0 / 128);
}

Scenario TwoDistrictScenario() {
  Scenario s;
  s.model = ScenarioModel::kReporting;
  s.seed = 5;
  s.days = 40;
  s.reporting = TwoDistricts();
  return s;
}

// With the same crime in both districts, the forecasts trained on all crime split the
// hotspots about as the truth does; trained on reported crime they move them to where
// victims report; rescaling by 1/r moves them back.
TEST(ReportingExperimentTest, ReportedCrimeDisplacesHotspotsAndRescalingUndoesIt) {
  const ReportingExperiment e = RunReportingExperiment(TwoDistrictScenario());
  for (size_t model = 0; model < 2; ++model) {
    const ReportingArmResult& full = e.arms[model * 3];
    const ReportingArmResult& reported = e.arms[model * 3 + 1];
    const ReportingArmResult& rescaled = e.arms[model * 3 + 2];
    EXPECT_EQ(reported.arm.data, ReportingData::kReported);
    EXPECT_GT(reported.difference[0], 2.0) << model;  // of 10 hotspots a day
    EXPECT_LT(reported.difference[1], -2.0) << model;
    EXPECT_GT(reported.displaced, full.displaced + 1.5) << model;
    // Dividing by the reporting rate moves hotspots back to the district that reports
    // less. The moving average is linear in the counts, so its expectation is then the
    // truth's and the displacement falls; the SEPP divides its shared background too, and
    // overshoots.
    EXPECT_LT(rescaled.difference[0], reported.difference[0] - 2.0) << model;
    if (model == 1) {
      EXPECT_LT(rescaled.displaced, reported.displaced - 1.0);
    }
    // The differences of a day sum to zero over the districts.
    EXPECT_NEAR(reported.difference[0] + reported.difference[1], 0.0, 1e-9);
    EXPECT_LE(reported.captured, full.captured + 0.02);
    EXPECT_LE(full.captured, 1.0 + 1e-12);
  }
  EXPECT_GT(e.arms[0].theta, 0.1);  // the SEPP finds the aftershocks
}

// The same result at one thread and at two.
TEST(ReportingExperimentTest, IdenticalAtAnyThreadCount) {
  const Scenario s = TwoDistrictScenario();
  ReportingExperiment one, two;
  tbb::task_arena(1).execute([&] { one = RunReportingExperiment(s); });
  tbb::task_arena(2).execute([&] { two = RunReportingExperiment(s); });
  for (size_t i = 0; i < kReportingArms; ++i) {
    EXPECT_EQ(one.arms[i].cell_days, two.arms[i].cell_days);
    EXPECT_EQ(one.arms[i].difference_p05, two.arms[i].difference_p05);
  }
  EXPECT_EQ(one.true_intensity_by_rank, two.true_intensity_by_rank);
}

}  // namespace
}  // namespace oversight
