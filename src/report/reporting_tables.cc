#include "report/reporting_tables.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/report_json.h"

namespace oversight {

std::string ReportingArmKey(const ReportingArm& arm) {
  return fmt::format("{}_{}", ReportingModelName(arm.model), ReportingDataName(arm.data));
}

std::string ReportingDistrictsCsv(const Scenario& s, const ReportingExperiment& e) {
  std::string out =
      "district,victimization_rate,reporting_rate,population,target_crimes,superset_crimes,"
      "full_crimes,reported_crimes,keep,true_hotspots";
  for (const ReportingArmResult& a : e.arms) out += ",difference_" + ReportingArmKey(a.arm);
  out += "\n";
  for (size_t d = 0; d < e.districts.size(); ++d) {
    const ReportingDistrict& o = s.reporting.districts[d];
    const ReportingDistrictResult& r = e.districts[d];
    out += fmt::format("{},{},{},{},{:.1f},{:.1f},{:.1f},{:.1f},{:.6f},{:.4f}", o.name,
                       o.victimization_rate, o.reporting_rate, o.population, r.target, r.superset,
                       r.full, r.reported, r.keep, r.true_hotspots);
    for (const ReportingArmResult& a : e.arms) out += fmt::format(",{:.4f}", a.difference[d]);
    out += "\n";
  }
  return out;
}

std::string ReportingArmsCsv(const Scenario& s, const ReportingExperiment& e) {
  std::string out = "model,data,district,reporting_rate,difference,difference_p05,difference_p95\n";
  for (const ReportingArmResult& a : e.arms) {
    for (size_t d = 0; d < a.difference.size(); ++d) {
      out += fmt::format("{},{},{},{},{:.4f},{:.4f},{:.4f}\n", ReportingModelName(a.arm.model),
                         ReportingDataName(a.arm.data), s.reporting.districts[d].name,
                         s.reporting.districts[d].reporting_rate, a.difference[d],
                         a.difference_p05[d], a.difference_p95[d]);
    }
  }
  return out;
}

std::string ReportingRanksCsv(const ReportingExperiment& e) {
  std::string out = "rank,true";
  for (const ReportingArmResult& a : e.arms) out += "," + ReportingArmKey(a.arm);
  out += "\n";
  for (size_t k = 0; k < e.true_intensity_by_rank.size(); ++k) {
    out += fmt::format("{},{:.6f}", k + 1, e.true_intensity_by_rank[k]);
    for (const ReportingArmResult& a : e.arms) {
      out += fmt::format(",{:.6f}", a.intensity_by_rank[k]);
    }
    out += "\n";
  }
  return out;
}

std::string ReportingCellsCsv(const Scenario& s, const ReportingExperiment& e) {
  std::string out = "x,y,district,true";
  for (const ReportingArmResult& a : e.arms) out += "," + ReportingArmKey(a.arm);
  out += "\n";
  for (size_t c = 0; c < s.reporting.cells.size(); ++c) {
    const ReportingCell& cell = s.reporting.cells[c];
    out += fmt::format("{},{},{},{:.2f}", cell.x, cell.y,
                       s.reporting.districts[static_cast<size_t>(cell.district)].name,
                       e.true_cell_days[c]);
    for (const ReportingArmResult& a : e.arms) out += fmt::format(",{:.2f}", a.cell_days[c]);
    out += "\n";
  }
  return out;
}

std::string ReportingJson(const Scenario& s, const ReportingExperiment& e,
                          std::string_view version) {
  using Json = nlohmann::ordered_json;
  const ReportingScenarioOptions& o = s.reporting;
  Json root;
  root["schema_version"] = kReportSchemaVersion;
  root["generator"] = fmt::format("oversight {}", version);
  root["synthetic_only"] = true;
  root["model"] = "reporting";
  root["scenario"] = {{"name", s.name},
                      {"description", s.description},
                      {"seed", s.seed},
                      {"days", s.days},
                      {"cells", o.cells.size()},
                      {"population_scale", o.population_scale},
                      {"background_rate", o.background_rate},
                      {"bump_sd", o.bump_sd},
                      {"theta", o.theta},
                      {"aftershock_sd", o.aftershock_sd},
                      {"omega", o.omega},
                      {"burn_in_days", o.burn_in_days},
                      {"train_days", o.train_days},
                      {"refit_days", o.refit_days},
                      {"model_background_sd", o.model_background_sd},
                      {"em_iterations", o.em_iterations},
                      {"ma_max_days", o.ma_max_days},
                      {"top", o.top},
                      {"runs", o.runs}};
  Json arms = Json::array();
  for (const ReportingArmResult& a : e.arms) {
    Json fit = a.arm.model == ReportingModel::kSepp ? Json{{"mu_bar", a.mu_bar},
                                                           {"theta", a.theta},
                                                           {"omega", a.omega},
                                                           {"em_iterations", a.iterations}}
                                                    : Json{{"span_days", a.ma_span}};
    arms.push_back({{"model", ReportingModelName(a.arm.model)},
                    {"data", ReportingDataName(a.arm.data)},
                    {"hotspots_displaced", a.displaced},
                    {"correlation_reporting_rate_difference", a.correlation},
                    {"true_intensity_captured", a.captured},
                    {"fit", fit},
                    {"difference", a.difference}});
  }
  root["arms"] = arms;
  Json districts = Json::array();
  for (size_t d = 0; d < e.districts.size(); ++d) {
    const ReportingDistrict& od = o.districts[d];
    const ReportingDistrictResult& r = e.districts[d];
    districts.push_back({{"district", od.name},
                         {"victimization_rate", od.victimization_rate},
                         {"reporting_rate", od.reporting_rate},
                         {"population", od.population},
                         {"target_crimes", r.target},
                         {"superset_crimes", r.superset},
                         {"full_crimes", r.full},
                         {"reported_crimes", r.reported},
                         {"keep", r.keep},
                         {"true_hotspots", r.true_hotspots}});
  }
  root["districts"] = districts;
  return root.dump(2) + "\n";
}

}  // namespace oversight
