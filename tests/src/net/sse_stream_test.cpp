// Server-Sent Events over real sockets: the header, `retry:`, events with ids and multi-line
// data, heartbeats, the end of the stream from each side, stop(), concurrent pushes.
#include <gtest/gtest.h>

#include <thread>

#include "stream_client.hpp"
#include "stream_probe.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

std::size_t count_of(const std::string& text, std::string_view what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

// Connects, asks for /events and waits for on_open: the stream to push to (null on failure).
std::shared_ptr<push_stream> open_events(std::uint16_t port, sse_test_client& client,
                                         stream_probe& probe) {
  if (client.connect(port) || !client.open("/events")) {
    return nullptr;
  }
  return probe.wait_open();
}

TEST(sse_stream, sends_retry_then_events_with_ids_and_split_lines) {
  stream_probe probe;
  test_server server(probe.routes());
  sse_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto header = client.open("/events");
  ASSERT_TRUE(header);
  EXPECT_EQ(header->status, 200U);
  EXPECT_EQ(header->header("Content-Type"), "text/event-stream");
  EXPECT_EQ(header->header("Cache-Control"), "no-store");
  EXPECT_EQ(header->header("X-Accel-Buffering"), "no");
  EXPECT_EQ(header->header("Transfer-Encoding"), "chunked");
  ASSERT_TRUE(client.read_until("retry: 2000\n\n"));
  EXPECT_EQ(client.body().find("retry: 2000\n\n"), 0U);  // first of all

  const auto stream = probe.wait_open();
  ASSERT_TRUE(stream);
  EXPECT_TRUE(stream->open());
  EXPECT_TRUE(stream->push("first line\nsecond\r\nthird\rfourth", 41));
  EXPECT_TRUE(stream->push("plain"));
  ASSERT_TRUE(client.read_until("data: plain\n\n"));
  EXPECT_NE(client.body().find("id: 41\ndata: first line\ndata: second\ndata: third\n"
                               "data: fourth\n\ndata: plain\n\n"),
            std::string::npos)
      << client.body();
  EXPECT_TRUE(eventually([&] { return server.server().stats().stream_messages_sent == 2; }));
  const auto stats = server.server().stats();
  EXPECT_EQ(stats.streams_opened, 1U);
  EXPECT_EQ(stats.streams_active, 1U);
  EXPECT_EQ(stats.stream_overflows, 0U);
}

// A client that has the header may act at once (post the survey whose alert it waits for): the
// stream is open, its on_open done, before the header leaves, even when on_open is slow.
TEST(sse_stream, the_stream_is_open_before_the_client_has_the_header) {
  stream_probe probe;
  probe.delay_opens(std::chrono::milliseconds(100));
  test_server server(probe.routes());
  sse_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_TRUE(client.open("/events"));
  EXPECT_TRUE(probe.wait_open(0, std::chrono::milliseconds(0)));
}

TEST(sse_stream, sends_heartbeat_comments_when_idle) {
  stream_probe probe;
  auto options = test_options();
  options.stream_heartbeat_ms = 100;
  test_server server(probe.routes(), options);
  sse_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_TRUE(client.open("/events"));
  EXPECT_TRUE(client.read_until(": heartbeat\n\n: heartbeat\n\n"));
}

TEST(sse_stream, on_close_runs_once_when_the_client_leaves) {
  stream_probe probe;
  test_server server(probe.routes());
  sse_test_client client;
  const auto stream = open_events(server.port(), client, probe);
  ASSERT_TRUE(stream);
  client.disconnect();
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_FALSE(stream->open());
  EXPECT_FALSE(stream->push("nobody is listening"));
  EXPECT_TRUE(eventually([&] { return server.server().stats().streams_active == 0; }));
  EXPECT_EQ(probe.closes(), 1U);
  EXPECT_TRUE(probe.closes_followed_opens());
}

TEST(sse_stream, close_writes_what_was_queued_then_ends_the_body) {
  stream_probe probe;
  test_server server(probe.routes());
  sse_test_client client;
  const auto stream = open_events(server.port(), client, probe);
  ASSERT_TRUE(stream);
  EXPECT_TRUE(stream->push("last words", 7));
  stream->close();
  EXPECT_FALSE(stream->push("too late"));
  ASSERT_TRUE(client.read_to_end());
  EXPECT_NE(client.body().find("id: 7\ndata: last words\n\n"), std::string::npos);
  EXPECT_EQ(client.body().find("too late"), std::string::npos);
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_TRUE(probe.wait_closes(1));
}

TEST(sse_stream, stop_ends_the_stream_and_run_returns) {
  stream_probe probe;
  test_server server(probe.routes());
  sse_test_client client;
  ASSERT_TRUE(open_events(server.port(), client, probe));
  server.server().stop();
  EXPECT_TRUE(client.read_to_end());  // the last chunk: the body ended properly
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_TRUE(server.wait_stopped(5s));
}

TEST(sse_stream, head_gets_the_header_without_a_stream) {
  stream_probe probe;
  test_server server(probe.routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("HEAD", "/events");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->header("Content-Type"), "text/event-stream");
  EXPECT_EQ(server.server().stats().streams_opened, 0U);
}

TEST(sse_stream, a_stream_asked_for_while_stopping_gets_503) {
  stream_probe probe;
  http_server* self = nullptr;
  router routes;
  routes.add("GET", "/events", [&](const http_request&, const responder& reply) {
    self->stop();  // the server stops between the handler's checks and its answer
    reply.send(sse_response(probe.request()));
  });
  test_server server(std::move(routes));
  self = &server.server();
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("GET", "/events");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 503U);
  EXPECT_EQ(server.server().stats().streams_opened, 0U);
  EXPECT_TRUE(server.wait_stopped(5s));
  EXPECT_EQ(probe.closes(), 0U);
}

