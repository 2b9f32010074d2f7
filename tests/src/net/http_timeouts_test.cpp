// Deadlines over real sockets, with short timeouts (200 ms). Each test only asserts that the
// connection is closed well before the client's own 5 s bound, and counts what was cut.
#include <gtest/gtest.h>

#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

using clock = std::chrono::steady_clock;

router hello_routes() {
  router routes;
  routes.add("GET", "/hello", [](const http_request&, const responder& reply) {
    reply.send(json_response(200, "hello"));
  });
  routes.add("POST", "/hello", [](const http_request&, const responder& reply) {
    reply.send(json_response(200, "posted"));
  });
  return routes;
}

http_server_options short_request_timeout() {
  http_server_options options = test_options();
  options.request_timeout_ms = 200;
  return options;
}

std::chrono::milliseconds since(clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
}

TEST(http_timeouts, slow_headers_are_cut_by_the_request_timeout) {
  test_server server(hello_routes(), short_request_timeout());
  test_client client;
  const auto start = clock::now();  // before connect: the server's deadline starts later
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n"));  // never finished
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_GE(since(start), 200ms);
  EXPECT_TRUE(eventually([&] { return server.server().stats().request_timeouts == 1; }));
}

TEST(http_timeouts, a_trickling_client_is_cut_by_the_whole_request_deadline) {
  test_server server(hello_routes(), short_request_timeout());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const std::string request = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(500, 'p');
  const auto start = clock::now();
  bool closed = false;
  // One byte every 20 ms would take 10 s: each read resets no per-read timer, so it is cut.
  for (std::size_t i = 0; i < request.size() && !closed; ++i) {
    closed = client.send(request.substr(i, 1)) || client.wait_closed(20ms);
  }
  EXPECT_TRUE(closed || client.wait_closed(5s));
  EXPECT_LT(since(start), 3s);
}

TEST(http_timeouts, a_slow_body_is_cut_by_the_request_timeout) {
  test_server server(hello_routes(), short_request_timeout());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"));
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_TRUE(eventually([&] { return server.server().stats().request_timeouts == 1; }));
}

TEST(http_timeouts, a_silent_new_connection_is_cut_by_the_request_timeout) {
  test_server server(hello_routes(), short_request_timeout());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  EXPECT_TRUE(client.wait_closed(5s));
}

TEST(http_timeouts, an_idle_keep_alive_connection_is_closed) {
  http_server_options options = test_options();
  options.idle_timeout_ms = 200;
  test_server server(hello_routes(), options);
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto start = clock::now();  // before the request: the server's idle time starts later
  const auto response = client.request("GET", "/hello");
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->keep_alive);
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_GE(since(start), 200ms);
  EXPECT_EQ(server.server().stats().request_timeouts, 0U);  // idle is not a slow request
}

// A response the kernel cannot take at once (64 MiB) goes on as an asynchronous write, under
// the request timeout: a client that stops reading is cut, and the others are still served.
TEST(http_timeouts, a_client_that_does_not_read_its_answer_is_cut) {
  router routes = hello_routes();
  routes.add("GET", "/big", [](const http_request&, const responder& reply) {
    reply.send(json_response(200, std::string(64 << 20, 'x')));
  });
  test_server server(std::move(routes), short_request_timeout());
  test_client stalled;
  ASSERT_FALSE(stalled.connect(server.port()));
  ASSERT_FALSE(stalled.send(raw_request("GET", "/big")));
  const auto cut = [&] {
    for (const std::string& line : server.log_lines()) {
      if (line.find("\"net_error\"") != std::string::npos &&
          line.find("\"write\"") != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(eventually(cut));
  test_client other;
  ASSERT_FALSE(other.connect(server.port()));
  const auto response = other.request("GET", "/hello");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "hello");
  EXPECT_TRUE(stalled.wait_closed(5s));
}

TEST(http_timeouts, requests_on_a_busy_connection_each_get_a_fresh_deadline) {
  test_server server(hello_routes(), short_request_timeout());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const auto start = clock::now();
  int served = 0;
  while (since(start) < 500ms) {  // longer than one request timeout in total
    const auto response = client.request("GET", "/hello");
    ASSERT_TRUE(response);
    ++served;
  }
  EXPECT_GT(served, 1);
}

}  // namespace
}  // namespace sentinelle::testing
