// Limits over real sockets: body and header sizes, framing, the connection cap.
#include <gtest/gtest.h>

#include "counting_routes.hpp"
#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

http_server_options small_limits() {
  http_server_options options = test_options();
  options.body_limit_bytes = 1024;
  options.header_limit_bytes = 1024;
  return options;
}

void expect_error(const std::optional<client_response>& response, unsigned status,
                  const std::string& code) {
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, status);
  EXPECT_NE(response->body.find(R"("code":")" + code + '"'), std::string::npos) << response->body;
  EXPECT_EQ(response->header("Content-Type"), "application/json");
  EXPECT_FALSE(response->keep_alive);
}

TEST(http_limits, content_length_over_the_limit_gets_413_before_the_body) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  // Headers only: were the server waiting for the body, read_response would time out.
  ASSERT_FALSE(
      client.send("POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n"));
  expect_error(client.read_response(), 413, "too_large");
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_EQ(handlers.calls.load(), 0);
}

TEST(http_limits, expect_continue_over_the_limit_gets_413_and_no_100) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send(
      "POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n"));
  expect_error(client.read_response(), 413, "too_large");
}

TEST(http_limits, expect_continue_within_the_limit_gets_100_then_the_answer) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send(
      "POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
  const auto interim = client.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100U);
  ASSERT_FALSE(client.send("12345"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->body, "5");
}

TEST(http_limits, chunked_body_within_the_limit_reaches_the_handler) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(
      client.send("POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200U);
  EXPECT_EQ(response->body, "7");
}

TEST(http_limits, chunked_body_over_the_limit_gets_413) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const std::string chunk = "258\r\n" + std::string(600, 'x') + "\r\n";  // 0x258 = 600 bytes
  ASSERT_FALSE(
      client.send("POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk +
                  chunk + chunk + "0\r\n\r\n"));
  expect_error(client.read_response(), 413, "too_large");
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_EQ(handlers.calls.load(), 0);
}

TEST(http_limits, oversized_headers_get_431) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') +
                           "\r\n\r\n"));
  expect_error(client.read_response(), 431, "headers_too_large");
  EXPECT_TRUE(client.wait_closed(5s));
}

TEST(http_limits, bad_chunk_framing_gets_400) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send(
      "POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n"));
  expect_error(client.read_response(), 400, "bad_request");
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_EQ(handlers.calls.load(), 0);
}

TEST(http_limits, malformed_request_line_gets_400) {
  counting_routes handlers;
  test_server server(handlers.make(), small_limits());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send("GET /hello NOT-HTTP\r\n\r\n"));
  expect_error(client.read_response(), 400, "bad_request");
}

TEST(http_limits, connections_over_the_cap_get_503_and_are_counted) {
  counting_routes handlers;
  http_server_options options = test_options();
  options.max_connections = 2;
  test_server server(handlers.make(), options);
  test_client first;
  test_client second;
  for (auto* client : {&first, &second}) {  // both served: both sessions exist
    ASSERT_FALSE(client->connect(server.port()));
    ASSERT_TRUE(client->request("GET", "/hello"));
  }
  test_client third;
  ASSERT_FALSE(third.connect(server.port()));
  const auto refused = third.read_response();
  expect_error(refused, 503, "unavailable");
  EXPECT_EQ(refused->header("Retry-After"), "1");
  EXPECT_TRUE(third.wait_closed(5s));
  EXPECT_EQ(server.server().stats().connections_rejected, 1U);
  EXPECT_EQ(server.server().stats().connections_accepted, 2U);

  ASSERT_FALSE(first.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  ASSERT_TRUE(first.read_response());
  ASSERT_TRUE(eventually([&] { return server.server().stats().connections_active == 1; }));
  test_client fourth;  // a slot is free again
  ASSERT_FALSE(fourth.connect(server.port()));
  const auto served = fourth.request("GET", "/hello");
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200U);
}

}  // namespace
}  // namespace sentinelle::testing
