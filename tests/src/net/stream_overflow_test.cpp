// The slow-client policy: a client that never reads fills its stream's bounded queue; the next
// push closes the stream instead of growing memory, and the server goes on serving others.
#include <gtest/gtest.h>

#include "stream_client.hpp"
#include "stream_probe.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

constexpr std::size_t queue_messages = 16;
constexpr std::size_t queue_bytes = 256 * 1024;
constexpr std::size_t message_size = 32 * 1024;
constexpr int tiny_receive_buffer = 4096;

http_server_options small_queues() {
  auto options = test_options();
  options.stream_queue_messages = queue_messages;
  options.stream_queue_bytes = queue_bytes;
  return options;
}

// Pushes until a push is refused (at most `limit` tries); the count of accepted pushes.
std::size_t push_until_refused(push_stream& stream, std::size_t limit) {
  const std::string payload(message_size, 'p');
  std::size_t accepted = 0;
  for (std::size_t i = 0; i < limit && stream.push(payload, static_cast<std::int64_t>(i)); ++i) {
    ++accepted;
  }
  return accepted;
}

// What was accepted but never written stayed within the queue's limits.
void expect_bounded(std::size_t accepted, const http_server_stats& stats) {
  ASSERT_GE(accepted, stats.stream_messages_sent);
  const std::size_t held = accepted - stats.stream_messages_sent;
  EXPECT_LE(held, queue_messages);
  EXPECT_LE(held * message_size, queue_bytes);
}

TEST(stream_overflow, an_sse_client_that_never_reads_is_disconnected) {
  stream_probe probe;
  test_server server(probe.routes(), small_queues());
  sse_test_client silent;
  ASSERT_FALSE(silent.connect(server.port(), tiny_receive_buffer));
  ASSERT_FALSE(silent.send_request("/events"));  // and never reads a byte
  const auto stream = probe.wait_open();
  ASSERT_TRUE(stream);
  const std::size_t accepted = push_until_refused(*stream, 10000);
  EXPECT_LT(accepted, 10000U);
  EXPECT_FALSE(stream->open());
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_TRUE(eventually([&] { return server.server().stats().streams_active == 0; }));
  const auto stats = server.server().stats();
  EXPECT_EQ(stats.stream_overflows, 1U);
  expect_bounded(accepted, stats);

  test_client other;
  ASSERT_FALSE(other.connect(server.port()));
  const auto response = other.request("GET", "/hello");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
}

TEST(stream_overflow, a_websocket_client_that_never_reads_is_disconnected) {
  stream_probe probe;
  test_server server(probe.routes(), small_queues());
  websocket_test_client silent;
  ASSERT_FALSE(silent.connect(server.port(), "/ws", tiny_receive_buffer));
  const auto stream = probe.wait_open();
  ASSERT_TRUE(stream);
  const std::size_t accepted = push_until_refused(*stream, 10000);
  EXPECT_LT(accepted, 10000U);
  EXPECT_TRUE(probe.wait_closes(1));
  const auto stats = server.server().stats();
  EXPECT_EQ(stats.stream_overflows, 1U);
  expect_bounded(accepted, stats);
  EXPECT_TRUE(eventually([&] { return server.server().stats().streams_active == 0; }));
}

TEST(stream_overflow, stop_does_not_wait_for_a_write_stuck_on_a_silent_client) {
  stream_probe probe;
  auto options = test_options();  // request_timeout_ms: 10 s
  options.stream_queue_bytes = 128 * 1024 * 1024;
  test_server server(probe.routes(), options);
  const auto sent = [&] { return server.server().stats().stream_messages_sent; };
  sse_test_client silent;
  ASSERT_FALSE(silent.connect(server.port(), tiny_receive_buffer));
  ASSERT_FALSE(silent.send_request("/events"));
  const auto stream = probe.wait_open();
  ASSERT_TRUE(stream);
  // One MiB at a time until a write no longer completes: the kernel's buffers are full
  // (tcp_wmem grows to 4 MiB) and the write is stuck.
  const std::string megabyte(1024 * 1024, 'm');
  bool stuck = false;
  for (std::uint64_t pushed = 1; pushed <= 64 && !stuck; ++pushed) {
    ASSERT_TRUE(stream->push(megabyte));
    stuck = !eventually([&] { return sent() == pushed; }, 500ms);
  }
  ASSERT_TRUE(stuck);
  const auto start = std::chrono::steady_clock::now();
  server.server().stop();
  EXPECT_TRUE(server.wait_stopped(5s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);  // not request_timeout_ms
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_EQ(server.server().stats().stream_overflows, 0U);
}

TEST(stream_overflow, a_reading_client_is_not_cut) {
  stream_probe probe;
  test_server server(probe.routes(), small_queues());
  sse_test_client reader;
  ASSERT_FALSE(reader.connect(server.port()));
  ASSERT_TRUE(reader.open("/events"));
  const auto stream = probe.wait_open();
  ASSERT_TRUE(stream);
  for (int i = 0; i < 200; ++i) {  // more than the queue holds, but paced by the reader
    ASSERT_TRUE(stream->push("event " + std::to_string(i), i));
    ASSERT_TRUE(reader.read_until("data: event " + std::to_string(i) + "\n\n"));
  }
  EXPECT_EQ(server.server().stats().stream_overflows, 0U);
}

}  // namespace
}  // namespace sentinelle::testing
