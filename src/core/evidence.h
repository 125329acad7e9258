// The kinds of evidence the sensors produce: one table, from which every list of them is
// derived (what a rule's `what` names, what the report counts, the summary's words).
//
// Each row is one stream of the day's evidence: the observation stream (sightings, ticket
// checks: sense/observation.h) or one kind of record (sense/records.h). A stream a rule can
// read is also an `Evidence`, the value of a rule's `what`. The two enumerations keep the
// orders the scenario and the reports have always used (report.json lists the streams in
// table order; the loader's messages list the evidence in `Evidence` order), so the table
// names each row's `Evidence` and the static_asserts below check the two agree.
//
// Adding a stream: an enumerator at the end of EvidenceStream, a row at the end of
// kEvidenceStreams and, if rules read it, an enumerator at the end of Evidence
// (src/README.md, "How to add a sensor").
//
// Thread-safety: constants only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace oversight {

// A stream of evidence, in the order reports count them (RunFacts::observations_by_kind).
enum class EvidenceStream : uint8_t {
  kSightings,           // a camera (or a patrol) recognised a person arriving at a place
  kTicketChecks,        // an ID-checked train ticket purchase
  kCallRecords,         // a carrier's record of a call
  kPhonesDark,          // a carrier's record of a phone going dark
  kPayments,            // an electronic payment
  kHotelRegistrations,  // a hotel registration for the night
  kPlateReads,          // a vehicle's plate read at a road checkpoint
  kMeterReadings,       // a household's daily meter reading
  kPhoneLocations,      // a phone's location over a stay (arrival and departure)
};

// "what": the kind of evidence a rule reads (the streams rules can read, in the order the
// scenario's documentation lists them).
enum class Evidence : uint8_t {
  kSighting,   // a camera recognised a person arriving at a place
  kTicket,     // an ID-checked train ticket purchase
  kCheckIn,    // a hotel registration for the night
  kCall,       // a call record
  kPhoneDark,  // a carrier's record of a phone going dark
  kMeter,      // a household's daily meter reading
  kLocation,   // a phone's location over a stay (arrival and departure), while it is on
};

// One row of the table.
struct EvidenceStreamInfo {
  EvidenceStream stream;
  std::string_view report_name;  // as report.json counts it ("call_records")
  std::string_view words;        // as the summary counts it ("call records")
  int summary_position;          // its place in the summary's list, from 0
  bool rules_read;               // whether a rule's `what` can name it
  Evidence evidence;             // its `what` (when rules_read)
  std::string_view rule_name;    // as a rule's `what` names it (when rules_read)
};

inline constexpr size_t kEvidenceStreamCount = 9;

// The table, indexed by EvidenceStream.
inline constexpr std::array<EvidenceStreamInfo, kEvidenceStreamCount> kEvidenceStreams = {{
    {EvidenceStream::kSightings, "sightings", "camera sightings", 0, true, Evidence::kSighting,
     "sighting"},
    {EvidenceStream::kTicketChecks, "ticket_checks", "ticket checks", 1, true, Evidence::kTicket,
     "ticket"},
    {EvidenceStream::kCallRecords, "call_records", "call records", 2, true, Evidence::kCall,
     "call"},
    {EvidenceStream::kPhonesDark, "phones_dark", "phones gone dark", 7, true, Evidence::kPhoneDark,
     "phone_dark"},
    {EvidenceStream::kPayments, "payments", "payments", 3, false, {}, ""},
    {EvidenceStream::kHotelRegistrations, "hotel_registrations", "hotel registrations", 4, true,
     Evidence::kCheckIn, "check_in"},
    {EvidenceStream::kPlateReads, "plate_reads", "plate reads", 5, false, {}, ""},
    {EvidenceStream::kMeterReadings, "meter_readings", "meter readings", 6, true, Evidence::kMeter,
     "meter"},
    {EvidenceStream::kPhoneLocations, "phone_locations", "phone locations", 8, true,
     Evidence::kLocation, "location"},
}};

constexpr size_t Index(EvidenceStream stream) { return static_cast<size_t>(stream); }
constexpr size_t Index(Evidence evidence) { return static_cast<size_t>(evidence); }

namespace evidence_internal {

constexpr size_t CountRead() {
  size_t n = 0;
  for (const EvidenceStreamInfo& row : kEvidenceStreams) n += row.rules_read ? 1 : 0;
  return n;
}

}  // namespace evidence_internal

