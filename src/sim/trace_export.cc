// Design: each CSV file is appended to through a 1 MiB buffer (fmt formats straight into
// it), so a 500,000-person month (tens of millions of rows) streams to disk at the speed
// of formatting. Doubles and floats are written in their shortest round-trip form, so a
// reader gets the very values the rules compared. List membership is written as intervals
// [from_day, until_day) rather than once per day: most members stay on all month.
#include "sim/trace_export.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "core/version.h"
#include "scenario/operator_registry.h"
#include "world/daily_life.h"

namespace oversight {

namespace {

// The per-day streams, in files_ order.
enum Stream : size_t {
  kSightings,
  kTickets,
  kCheckIns,
  kCalls,
  kDark,
  kLocations,
  kMeters,
  kAlerts,
  kStreamCount
};

struct StreamFile {
  const char* name;
  const char* header;
};
constexpr StreamFile kStreams[kStreamCount] = {
    {"sightings.csv", "time,place,person"},
    {"tickets.csv", "time,station,person,destination"},
    {"check_ins.csv", "time,person,hotel"},
    {"calls.csv", "time,caller,number"},
    {"dark.csv", "since,person"},
    {"locations.csv", "person,place,enter,leave"},
    {"meters.csv", "day,household,registered,water_l"},
    {"alerts.csv", "day,time,rule,person,suppressed"},
};

std::string_view DayKindName(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday:
      return "workday";
    case DayKind::kWeekend:
      return "weekend";
    case DayKind::kHoliday:
      return "holiday";
  }
  return "workday";
}

nlohmann::json PlaceTypes(uint32_t bits) {
  nlohmann::json types = nlohmann::json::array();
  for (size_t t = 0; t < kPlaceTypeCount; ++t) {
    if ((bits >> t & 1u) != 0) types.push_back(kPlaceTypeNames[t]);
  }
  return types;
}

// A rule's slots, as the loader resolved them (defaults filled in).
nlohmann::json RuleJson(const RuleOptions& rule, size_t index, const PolicyOptions& policy) {
  auto list_name = [&](uint32_t who) -> std::string {
    return who == kEveryone ? "anyone" : policy.lists[who].name;
  };
  nlohmann::json j;
  j["index"] = index;
  j["id"] = rule.id;
  j["operator"] = rule.OperatorName();
  j["who"] = list_name(rule.who);
  if (rule.IsScore()) return j;  // scores read every record: not a stream rule
  j["what"] = kEvidenceNames[static_cast<size_t>(rule.what)];
  const WhereOptions& where = rule.where;
  j["where"] = {{"at", PlaceTypes(where.at)},
                {"near", PlaceTypes(where.near)},
                {"near_m", where.near_m},
                {"nearby_m", where.nearby_m},
                {"away_from_home", where.away_from_home},
                {"to", kDestinationNames[static_cast<size_t>(where.to)]},
                {"out_of_town", where.out_of_town}};
  j["when"] = {{"from_hour", rule.when.from_hour},
               {"to_hour", rule.when.to_hour},
               {"days", kDayFilterNames[static_cast<size_t>(rule.when.days)]}};
  TraceRuleSlots how;  // the operator's parameters over the defaults
  if (rule.op->export_slots != nullptr) rule.op->export_slots(rule, &how);
  j["how_often"] = {{"at_least", how.at_least},
                    {"within_days", how.within_days},
                    {"new_after_days", how.new_after_days},
                    {"distinct_companions", how.distinct_companions},
                    {"dwell_minutes", how.dwell_minutes},
                    {"total_minutes", how.total_minutes},
                    {"times_norm", how.times_norm},
                    {"together_below", how.together_below}};
  j["with"] = {{"present", how.with_present},
               {"who", list_name(how.with_who)},
               {"at_least", how.with_at_least},
               {"within_minutes", how.with_within_minutes},
               {"spouse", how.with_spouse}};
  j["then"] = {{"present", how.then_present},
               {"what", kEvidenceNames[static_cast<size_t>(how.then_what)]},
               {"to", kDestinationNames[static_cast<size_t>(how.then_to)]},
               {"within_hours", how.then_within_hours}};
  return j;
}

}  // namespace

