#include "storage/time_keys.hpp"

#include <gtest/gtest.h>

#include "storage/rollup.hpp"

namespace sentinelle {
namespace {

// Days since 1970-01-01 (checked against Python's date.isocalendar()).
constexpr std::int64_t nov_20_2026 = 20777;  // a Friday

TEST(TimeKeys, DaysAndMonths) {
  EXPECT_EQ(time_bucket_key(nov_20_2026, time_bucket::day), "2026-11-20");
  EXPECT_EQ(time_bucket_key(nov_20_2026, time_bucket::month), "2026-11");
  EXPECT_EQ(time_bucket_key(0, time_bucket::day), "1970-01-01");
  EXPECT_EQ(time_bucket_key(-1, time_bucket::day), "1969-12-31");
}

TEST(TimeKeys, IsoWeeksTakeTheYearOfTheirThursday) {
  EXPECT_EQ(time_bucket_key(nov_20_2026, time_bucket::week), "2026-W47");
  EXPECT_EQ(time_bucket_key(20780, time_bucket::week), "2026-W48");  // Monday 2026-11-23
  EXPECT_EQ(time_bucket_key(20815, time_bucket::week), "2026-W53");  // Monday 2026-12-28
  EXPECT_EQ(time_bucket_key(20819, time_bucket::week), "2026-W53");  // Friday 2027-01-01
  EXPECT_EQ(time_bucket_key(20822, time_bucket::week), "2027-W01");  // Monday 2027-01-04
  EXPECT_EQ(time_bucket_key(20087, time_bucket::week), "2025-W01");  // Monday 2024-12-30
  EXPECT_EQ(time_bucket_key(18630, time_bucket::week), "2020-W53");  // Sunday 2021-01-03
  EXPECT_EQ(time_bucket_key(-1, time_bucket::week), "1970-W01");     // Wednesday 1969-12-31
}

TEST(TimeKeys, HoursRoundTowardsMinusInfinity) {
  EXPECT_EQ(hour_of(0), 0);
  EXPECT_EQ(hour_of(ms_per_hour - 1), 0);
  EXPECT_EQ(hour_of(-1), -1);
  EXPECT_EQ(ceil_div(1, ms_per_hour), 1);
  EXPECT_EQ(ceil_div(ms_per_hour, ms_per_hour), 1);
  EXPECT_EQ(ceil_div(-1, ms_per_hour), 0);
}

}  // namespace
}  // namespace sentinelle
