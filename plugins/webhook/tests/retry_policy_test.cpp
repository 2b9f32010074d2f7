#include "webhook/retry_policy.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

const std::vector<std::int64_t> schedule = {1'000, 10'000, 100'000};
constexpr std::int64_t now = 1'700'000'000'000;

attempt_result status(unsigned code) {
  attempt_result result;
  result.status = code;
  return result;
}

TEST(retry_policy, a_2xx_is_delivered) {
  for (unsigned code : {200U, 201U, 204U, 299U}) {
    const auto decision = decide_next_step(status(code), 2, schedule, now, 0.0);
    EXPECT_EQ(decision.step, delivery_step::delivered) << code;
    EXPECT_EQ(decision.attempts, 3);
  }
}

TEST(retry_policy, failures_wait_the_schedule_entry_of_their_attempt) {
  for (unsigned code : {0U, 301U, 302U, 400U, 404U, 500U, 503U}) {
    const auto decision = decide_next_step(status(code), 1, schedule, now, 0.0);
    EXPECT_EQ(decision.step, delivery_step::retry) << code;
    EXPECT_EQ(decision.attempts, 2);
    EXPECT_EQ(decision.next_attempt_ms, now + 10'000) << code;
  }
  EXPECT_EQ(decide_next_step(status(500), 0, schedule, now, 0.0).next_attempt_ms, now + 1'000);
}

TEST(retry_policy, jitter_stays_within_ten_percent) {
  EXPECT_EQ(decide_next_step(status(500), 1, schedule, now, 1.0).next_attempt_ms, now + 11'000);
  EXPECT_EQ(decide_next_step(status(500), 1, schedule, now, -1.0).next_attempt_ms, now + 9'000);
  EXPECT_EQ(decide_next_step(status(500), 1, schedule, now, 7.0).next_attempt_ms, now + 11'000);
}

TEST(retry_policy, the_attempt_after_the_last_wait_is_buried) {
  EXPECT_EQ(decide_next_step(status(500), 2, schedule, now, 0.0).step, delivery_step::retry);
  const auto decision = decide_next_step(status(500), 3, schedule, now, 0.0);
  EXPECT_EQ(decision.step, delivery_step::bury);
  EXPECT_EQ(decision.attempts, 4);
  EXPECT_EQ(decision.last_error, "http 500");
}

TEST(retry_policy, names_the_transport_error) {
  attempt_result refused;
  refused.error = "connect: Connection refused";
  EXPECT_EQ(decide_next_step(refused, 0, schedule, now, 0.0).last_error,
            "connect: Connection refused");
  EXPECT_EQ(decide_next_step(status(302), 0, schedule, now, 0.0).last_error, "http 302");
}

TEST(retry_policy, gone_disables_the_sink_without_spending_an_attempt) {
  const auto decision = decide_next_step(status(410), 2, schedule, now, 0.0);
  EXPECT_EQ(decision.step, delivery_step::disable_sink);
  EXPECT_EQ(decision.attempts, 2);
  EXPECT_EQ(decision.last_error, "http 410");
}

TEST(retry_policy, too_many_requests_waits_retry_after_capped_at_the_longest_wait) {
  attempt_result limited = status(429);
  limited.retry_after_ms = 7'000;
  EXPECT_EQ(decide_next_step(limited, 0, schedule, now, 1.0).next_attempt_ms, now + 7'000);
  limited.retry_after_ms = 1'000'000'000;
  EXPECT_EQ(decide_next_step(limited, 0, schedule, now, 0.0).next_attempt_ms, now + 100'000);
  EXPECT_EQ(decide_next_step(status(429), 1, schedule, now, 0.0).next_attempt_ms, now + 10'000);
  EXPECT_EQ(decide_next_step(limited, 3, schedule, now, 0.0).step, delivery_step::bury);
}

TEST(retry_policy, reads_retry_after_seconds) {
  EXPECT_EQ(parse_retry_after("7", now), 7'000);
  EXPECT_EQ(parse_retry_after(" 0 ", now), 0);
  EXPECT_EQ(parse_retry_after("99999999999999999999", now), std::int64_t{9'999'999'999} * 1000);
}

TEST(retry_policy, reads_retry_after_http_dates) {
  // 2023-11-14T22:13:20Z is `now`.
  EXPECT_EQ(parse_retry_after("Tue, 14 Nov 2023 22:13:30 GMT", now), 10'000);
  EXPECT_EQ(parse_retry_after("Tue, 14 Nov 2023 22:00:00 GMT", now), 0);  // past: now
}

TEST(retry_policy, ignores_retry_after_it_cannot_read) {
  for (const char* bad : {"", "-5", "7.5", "soon", "Tue, 31 Feb 2023 22:13:30 GMT",
                          "Tuesday, 14-Nov-23 22:13:30 GMT", "Tue, 14 Nov 2023 22:13:30 UTC"}) {
    EXPECT_FALSE(parse_retry_after(bad, now).has_value()) << bad;
  }
}

}  // namespace
}  // namespace sentinelle
