// The token buckets behind the rate limits, on an injected clock: burst, refill, Retry-After,
// the bound on tracked keys and what is forgotten first, and many threads on one bucket.
#include "net/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace sentinelle {
namespace {

using namespace std::chrono_literals;
using clock_type = rate_limiter::clock;

const clock_type::time_point t0 = clock_type::time_point(1h);

int allowed_in_a_row(rate_limiter& limiter, std::uint64_t key, clock_type::time_point now,
                     int attempts = 1000) {
  int allowed = 0;
  while (allowed < attempts && limiter.acquire(key, now).allowed) {
    ++allowed;
  }
  return allowed;
}

TEST(rate_limiter, a_full_bucket_allows_its_burst_then_refuses) {
  rate_limiter limiter({.per_second = 10, .burst = 5}, 1000);
  EXPECT_EQ(allowed_in_a_row(limiter, 1, t0), 5);
  const auto refused = limiter.acquire(1, t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 1s);  // 100 ms away, rounded up to a whole second
}

TEST(rate_limiter, the_bucket_refills_at_the_rate_and_never_beyond_the_burst) {
  rate_limiter limiter({.per_second = 10, .burst = 5}, 1000);
  ASSERT_EQ(allowed_in_a_row(limiter, 1, t0), 5);
  EXPECT_FALSE(limiter.acquire(1, t0 + 99ms).allowed);
  EXPECT_TRUE(limiter.acquire(1, t0 + 100ms).allowed);
  EXPECT_FALSE(limiter.acquire(1, t0 + 100ms).allowed);
  EXPECT_EQ(allowed_in_a_row(limiter, 1, t0 + 400ms), 3);
  EXPECT_EQ(allowed_in_a_row(limiter, 1, t0 + 1h), 5);  // a long rest refills to the burst only
}

TEST(rate_limiter, sustained_traffic_gets_the_rate) {
  rate_limiter limiter({.per_second = 100, .burst = 1}, 1000);
  int allowed = 0;
  for (int ms = 0; ms < 10000; ++ms) {  // one attempt a millisecond for 10 s
    allowed += limiter.acquire(7, t0 + std::chrono::milliseconds(ms)).allowed ? 1 : 0;
  }
  EXPECT_EQ(allowed, 1000);
}

TEST(rate_limiter, retry_after_is_whole_seconds_and_at_least_one) {
  rate_limiter limiter({.per_second = 1, .burst = 1}, 1000);
  ASSERT_TRUE(limiter.acquire(1, t0).allowed);
  EXPECT_EQ(limiter.acquire(1, t0).retry_after, 1s);
  EXPECT_EQ(limiter.acquire(1, t0 + 999ms).retry_after, 1s);  // 1 ms away: still 1
  EXPECT_TRUE(limiter.acquire(1, t0 + 1s).allowed);

  rate_limiter slow({.per_second = 1, .burst = 3}, 1000);
  ASSERT_EQ(allowed_in_a_row(slow, 1, t0), 3);
  EXPECT_EQ(slow.acquire(1, t0).retry_after, 1s);
}

TEST(rate_limiter, keys_have_their_own_buckets) {
  rate_limiter limiter({.per_second = 1, .burst = 2}, 1000);
  EXPECT_EQ(allowed_in_a_row(limiter, 1, t0), 2);
  EXPECT_EQ(allowed_in_a_row(limiter, 2, t0), 2);
  EXPECT_EQ(limiter.tracked(), 2U);
}

TEST(rate_limiter, a_zero_rate_is_unlimited_and_tracks_nothing) {
  rate_limiter limiter({.per_second = 0, .burst = 0}, 1000);
  EXPECT_TRUE(limiter.unlimited());
  EXPECT_EQ(allowed_in_a_row(limiter, 1, t0, 100000), 100000);
  EXPECT_EQ(limiter.tracked(), 0U);
}

TEST(rate_limiter, bad_shapes_are_refused) {
  EXPECT_THROW(rate_limiter({.per_second = 1, .burst = 0}, 10), std::invalid_argument);
  EXPECT_THROW(rate_limiter({.per_second = 1, .burst = 1}, 0), std::invalid_argument);
}

TEST(rate_limiter, a_flood_of_keys_never_holds_more_than_max_keys) {
  rate_limiter limiter({.per_second = 1, .burst = 10}, 1000);
  for (std::uint64_t key = 0; key < 200000; ++key) {
    ASSERT_TRUE(limiter.acquire(key, t0 + std::chrono::microseconds(key)).allowed);
    ASSERT_LE(limiter.tracked(), 1000U) << key;
  }
  EXPECT_GT(limiter.tracked(), 500U);  // evicting keeps most of the table in use
}

TEST(rate_limiter, keys_arriving_at_the_same_instant_do_not_empty_the_table) {
  rate_limiter limiter({.per_second = 10, .burst = 10}, 100, 1);
  for (std::uint64_t key = 0; key < 101; ++key) {
    ASSERT_TRUE(limiter.acquire(key, t0).allowed);
  }
  EXPECT_EQ(limiter.tracked(), 100U - 25U + 1U);  // a quarter made room for the 101st
}

TEST(rate_limiter, full_buckets_are_forgotten_before_busy_ones) {
  rate_limiter limiter({.per_second = 10, .burst = 5}, 100, 1);
  ASSERT_EQ(allowed_in_a_row(limiter, 1000, t0), 5);  // busy: empty until t0 + 100 ms
  for (std::uint64_t key = 0; key < 99; ++key) {
    ASSERT_TRUE(limiter.acquire(key, t0).allowed);  // full again at t0 + 100 ms
  }
  ASSERT_EQ(limiter.tracked(), 100U);
  const auto later = t0 + 200ms;
  for (std::uint64_t key = 2000; key < 2050; ++key) {
    ASSERT_TRUE(limiter.acquire(key, later).allowed);
  }
  EXPECT_EQ(limiter.tracked(), 51U);  // the 99 full buckets went, the busy one stayed
  EXPECT_EQ(allowed_in_a_row(limiter, 1000, later), 2);  // 2 tokens back in 200 ms, not 5
}

TEST(rate_limiter, with_no_full_bucket_the_closest_to_full_go_first) {
  rate_limiter limiter({.per_second = 10, .burst = 10}, 4, 1);
  for (std::uint64_t key = 5; key <= 8; ++key) {  // key k has taken k tokens
    ASSERT_EQ(allowed_in_a_row(limiter, key, t0, static_cast<int>(key)), static_cast<int>(key));
  }
  ASSERT_TRUE(limiter.acquire(9, t0).allowed);
  EXPECT_EQ(limiter.tracked(), 4U);
  EXPECT_EQ(allowed_in_a_row(limiter, 8, t0), 2);   // remembered: 10 - 8 left
  EXPECT_EQ(allowed_in_a_row(limiter, 5, t0), 10);  // forgotten (it had lost the least)
}

TEST(rate_limiter, threads_sharing_a_bucket_get_exactly_its_burst) {
  rate_limiter limiter({.per_second = 1, .burst = 1000}, 100000);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        allowed += limiter.acquire(42, t0).allowed ? 1 : 0;
        (void)limiter.acquire(static_cast<std::uint64_t>((t + 1) * 100000 + i), t0);  // others
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(allowed.load(), 1000);
  EXPECT_EQ(limiter.tracked(), 40001U);
}

TEST(rate_limiter, threads_flooding_keys_stay_within_the_bound) {
  rate_limiter limiter({.per_second = 1, .burst = 5}, 4096);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (std::uint64_t i = 0; i < 50000; ++i) {
        (void)limiter.acquire((static_cast<std::uint64_t>(t) << 32) | i, t0);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_LE(limiter.tracked(), 4096U);
}

}  // namespace
}  // namespace sentinelle
