#include "sense/records.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

BlockRecords SomeRecords() {
  BlockRecords block;
  block.calls.push_back(CallRecord{600, PersonId(1), 10, 20});
  block.calls.push_back(CallRecord{700, PersonId(2), 11, 21});
  block.dark.push_back(DarkRecord{800, PersonId(3)});
  block.check_ins.push_back(CheckInRecord{900, PersonId(4), PlaceId(5)});
  block.meters.push_back(MeterRecord{HouseholdId(6), 2, 100.0f, 5.0f});
  block.locations.push_back(LocationRecord{PersonId(7), PlaceId(8), 60, 120});
  block.unkept[Index(EvidenceStream::kPayments)] = 3;
  block.unkept[Index(EvidenceStream::kPlateReads)] = 1;
  return block;
}

TEST(RecordsTest, EachRecordTypeNamesItsStream) {
  EXPECT_EQ(CallRecord::kStream, EvidenceStream::kCallRecords);
  EXPECT_EQ(DarkRecord::kStream, EvidenceStream::kPhonesDark);
  EXPECT_EQ(PaymentRecord::kStream, EvidenceStream::kPayments);
  EXPECT_EQ(CheckInRecord::kStream, EvidenceStream::kHotelRegistrations);
  EXPECT_EQ(PlateRecord::kStream, EvidenceStream::kPlateReads);
  EXPECT_EQ(MeterRecord::kStream, EvidenceStream::kMeterReadings);
  EXPECT_EQ(LocationRecord::kStream, EvidenceStream::kPhoneLocations);
}

TEST(RecordsTest, DayCountsEachStreamKeptOrNot) {
  const BlockRecords block = SomeRecords();
  DayRecords day;
  day.Add(block);
  day.Add(block);
  EXPECT_EQ(day.count(EvidenceStream::kCallRecords), 4u);
  EXPECT_EQ(day.count(EvidenceStream::kPhonesDark), 2u);
  EXPECT_EQ(day.count(EvidenceStream::kPayments), 6u);
  EXPECT_EQ(day.count(EvidenceStream::kPlateReads), 2u);
  EXPECT_EQ(day.count(EvidenceStream::kSightings), 0u);  // observations, not records
  EXPECT_EQ(day.size(), 2u * (2 + 1 + 1 + 1 + 1 + 3 + 1));
  EvidenceCounts counts{};
  counts[Index(EvidenceStream::kSightings)] = 5;
  day.AddCounts(&counts);
  EXPECT_EQ(counts[Index(EvidenceStream::kSightings)], 5u);
  uint64_t total = 0;
  for (size_t s = 0; s < kEvidenceStreamCount; ++s) {
    if (s != Index(EvidenceStream::kSightings)) {
      EXPECT_EQ(counts[s], day.count(static_cast<EvidenceStream>(s))) << kEvidenceStreamNames[s];
    }
    total += counts[s];
  }
  EXPECT_EQ(total, day.size() + 5);
}

TEST(RecordsTest, DayViewsTheBlocksInOrder) {
  BlockRecords first = SomeRecords();
  BlockRecords second;
  second.calls.push_back(CallRecord{100, PersonId(9), 1, 2});
  DayRecords day(first);
  day.Add(second);
  std::vector<uint32_t> callers;
  for (const CallRecord& c : day.calls) callers.push_back(c.caller.value);
  EXPECT_EQ(callers, (std::vector<uint32_t>{1, 2, 9}));
  EXPECT_EQ(&*day.meters.begin(), &first.meters[0]);  // a view, not a copy
}

TEST(RecordsTest, ClearEmptiesEveryKind) {
  BlockRecords block = SomeRecords();
  block.ClearForDay();
  DayRecords day(block);
  EXPECT_EQ(day.size(), 0u);
  EXPECT_TRUE(block.calls.empty());
  EXPECT_TRUE(block.locations.empty());
  // The most each kind has held, for the room kept.
  EXPECT_EQ(block.most[Index(EvidenceStream::kCallRecords)], 2u);
  EXPECT_EQ(block.most[Index(EvidenceStream::kPhonesDark)], 1u);
  const BlockRecords again = SomeRecords();
  DayRecords full(again);
  full.Clear();
  EXPECT_EQ(full.size(), 0u);
  EXPECT_TRUE(full.calls.empty());
}

}  // namespace
}  // namespace oversight
