// The worker against a real local receiver: what each answer does to the outbox.
#include <gtest/gtest.h>

#include <atomic>

#include "util/time.hpp"
#include "worker_harness.hpp"

namespace sentinelle::testing {
namespace {

receiver_reply reply(unsigned status,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
  return receiver_reply{status, std::move(headers), false};
}

TEST(delivery, retries_a_500_then_delivers_signed_requests) {
  std::atomic<int> calls{0};
  test_receiver receiver([&](const received_request&) { return reply(++calls == 1 ? 500 : 200); });
  worker_harness harness({test_sink("crm", receiver.url())});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return harness.store().delivered(id); }));
  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 2U);
  for (const received_request& request : requests) {
    EXPECT_EQ(verify_received(request), signature_check::ok);
    EXPECT_EQ(request.target, "/hooks/alerts");
    EXPECT_EQ(request.header("content-type"), "application/json");
    EXPECT_EQ(request.header("user-agent"), "sentinelle/test");
    EXPECT_EQ(request.header("webhook-id"), "msg_" + std::to_string(id));
    EXPECT_EQ(request.body, test_payload("al-1"));
  }
  const auto retries = harness.store().reschedules(id);
  ASSERT_EQ(retries.size(), 1U);
  EXPECT_EQ(retries[0].attempts, 1);
  EXPECT_EQ(retries[0].last_error, "http 500");
  EXPECT_NEAR(static_cast<double>(retries[0].next_attempt_ms - retries[0].called_at_ms), 50, 10);
  ASSERT_TRUE(wait_until([&] { return harness.worker().stats().in_flight == 0; }));
  const auto stats = harness.worker().stats();
  EXPECT_EQ(stats.delivered, 1U);
  EXPECT_EQ(stats.failed_attempts, 1U);
  EXPECT_TRUE(harness.logged("webhook_failed"));
  EXPECT_TRUE(harness.logged("webhook_delivered"));
}

TEST(delivery, never_logs_the_payload_or_the_secret) {
  test_receiver receiver([](const received_request&) { return reply(503); });
  worker_harness harness({test_sink("crm", receiver.url())});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();
  ASSERT_TRUE(wait_until([&] { return harness.store().dead(id).has_value(); }));
  harness.worker().stop();
  for (const std::string& line : harness.log_lines()) {
    EXPECT_EQ(line.find("churn_risk"), std::string::npos) << line;
    EXPECT_EQ(line.find("MfKQ9r8G"), std::string::npos) << line;
    EXPECT_EQ(line.find("v1,"), std::string::npos) << line;
  }
}

TEST(delivery, a_redirect_is_a_failure_and_is_not_followed) {
  test_receiver receiver([](const received_request&) {
    return reply(302, {{"Location", "/elsewhere"}});
  });
  auto sink = test_sink("crm", receiver.url());
  sink.retry_schedule_ms = {60'000};
  worker_harness harness({sink});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return !harness.store().reschedules(id).empty(); }));
  EXPECT_EQ(harness.store().reschedules(id)[0].last_error, "http 302");
  EXPECT_EQ(harness.store().pending(id)->attempts, 1);
  harness.worker().stop();
  ASSERT_EQ(receiver.requests().size(), 1U);
  EXPECT_EQ(receiver.requests()[0].target, "/hooks/alerts");
}

TEST(delivery, gone_disables_the_sink_and_keeps_the_row) {
  test_receiver receiver([](const received_request&) { return reply(410); });
  worker_harness harness({test_sink("crm", receiver.url())});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return !harness.store().disable_calls().empty(); }));
  harness.worker().stop();
  EXPECT_EQ(harness.store().disable_calls(), std::vector<std::string>{"crm"});
  const auto row = harness.store().pending(id);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->attempts, 0);  // the sink's fault, not the delivery's
  EXPECT_FALSE(harness.store().dead(id).has_value());
  EXPECT_EQ(receiver.requests().size(), 1U);
  EXPECT_TRUE(harness.logged("webhook_sink_disabled"));
}

TEST(delivery, too_many_requests_waits_the_retry_after_it_was_given) {
  test_receiver receiver([](const received_request&) {
    return reply(429, {{"Retry-After", "7"}});
  });
  auto sink = test_sink("crm", receiver.url());
  sink.retry_schedule_ms = {50, 60'000};
  worker_harness harness({sink});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return !harness.store().reschedules(id).empty(); }));
  const auto retry = harness.store().reschedules(id)[0];
  EXPECT_EQ(retry.last_error, "http 429");
  EXPECT_NEAR(static_cast<double>(retry.next_attempt_ms - retry.called_at_ms), 7'000, 50);
}

TEST(delivery, an_unreachable_port_is_rescheduled) {
  auto sink = test_sink("crm", "http://127.0.0.1:" + std::to_string(unused_port()) + "/h");
  sink.retry_schedule_ms = {60'000};
  worker_harness harness({sink});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return !harness.store().reschedules(id).empty(); }));
  const auto retry = harness.store().reschedules(id)[0];
  EXPECT_EQ(retry.attempts, 1);
  EXPECT_EQ(retry.last_error.rfind("connect: ", 0), 0U) << retry.last_error;
  EXPECT_NEAR(static_cast<double>(retry.next_attempt_ms - retry.called_at_ms), 60'000, 6'100);
}

TEST(delivery, a_used_up_schedule_buries_the_delivery) {
  test_receiver receiver([](const received_request&) { return reply(500); });
  auto sink = test_sink("crm", receiver.url());
  sink.retry_schedule_ms = {20, 20};
  worker_harness harness({sink});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return harness.store().dead(id).has_value(); }));
  const auto letter = *harness.store().dead(id);
  EXPECT_EQ(letter.attempts, 3);
  EXPECT_EQ(letter.last_error, "http 500");
  EXPECT_FALSE(harness.store().pending(id).has_value());
  EXPECT_EQ(receiver.requests().size(), 3U);
  EXPECT_EQ(harness.worker().stats().dead_lettered, 1U);
  EXPECT_EQ(harness.worker().stats().failed_attempts, 3U);
  EXPECT_TRUE(harness.logged("webhook_dead"));
}

TEST(delivery, an_alert_that_no_longer_exists_is_dropped) {
  test_receiver receiver([](const received_request&) { return reply(200); });
  worker_harness harness({test_sink("crm", receiver.url())},
                         [](const std::string&) { return std::optional<std::string>(); });
  const auto id = harness.store().add("crm", "al-gone");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return harness.store().delivered(id); }));
  EXPECT_TRUE(receiver.requests().empty());
  EXPECT_EQ(harness.worker().stats().dropped, 1U);
  EXPECT_TRUE(harness.logged("webhook_dropped"));
}

TEST(delivery, a_bad_sink_is_refused_at_construction) {
  fake_outbox_store store;
  auto sink = test_sink("crm", "ftp://example.com/");
  try {
    webhook_delivery_worker worker(store, {sink}, test_payload);
    FAIL() << "a bad url must throw";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()).rfind("sinks.webhook[crm].url:", 0), 0U) << error.what();
  }
}

}  // namespace
}  // namespace sentinelle::testing
