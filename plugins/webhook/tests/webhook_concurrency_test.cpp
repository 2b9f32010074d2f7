// A receiver that hangs holds only its own slots; max_in_flight bounds them; stop() is prompt.
#include <gtest/gtest.h>

#include <chrono>

#include "worker_harness.hpp"

namespace sentinelle::testing {
namespace {

receiver_reply hang_on(const received_request& request, std::string_view alert_id) {
  const bool hang = request.body.find(alert_id) != std::string::npos;
  return receiver_reply{200, {}, hang};
}

TEST(concurrency, a_hung_request_times_out_while_others_are_delivered) {
  test_receiver receiver([](const received_request& r) { return hang_on(r, "al-hung"); });
  auto sink = test_sink("crm", receiver.url());
  sink.timeout_ms = 1'500;
  sink.retry_schedule_ms = {60'000};
  worker_harness harness({sink});
  const auto hung = harness.store().add("crm", "al-hung");
  std::vector<std::int64_t> others;
  for (const char* alert : {"al-2", "al-3", "al-4"}) {
    others.push_back(harness.store().add("crm", alert));
  }
  const auto started = std::chrono::steady_clock::now();
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] {
    return std::all_of(others.begin(), others.end(),
                       [&](auto id) { return harness.store().delivered(id); });
  }));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1'000ms);
  EXPECT_TRUE(harness.store().reschedules(hung).empty()) << "still in flight";

  ASSERT_TRUE(wait_until([&] { return !harness.store().reschedules(hung).empty(); }));
  EXPECT_GE(std::chrono::steady_clock::now() - started, 1'400ms);
  const auto retry = harness.store().reschedules(hung)[0];
  EXPECT_EQ(retry.last_error, "timeout");
  EXPECT_EQ(retry.attempts, 1);
}

TEST(concurrency, max_in_flight_bounds_the_attempts_to_one_sink) {
  test_receiver receiver([](const received_request&) { return receiver_reply{200, {}, true}; });
  auto sink = test_sink("crm", receiver.url());
  sink.timeout_ms = 300;
  sink.max_in_flight = 2;
  sink.retry_schedule_ms = {60'000};
  worker_harness harness({sink});
  for (int i = 0; i < 5; ++i) {
    harness.store().add("crm", "al-" + std::to_string(i));
  }
  harness.worker().start();

  std::uint64_t most_in_flight = 0;
  ASSERT_TRUE(wait_until([&] {
    most_in_flight = std::max(most_in_flight, harness.worker().stats().in_flight);
    return receiver.requests().size() == 5;
  }));
  EXPECT_LE(most_in_flight, 2U);
  const auto requests = receiver.requests();
  // The third attempt could only start once one of the first two had timed out.
  EXPECT_GE(requests[2].received_at_ms - requests[0].received_at_ms, 250);
  EXPECT_GE(requests[4].received_at_ms - requests[0].received_at_ms, 550);
}

TEST(concurrency, stop_aborts_hung_attempts_after_its_grace_and_requeues_them) {
  test_receiver receiver([](const received_request&) { return receiver_reply{200, {}, true}; });
  auto sink = test_sink("crm", receiver.url());
  sink.timeout_ms = 10'000;
  webhook_worker_options options;
  options.stop_grace_ms = 200;
  worker_harness harness({sink}, test_payload, options);
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();
  ASSERT_TRUE(wait_until([&] { return receiver.requests().size() == 1; }));

  const auto stopping = std::chrono::steady_clock::now();
  harness.worker().stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 1'000ms);
  const auto retries = harness.store().reschedules(id);
  ASSERT_EQ(retries.size(), 1U);
  EXPECT_EQ(retries[0].attempts, 0);  // cut off by the stop: not counted against the sink
  EXPECT_LE(retries[0].next_attempt_ms, retries[0].called_at_ms);
  EXPECT_EQ(harness.worker().stats().in_flight, 0U);
  EXPECT_EQ(harness.worker().stats().failed_attempts, 0U);
}

TEST(concurrency, notify_wakes_the_worker_before_its_next_poll) {
  test_receiver receiver([](const received_request&) { return receiver_reply{}; });
  webhook_worker_options options;
  options.poll_interval_ms = 10'000;
  worker_harness harness({test_sink("crm", receiver.url())}, test_payload, options);
  harness.worker().start();
  ASSERT_TRUE(wait_until([&] { return harness.store().claim_calls() >= 1; }));

  const auto id = harness.store().add("crm", "al-1");
  harness.worker().notify();
  EXPECT_TRUE(wait_until([&] { return harness.store().delivered(id); }, 2s));
}

}  // namespace
}  // namespace sentinelle::testing
