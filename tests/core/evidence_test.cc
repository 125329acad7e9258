#include "core/evidence.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace oversight {
namespace {

TEST(EvidenceTest, RuleNamesAreInEvidenceOrder) {
  EXPECT_EQ(kEvidenceCount, 7u);
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kSighting)], "sighting");
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kTicket)], "ticket");
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kCheckIn)], "check_in");
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kCall)], "call");
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kPhoneDark)], "phone_dark");
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kMeter)], "meter");
  EXPECT_EQ(kEvidenceNames[Index(Evidence::kLocation)], "location");
}

TEST(EvidenceTest, ReportNamesAreInStreamOrder) {
  ASSERT_EQ(kEvidenceStreamNames.size(), 9u);
  EXPECT_EQ(kEvidenceStreamNames[Index(EvidenceStream::kSightings)], "sightings");
  EXPECT_EQ(kEvidenceStreamNames[Index(EvidenceStream::kPhonesDark)], "phones_dark");
  EXPECT_EQ(kEvidenceStreamNames[Index(EvidenceStream::kPayments)], "payments");
  EXPECT_EQ(kEvidenceStreamNames[Index(EvidenceStream::kPhoneLocations)], "phone_locations");
  const std::set<std::string_view> distinct(kEvidenceStreamNames.begin(),
                                            kEvidenceStreamNames.end());
  EXPECT_EQ(distinct.size(), kEvidenceStreamCount);
}

TEST(EvidenceTest, EachEvidenceReadsTheStreamThatNamesIt) {
  for (size_t e = 0; e < kEvidenceCount; ++e) {
    const auto evidence = static_cast<Evidence>(e);
    const EvidenceStreamInfo& row = InfoOf(StreamOf(evidence));
    EXPECT_TRUE(row.rules_read);
    EXPECT_EQ(row.evidence, evidence);
    EXPECT_EQ(row.rule_name, kEvidenceNames[e]);
  }
  EXPECT_EQ(StreamOf(Evidence::kCheckIn), EvidenceStream::kHotelRegistrations);
  EXPECT_EQ(StreamOf(Evidence::kCall), EvidenceStream::kCallRecords);
}

TEST(EvidenceTest, PaymentsAndPlateReadsAreCountedButNotReadByRules) {
  size_t unread = 0;
  for (const EvidenceStreamInfo& row : kEvidenceStreams) unread += row.rules_read ? 0 : 1;
  EXPECT_EQ(unread, kEvidenceStreamCount - kEvidenceCount);
  EXPECT_FALSE(InfoOf(EvidenceStream::kPayments).rules_read);
  EXPECT_FALSE(InfoOf(EvidenceStream::kPlateReads).rules_read);
}

TEST(EvidenceTest, SummaryOrderListsEveryStreamOnce) {
  std::set<EvidenceStream> seen(kEvidenceSummaryOrder.begin(), kEvidenceSummaryOrder.end());
  EXPECT_EQ(seen.size(), kEvidenceStreamCount);
  EXPECT_EQ(kEvidenceSummaryOrder.front(), EvidenceStream::kSightings);
  // Phones gone dark come after the meter readings in the summary's words.
  EXPECT_EQ(kEvidenceSummaryOrder[7], EvidenceStream::kPhonesDark);
  for (size_t i = 0; i < kEvidenceSummaryOrder.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(InfoOf(kEvidenceSummaryOrder[i]).summary_position), i);
  }
}

}  // namespace
}  // namespace oversight
