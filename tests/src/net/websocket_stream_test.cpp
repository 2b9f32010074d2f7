// WebSocket streams over real sockets: the handshake, pushed text frames, client messages,
// the limits Beast enforces, our text-only rule, 426 without an upgrade, pings, stop().
#include <gtest/gtest.h>

#include "stream_client.hpp"
#include "stream_probe.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

constexpr unsigned going_away = 1001;
constexpr unsigned unsupported_data = 1003;
constexpr unsigned invalid_payload = 1007;
constexpr unsigned message_too_big = 1009;

// A server still answering plain requests after a stream misbehaved.
bool serves_hello(std::uint16_t port) {
  test_client client;
  const auto response = client.connect(port) ? std::nullopt : client.request("GET", "/hello");
  return response && response->status == 200U && response->body == "hello";
}

// The handshake on /ws, and the stream on_open gave to push to (null on failure).
std::shared_ptr<push_stream> connect_ws(std::uint16_t port, websocket_test_client& client,
                                        stream_probe& probe) {
  return client.connect(port) ? nullptr : probe.wait_open();
}

TEST(websocket_stream, server_pushes_arrive_as_text_frames) {
  stream_probe probe;
  test_server server(probe.routes());
  websocket_test_client client;
  const auto stream = connect_ws(server.port(), client, probe);
  ASSERT_TRUE(stream);
  EXPECT_TRUE(stream->push(R"({"alert":1})", 1));
  EXPECT_TRUE(stream->push("line one\nline two"));
  EXPECT_EQ(client.read(), R"({"alert":1})");
  EXPECT_EQ(client.read(), "line one\nline two");  // one frame, no SSE framing
  const auto stats = server.server().stats();
  EXPECT_EQ(stats.streams_opened, 1U);
  EXPECT_EQ(stats.streams_active, 1U);
  EXPECT_EQ(stats.responses_1xx, 1U);  // 101 Switching Protocols
}

// As for SSE: on_open has run (a console is subscribed) before the client has its 101.
TEST(websocket_stream, the_stream_is_open_before_the_client_has_its_101) {
  stream_probe probe;
  probe.delay_opens(std::chrono::milliseconds(100));
  test_server server(probe.routes());
  websocket_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  EXPECT_TRUE(probe.wait_open(0, std::chrono::milliseconds(0)));
}

TEST(websocket_stream, client_text_messages_reach_on_message) {
  stream_probe probe;
  test_server server(probe.routes());
  websocket_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.write_text(R"({"subscribe":"team-3"})"));
  ASSERT_FALSE(client.write_text("ça marche"));
  ASSERT_TRUE(probe.wait_messages(2));
  EXPECT_EQ(probe.messages(), (std::vector<std::string>{R"({"subscribe":"team-3"})", "ça marche"}));
}

TEST(websocket_stream, a_message_over_the_limit_is_closed_with_1009) {
  stream_probe probe;
  auto options = test_options();
  options.websocket_message_limit_bytes = 1024;
  test_server server(probe.routes(), options);
  websocket_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  client.write_text(std::string(4096, 'x'));  // may fail: the server may close while we write
  EXPECT_FALSE(client.read());
  EXPECT_TRUE(client.close_code() == message_too_big || client.last_error()) << client.close_code();
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_TRUE(serves_hello(server.port()));
  EXPECT_TRUE(probe.messages().empty());
}

TEST(websocket_stream, a_binary_message_is_closed_with_1003) {
  stream_probe probe;
  test_server server(probe.routes());
  websocket_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.write_binary(std::string("\x00\xff\xfe garbage", 11)));
  EXPECT_FALSE(client.read());
  EXPECT_EQ(client.close_code(), unsupported_data);
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_TRUE(probe.messages().empty());
  EXPECT_TRUE(serves_hello(server.port()));
}

TEST(websocket_stream, invalid_utf8_text_is_closed_with_1007) {
  stream_probe probe;
  test_server server(probe.routes());
  websocket_test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  client.write_text("caf\xe9");  // Latin-1, not UTF-8
  EXPECT_FALSE(client.read());
  EXPECT_EQ(client.close_code(), invalid_payload);
  EXPECT_TRUE(probe.wait_closes(1));
}

TEST(websocket_stream, a_plain_get_gets_426_upgrade_required) {
  stream_probe probe;
  test_server server(probe.routes());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto response = client.request("GET", "/ws");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 426U);
  EXPECT_EQ(response->header("Upgrade"), "websocket");
  EXPECT_NE(response->body.find(R"({"error":{"code":"upgrade_required")"), std::string::npos);
  EXPECT_TRUE(response->keep_alive);
  EXPECT_EQ(server.server().stats().streams_opened, 0U);
  EXPECT_EQ(probe.closes(), 0U);  // never opened, never closed
}

TEST(websocket_stream, heartbeats_are_pings) {
  stream_probe probe;
  auto options = test_options();
  options.stream_heartbeat_ms = 100;
  test_server server(probe.routes(), options);
  websocket_test_client client;
  ASSERT_TRUE(connect_ws(server.port(), client, probe));
  EXPECT_FALSE(client.read(500ms));  // nothing pushed: only control frames arrive
  EXPECT_GE(client.pings(), 2U);
  EXPECT_EQ(server.server().stats().streams_active, 1U);  // answered pings keep it open
}

TEST(websocket_stream, stop_sends_going_away_and_run_returns) {
  stream_probe probe;
  test_server server(probe.routes());
  websocket_test_client client;
  ASSERT_TRUE(connect_ws(server.port(), client, probe));
  server.server().stop();
  EXPECT_FALSE(client.read());
  EXPECT_EQ(client.close_code(), going_away);
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_TRUE(server.wait_stopped(5s));
}

TEST(websocket_stream, close_by_the_application_is_a_normal_close) {
  stream_probe probe;
  test_server server(probe.routes());
  websocket_test_client client;
  const auto stream = connect_ws(server.port(), client, probe);
  ASSERT_TRUE(stream);
  EXPECT_TRUE(stream->push("bye"));
  stream->close();
  EXPECT_EQ(client.read(), "bye");
  EXPECT_FALSE(client.read());
  EXPECT_EQ(client.close_code(), 1000U);
  EXPECT_TRUE(probe.wait_closes(1));
  EXPECT_TRUE(probe.closes_followed_opens());
}

}  // namespace
}  // namespace sentinelle::testing
