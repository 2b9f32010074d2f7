// https through OpenSSL against a receiver with a certificate made at test time.
#include <gtest/gtest.h>

#include "worker_harness.hpp"

namespace sentinelle::testing {
namespace {

TEST(tls, delivers_to_a_self_signed_receiver_when_verification_is_off) {
  test_receiver receiver([](const received_request&) { return receiver_reply{}; }, true);
  auto sink = test_sink("crm", receiver.url());
  ASSERT_EQ(sink.url.rfind("https://", 0), 0U);
  sink.verify_tls = false;
  worker_harness harness({sink});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return harness.store().delivered(id); }));
  ASSERT_EQ(receiver.requests().size(), 1U);
  EXPECT_EQ(verify_received(receiver.requests()[0]), signature_check::ok);
}

TEST(tls, refuses_a_self_signed_receiver_when_verification_is_on) {
  test_receiver receiver([](const received_request&) { return receiver_reply{}; }, true);
  auto sink = test_sink("crm", receiver.url());
  sink.retry_schedule_ms = {60'000};
  worker_harness harness({sink});
  const auto id = harness.store().add("crm", "al-1");
  harness.worker().start();

  ASSERT_TRUE(wait_until([&] { return !harness.store().reschedules(id).empty(); }));
  const auto retry = harness.store().reschedules(id)[0];
  EXPECT_EQ(retry.last_error.rfind("tls: ", 0), 0U) << retry.last_error;
  EXPECT_TRUE(receiver.requests().empty());
}

}  // namespace
}  // namespace sentinelle::testing
