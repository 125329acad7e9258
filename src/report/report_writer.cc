#include "report/report_writer.h"

#include "report/csv_tables.h"
#include "report/report_html.h"
#include "report/report_json.h"
#include "report/summary.h"

namespace oversight {

absl::Status WriteReport(const Scenario& scenario, const RunFacts& facts, const AuditResult& audit,
                         OutputSink* sink, const Replicates* replicates) {
  if (absl::Status s = sink->Write("groups.csv", GroupsCsv(audit)); !s.ok()) return s;
  if (absl::Status s = sink->Write("rules.csv", RulesCsv(audit)); !s.ok()) return s;
  if (absl::Status s = sink->Write("days.csv", DaysCsv(audit)); !s.ok()) return s;
  if (absl::Status s =
          sink->Write("intersections.csv", IntersectionsCsv(audit, scenario.audit.min_cell));
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          sink->Write("disparities.csv", DisparitiesCsv(Disparities(audit, scenario.audit)));
      !s.ok()) {
    return s;
  }
  if (replicates != nullptr) {
    if (absl::Status s = sink->Write("replicates.csv", ReplicatesCsv(*replicates)); !s.ok()) {
      return s;
    }
  }
  if (absl::Status s = sink->Write("summary.txt", Summary(scenario, facts, audit, replicates));
      !s.ok()) {
    return s;
  }
  if (absl::Status s = sink->Write("report.html", ReportHtml(scenario, facts, audit, replicates));
      !s.ok()) {
    return s;
  }
  // Last, so that a folder with report.json is a complete one.
  return sink->Write("report.json", ReportJson(scenario, facts, audit, replicates));
}

}  // namespace oversight
