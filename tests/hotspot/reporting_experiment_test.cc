#include "hotspot/reporting_experiment.h"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

namespace oversight {
namespace {

// Two districts of 20 cells each with the same crime; victims in the first report 60% of
// it, in the second 20%. Ten cells a day are hotspots.
Scenario TwoDistricts() {
  Scenario s;
  s.model = ScenarioModel::kReporting;
  s.seed = 5;
  s.days = 30;
  ReportingScenarioOptions& o = s.reporting;
  o.districts = {{"reports often", 0.2, 0.6, 40000}, {"reports rarely", 0.2, 0.2, 40000}};
  for (int32_t x = 1; x <= 8; ++x) {
    for (int32_t y = 1; y <= 5; ++y) {
      o.cells.push_back(ReportingCell{x, y, x <= 4 ? 0 : 1});
    }
  }
  o.population_scale = 1;
  o.theta = 0.3;
  o.burn_in_days = 60;
  o.train_days = 90;
  o.refit_days = 10;
  o.top = 10;
  o.runs = 4;
  return s;
}

double HotspotShare(const ReportingExperiment& e, size_t district, bool reported) {
  const ReportingDistrictResult& d = e.districts[district];
  return (reported ? d.hotspots_reported : d.hotspots_true) / (e.days * e.top);
}

// With the same crime, a forecast on all of it splits the hotspots between the districts;
// one on reported crime sends them where victims report.
TEST(ReportingExperimentTest, HotspotsFollowReportingNotCrime) {
  const ReportingExperiment e = RunReportingExperiment(TwoDistricts());
  ASSERT_EQ(e.districts.size(), 2u);
  EXPECT_NEAR(HotspotShare(e, 0, false), 0.5, 0.15);
  EXPECT_GT(HotspotShare(e, 0, true), 0.85);
  EXPECT_GT(e.districts[0].change_p05, 0.2);  // in every run, the first district gains
  // The crime itself is the same in both; the records are not.
  EXPECT_NEAR(e.districts[0].true_crimes / e.districts[1].true_crimes, 1.0, 0.1);
  EXPECT_NEAR(e.districts[0].reported_crimes / e.districts[1].reported_crimes, 3.0, 0.5);
  // Hotspots chosen on reported crime hold less of the true crime.
  EXPECT_LE(e.captured_reported, e.captured_true + 0.02);
}

// The same result at one thread and at two.
TEST(ReportingExperimentTest, IdenticalAtAnyThreadCount) {
  const Scenario s = TwoDistricts();
  ReportingExperiment one, two;
  tbb::task_arena(1).execute([&] { one = RunReportingExperiment(s); });
  tbb::task_arena(2).execute([&] { two = RunReportingExperiment(s); });
  EXPECT_EQ(one.cell_days_true, two.cell_days_true);
  EXPECT_EQ(one.cell_days_reported, two.cell_days_reported);
  EXPECT_EQ(one.captured_reported, two.captured_reported);
  EXPECT_EQ(one.districts[1].change_p05, two.districts[1].change_p05);
}

}  // namespace
}  // namespace oversight