// The kinds a rule's `what` can name.
inline constexpr size_t kEvidenceCount = evidence_internal::CountRead();

namespace evidence_internal {

constexpr std::array<EvidenceStream, kEvidenceCount> StreamsOfEvidence() {
  std::array<EvidenceStream, kEvidenceCount> streams{};
  for (const EvidenceStreamInfo& row : kEvidenceStreams) {
    if (row.rules_read) streams[Index(row.evidence)] = row.stream;
  }
  return streams;
}

constexpr std::array<std::string_view, kEvidenceCount> EvidenceNames() {
  std::array<std::string_view, kEvidenceCount> names{};
  for (const EvidenceStreamInfo& row : kEvidenceStreams) {
    if (row.rules_read) names[Index(row.evidence)] = row.rule_name;
  }
  return names;
}

constexpr std::array<std::string_view, kEvidenceStreamCount> StreamNames() {
  std::array<std::string_view, kEvidenceStreamCount> names{};
  for (size_t s = 0; s < kEvidenceStreamCount; ++s) names[s] = kEvidenceStreams[s].report_name;
  return names;
}

constexpr std::array<EvidenceStream, kEvidenceStreamCount> SummaryOrder() {
  std::array<EvidenceStream, kEvidenceStreamCount> order{};
  for (const EvidenceStreamInfo& row : kEvidenceStreams) {
    order[static_cast<size_t>(row.summary_position)] = row.stream;
  }
  return order;
}

// Every row sits at its stream's index, every Evidence is read from exactly one stream and
// every summary position is taken once.
constexpr bool TableIsConsistent() {
  std::array<int, kEvidenceCount> evidence_rows{};
  std::array<int, kEvidenceStreamCount> summary_rows{};
  for (size_t s = 0; s < kEvidenceStreamCount; ++s) {
    const EvidenceStreamInfo& row = kEvidenceStreams[s];
    if (Index(row.stream) != s || row.report_name.empty() || row.words.empty()) return false;
    if (row.summary_position < 0 ||
        static_cast<size_t>(row.summary_position) >= kEvidenceStreamCount) {
      return false;
    }
    ++summary_rows[static_cast<size_t>(row.summary_position)];
    if (!row.rules_read) continue;
    if (Index(row.evidence) >= kEvidenceCount || row.rule_name.empty()) return false;
    ++evidence_rows[Index(row.evidence)];
  }
  for (int n : evidence_rows) {
    if (n != 1) return false;
  }
  for (int n : summary_rows) {
    if (n != 1) return false;
  }
  return true;
}

}  // namespace evidence_internal

static_assert(evidence_internal::TableIsConsistent(),
              "kEvidenceStreams: a row out of place, an Evidence without exactly one stream, or "
              "a summary position taken twice");
static_assert(Index(EvidenceStream::kPhoneLocations) + 1 == kEvidenceStreamCount,
              "a stream without a row in kEvidenceStreams");
static_assert(Index(Evidence::kLocation) + 1 == kEvidenceCount,
              "an Evidence without a readable row in kEvidenceStreams");

// What a rule's `what` names, in Evidence order ("sighting", "ticket", ...).
inline constexpr std::array<std::string_view, kEvidenceCount> kEvidenceNames =
    evidence_internal::EvidenceNames();
// What the reports count, in EvidenceStream order ("sightings", "ticket_checks", ...).
inline constexpr std::array<std::string_view, kEvidenceStreamCount> kEvidenceStreamNames =
    evidence_internal::StreamNames();
// The streams in the order the summary lists them.
inline constexpr std::array<EvidenceStream, kEvidenceStreamCount> kEvidenceSummaryOrder =
    evidence_internal::SummaryOrder();
inline constexpr std::array<EvidenceStream, kEvidenceCount> kStreamOfEvidence =
    evidence_internal::StreamsOfEvidence();

// The stream a rule reading `evidence` reads.
constexpr EvidenceStream StreamOf(Evidence evidence) { return kStreamOfEvidence[Index(evidence)]; }
constexpr const EvidenceStreamInfo& InfoOf(EvidenceStream stream) {
  return kEvidenceStreams[Index(stream)];
}

// Counts per stream (over a day or a run), indexed by EvidenceStream.
using EvidenceCounts = std::array<uint64_t, kEvidenceStreamCount>;

}  // namespace oversight
