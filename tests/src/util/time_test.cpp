#include "util/time.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

TEST(Time, ParsesRfc3339WithOffsetsAndFractions) {
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_rfc3339("1970-01-01T01:00:00+01:00"), 0);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01.5Z"), 1500);
  EXPECT_EQ(parse_rfc3339("2026-11-20T14:03:00+01:00"), parse_rfc3339("2026-11-20T13:03:00Z"));
  EXPECT_EQ(*parse_rfc3339("2026-11-20T13:03:00.250Z") % 1000, 250);
}

TEST(Time, RejectsWhatIsNotRfc3339) {
  EXPECT_FALSE(parse_rfc3339("2026-11-20"));
  EXPECT_FALSE(parse_rfc3339("2026-11-20T25:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-11-20T10:00:00"));  // no zone
  EXPECT_FALSE(parse_rfc3339("2026-11-20T10:00:00+1:00"));
  EXPECT_FALSE(parse_rfc3339("hier"));
}

TEST(Time, ParsesDatesAndFormatsBack) {
  EXPECT_EQ(parse_date("1970-01-02"), 86400000);
  EXPECT_FALSE(parse_date("1970-01-02T00:00:00Z"));
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2026-11-20T14:03:00.250+01:00")),
            "2026-11-20T13:03:00.250Z");
}

}  // namespace
}  // namespace sentinelle