TEST(sse_stream, streams_count_against_max_connections) {
  stream_probe probe;
  auto options = test_options();
  options.max_connections = 1;
  test_server server(probe.routes(), options);
  sse_test_client streaming;
  ASSERT_TRUE(open_events(server.port(), streaming, probe));
  test_client other;
  ASSERT_FALSE(other.connect(server.port()));
  const auto refused = other.request("GET", "/hello");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503U);
}

TEST(sse_stream, pushes_from_several_threads_all_arrive_in_order_per_thread) {
  constexpr int threads = 4;
  constexpr int per_thread = 250;
  stream_probe probe;
  test_server server(probe.routes());
  sse_test_client client;
  const auto stream = open_events(server.port(), client, probe);
  ASSERT_TRUE(stream);
  {
    std::vector<std::jthread> pushers;
    for (int t = 0; t < threads; ++t) {
      pushers.emplace_back([&stream, t] {
        for (int i = 0; i < per_thread; ++i) {
          stream->push("t" + std::to_string(t) + "-" + std::to_string(i), t * 1000 + i);
        }
      });
    }
  }
  ASSERT_TRUE(client.read_until("data: t3-249\n\n"));
  ASSERT_TRUE(eventually(
      [&] { return server.server().stats().stream_messages_sent == threads * per_thread; }));
  ASSERT_TRUE(client.read_until("data: t0-249\n\n") && client.read_until("data: t1-249\n\n") &&
              client.read_until("data: t2-249\n\n"));
  const std::string& body = client.body();
  EXPECT_EQ(count_of(body, "data: "), std::size_t{threads * per_thread});
  for (int t = 0; t < threads; ++t) {
    const std::string prefix = "data: t" + std::to_string(t) + "-";
    EXPECT_LT(body.find(prefix + "0\n"), body.find(prefix + "1\n"));
    EXPECT_LT(body.find(prefix + "248\n"), body.find(prefix + "249\n"));
  }
}

}  // namespace
}  // namespace sentinelle::testing