// One CSV file written through a buffer; the first error sticks.
class TraceExport::CsvFile {
 public:
  static absl::StatusOr<std::unique_ptr<CsvFile>> Open(const std::filesystem::path& path,
                                                       std::string_view header) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
      return absl::PermissionDeniedError(fmt::format("cannot create '{}'", path.string()));
    }
    auto csv = std::unique_ptr<CsvFile>(new CsvFile(path, file));
    csv->Row("{}", header);
    return csv;
  }
  ~CsvFile() {
    if (file_ != nullptr) std::fclose(file_);
  }

  template <typename... Args>
  void Row(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    buffer_.push_back('\n');
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  void Append(std::string_view rows) {
    buffer_.append(rows);
    Flush();
  }

  absl::Status Close() {
    Flush();
    if (file_ != nullptr && std::fclose(file_) != 0) ok_ = false;
    file_ = nullptr;
    if (!ok_) return absl::DataLossError(fmt::format("cannot write '{}'", path_.string()));
    return absl::OkStatus();
  }

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 20;

  CsvFile(std::filesystem::path path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  void Flush() {
    if (file_ != nullptr && buffer_.size() > 0 &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      ok_ = false;
    }
    buffer_.clear();
  }

  std::filesystem::path path_;
  std::FILE* file_;
  fmt::memory_buffer buffer_;
  bool ok_ = true;
};

TraceExport::TraceExport(std::unique_ptr<DirectoryOutput> output) : output_(std::move(output)) {}

TraceExport::~TraceExport() {
  files_.clear();  // closes the files before the folder goes
}

absl::StatusOr<std::unique_ptr<TraceExport>> TraceExport::Create(const std::filesystem::path& dir) {
  absl::StatusOr<std::unique_ptr<DirectoryOutput>> output =
      DirectoryOutput::Create(dir, "trace.json");
  if (!output.ok()) return output.status();
  auto trace = std::unique_ptr<TraceExport>(new TraceExport(*std::move(output)));
  for (const StreamFile& stream : kStreams) {
    absl::StatusOr<std::unique_ptr<CsvFile>> file =
        CsvFile::Open(trace->output_->temp_path() / stream.name, stream.header);
    if (!file.ok()) return file.status();
    trace->files_.push_back(*std::move(file));
  }
  return trace;
}

absl::Status TraceExport::Start(const Simulation& simulation) {
  const Scenario& scenario = simulation.scenario();
  const Watchlists& lists = simulation.rules().watchlists();
  days_ = scenario.days;
  lists_ = scenario.policy.lists.size();
  const size_t persons = simulation.world().records().person_count();
  membership_.resize(persons);
  since_.assign(lists_, std::vector<int32_t>(persons, 0));
  for (size_t p = 0; p < persons; ++p) {
    membership_[p] = lists.Membership(PersonId(static_cast<uint32_t>(p)));
  }
  return WriteStatic(simulation);
}

template <typename Rows>
absl::Status TraceExport::WriteTable(const char* name, std::string_view header, const Rows& rows) {
  absl::StatusOr<std::unique_ptr<CsvFile>> file =
      CsvFile::Open(output_->temp_path() / name, header);
  if (!file.ok()) return file.status();
  rows(**file);
  return (*file)->Close();
}

absl::Status TraceExport::WriteStatic(const Simulation& simulation) {
  const Scenario& scenario = simulation.scenario();
  const RecordsView& records = simulation.world().records();
  const City& city = records.city();
  const Watchlists& lists = simulation.rules().watchlists();
  const auto persons = static_cast<uint32_t>(records.person_count());

  absl::Status status = WriteTable("places.csv", "place,type,x,y,parent", [&](CsvFile& out) {
    for (size_t p = 0; p < city.place_count(); ++p) {
      const Place& place = city.places()[p];
      if (place.parent.valid()) {
        out.Row("{},{},{},{},{}", p, Name(place.type), place.x, place.y, place.parent.value);
      } else {
        out.Row("{},{},{},{},", p, Name(place.type), place.x, place.y);
      }
    }
  });
  if (status.ok()) {
    status = WriteTable("persons.csv", "person,household,home,spouse", [&](CsvFile& out) {
      for (uint32_t p = 0; p < persons; ++p) {
        const PersonId person(p);
        const PersonId spouse = records.spouse(person);
        const uint32_t household = records.household(person).value;
        if (spouse.valid()) {
          out.Row("{},{},{},{}", p, household, records.home(person).value, spouse.value);
        } else {
          out.Row("{},{},{},", p, household, records.home(person).value);
        }
      }
    });
  }
  if (status.ok()) {
    status = WriteTable("households.csv", "household,holder", [&](CsvFile& out) {
      for (size_t h = 0; h < records.household_count(); ++h) {
        out.Row("{},{}", h, records.account_holder(HouseholdId(static_cast<uint32_t>(h))).value);
      }
    });
  }
  if (status.ok()) {
    status = WriteTable("days.csv", "day,kind", [&](CsvFile& out) {
      for (Day d = 0; d < scenario.days; ++d) {
        const HolidayOptions* holiday = nullptr;
        out.Row("{},{}", d, DayKindName(KindOfDay(scenario.world.calendar, d, &holiday)));
      }
    });
  }
  if (status.ok()) {
    status = WriteTable("red_list.csv", "person", [&](CsvFile& out) {
      for (uint32_t p = 0; p < persons; ++p) {
        if (lists.Exempt(PersonId(p))) out.Row("{}", p);
      }
    });
  }
  if (!status.ok()) return status;
  return WriteManifest(simulation);
}

// trace.json: what the tables hold, the lists and every rule's slots.
absl::Status TraceExport::WriteManifest(const Simulation& simulation) {
  const Scenario& scenario = simulation.scenario();
  const RecordsView& records = simulation.world().records();
  const City& city = records.city();
  const PolicyOptions& policy = scenario.policy;
  nlohmann::json manifest;
  manifest["format"] = 1;
  manifest["oversight"] = kVersion;
  manifest["synthetic"] = true;
  manifest["scenario"] = scenario.name;
  manifest["seed"] = scenario.seed;
  manifest["days"] = scenario.days;
  manifest["persons"] = records.person_count();
  manifest["minutes_per_day"] = kMinutesPerDay;
  const std::vector<PlaceId>& capital = city.PlacesOfType(PlaceType::kCapital);
  const std::vector<PlaceId>& out_of_town = city.PlacesOfType(PlaceType::kOutOfTown);
  destination_[0] = capital.empty() ? -1 : static_cast<int64_t>(capital.front().value);
  destination_[1] = out_of_town.empty() ? -1 : static_cast<int64_t>(out_of_town.front().value);
  manifest["capital"] = capital.empty() ? -1 : static_cast<int64_t>(capital.front().value);
  manifest["out_of_town_numbers_from"] = 2 * records.person_count();
  manifest["lists"] = nlohmann::json::array();
  for (size_t l = 0; l < policy.lists.size(); ++l) {
    manifest["lists"].push_back({{"index", l}, {"name", policy.lists[l].name}});
  }
  manifest["rules"] = nlohmann::json::array();
  for (size_t r = 0; r < policy.rules.size(); ++r) {
    manifest["rules"].push_back(RuleJson(policy.rules[r], r, policy));
  }
  return output_->Write("trace.json", manifest.dump(2) + "\n");
}

void TraceExport::Record(const DayView& view) {
  const Day day = view.day;
  for (const Observation& o : view.observations) {
    if (o.kind == ObservationKind::kSighting) {
      File(kSightings).Row("{},{},{}", o.time, o.place.value, o.person.value);
    } else {
      File(kTickets).Row("{},{},{},{}", o.time, o.place.value, o.person.value,
                         destination_[o.detail == kTicketToCapital ? 0 : 1]);
    }
  }
  const DayRecords& records = view.records;
  for (const CheckInRecord& c : records.check_ins) {
    File(kCheckIns).Row("{},{},{}", c.time, c.person.value, c.hotel.value);
  }
  for (const CallRecord& c : records.calls) {
    File(kCalls).Row("{},{},{}", c.time, c.caller.value, c.to);
  }
  for (const DarkRecord& d : records.dark) File(kDark).Row("{},{}", d.since, d.person.value);
  for (const LocationRecord& l : records.locations) {
    File(kLocations).Row("{},{},{},{}", l.person.value, l.place.value, l.enter, l.leave);
  }
  for (const MeterRecord& m : records.meters) {
    File(kMeters).Row("{},{},{},{}", day, m.household.value, m.registered, m.water_l);
  }
  auto alerts = [&](const std::vector<Alert>& list, int suppressed) {
    for (const Alert& a : list) {
      File(kAlerts).Row("{},{},{},{},{}", day, a.time, a.rule.value, a.person.value, suppressed);
    }
  };
  alerts(view.alerts, 0);
  alerts(view.suppressed, 1);

  // The lists after today count from tomorrow.
  for (size_t p = 0; p < membership_.size(); ++p) {
    const uint32_t now = view.lists.Membership(PersonId(static_cast<uint32_t>(p)));
    const uint32_t changed = now ^ membership_[p];
    if (changed == 0) continue;
    for (size_t l = 0; l < lists_; ++l) {
      if ((changed >> l & 1u) == 0) continue;
      if ((now >> l & 1u) != 0) {
        since_[l][p] = day + 1;
      } else {
        fmt::format_to(std::back_inserter(members_), "{},{},{},{}\n", l, p, since_[l][p], day + 1);
      }
    }
    membership_[p] = now;
  }
}

absl::Status TraceExport::WriteMembers() {
  return WriteTable("list_members.csv", "list,person,from_day,until_day", [&](CsvFile& out) {
    out.Append(members_);  // memberships that ended during the run
    for (size_t l = 0; l < lists_; ++l) {
      for (size_t p = 0; p < membership_.size(); ++p) {
        if ((membership_[p] >> l & 1u) != 0) out.Row("{},{},{},{}", l, p, since_[l][p], days_);
      }
    }
  });
}

absl::Status TraceExport::Commit() {
  absl::Status status = WriteMembers();
  for (const std::unique_ptr<CsvFile>& file : files_) {
    absl::Status closed = file->Close();
    if (status.ok()) status = closed;
  }
  if (!status.ok()) return status;
  return output_->Commit();
}

void TraceExport::Abandon() {
  files_.clear();
  output_->Abandon();
}

}  // namespace oversight
