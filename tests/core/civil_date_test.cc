#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

TEST(CivilDateTest, ParsesBothFormsToTheSameDay) {
  EXPECT_EQ(ParseCivilDay("1970-01-01"), 0);
  EXPECT_EQ(ParseCivilDay("1970-01-02"), 1);
  EXPECT_EQ(ParseCivilDay("2011-01-01"), 14975);
  EXPECT_EQ(ParseCivilDay("01/01/11"), 14975);
  EXPECT_EQ(ParseCivilDay("1/1/2011"), 14975);
  EXPECT_EQ(ParseCivilDay("2012-02-29"), ParseCivilDay("02/29/12"));
  EXPECT_EQ(FormatCivilDay(14975), "2011-01-01");
  EXPECT_EQ(FormatCivilDay(*ParseCivilDay("01/08/12")), "2012-01-08");
}

TEST(CivilDateTest, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "2011", "2011-13-01", "2011-02-29", "2011-1-1", "13/01/11",
                          "01/32/11", "01/01/1", "x1/01/11", "2011-01-01T00:00", "01/01/011"}) {
    EXPECT_FALSE(ParseCivilDay(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace oversight
