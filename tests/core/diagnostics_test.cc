#include "core/diagnostics.h"

#include <gtest/gtest.h>

namespace oversight {
namespace {

TEST(DiagnosticsTest, FormatsLikeACompilerAndSortsByPosition) {
  Diagnostics d("city.toml");
  EXPECT_TRUE(d.empty());
  EXPECT_TRUE(d.ToStatus().ok());
  d.Error({12, 3}, "second");
  d.Error({2, 9}, "first");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.ToString(),
            "city.toml:2:9: error: first\n"
            "city.toml:12:3: error: second\n");
  EXPECT_EQ(d.ToStatus().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace oversight
