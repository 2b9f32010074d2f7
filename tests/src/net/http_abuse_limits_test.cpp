// The abuse limits over real sockets: rate limits per address and per token (429 with
// Retry-After, before the body is read and before any handler), the per-address connection cap,
// and request framing that could be read two ways (400 / 501).
#include <gtest/gtest.h>

#include <ostream>

#include "counting_routes.hpp"
#include "test_client.hpp"
#include "test_server.hpp"

namespace sentinelle::testing {
namespace {

// Loopback counts like any address here: the tests' clients are all on 127.0.0.1.
http_server_options limited(std::uint32_t per_ip, std::uint32_t burst) {
  http_server_options options = test_options();
  options.exempt_loopback = false;
  options.requests_per_second_per_ip = per_ip;
  options.burst_per_ip = burst;
  return options;
}

void expect_rate_limited(const std::optional<client_response>& response) {
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 429U);
  EXPECT_NE(response->body.find(R"({"error":{"code":"rate_limited","message":)"), std::string::npos)
      << response->body;
  EXPECT_EQ(response->header("Retry-After"), "1");
}

TEST(http_abuse_limits, an_address_over_its_burst_gets_429_and_keeps_its_connection) {
  counting_routes handlers;
  test_server server(handlers.make(), limited(1, 3));
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  for (int i = 0; i < 3; ++i) {
    const auto served = client.request("GET", "/hello");
    ASSERT_TRUE(served);
    EXPECT_EQ(served->status, 200U);
  }
  const auto refused = client.request("GET", "/hello");
  expect_rate_limited(refused);
  EXPECT_TRUE(refused->keep_alive);  // nothing left unread: the connection stays
  expect_rate_limited(client.request("GET", "/hello"));
  EXPECT_EQ(handlers.calls.load(), 3);
  EXPECT_EQ(server.server().stats().rate_limited_ip, 2U);
  EXPECT_EQ(server.server().stats().rate_limited_token, 0U);
  test_client other;  // the bucket is the address's, not the connection's
  ASSERT_FALSE(other.connect(server.port()));
  expect_rate_limited(other.request("GET", "/hello"));
}

TEST(http_abuse_limits, a_limited_request_with_a_body_is_refused_unread_and_closed) {
  counting_routes handlers;
  test_server server(handlers.make(), limited(1, 1));
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_EQ(client.request("POST", "/ingest", "first")->status, 200U);
  // Headers only: were the server waiting for the body, read_response would time out.
  ASSERT_FALSE(client.send("POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"));
  const auto refused = client.read_response();
  expect_rate_limited(refused);
  EXPECT_FALSE(refused->keep_alive);
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_EQ(handlers.calls.load(), 1);
}

TEST(http_abuse_limits, loopback_is_exempt_from_the_address_limits_by_default) {
  counting_routes handlers;
  http_server_options options = limited(1, 1);
  options.exempt_loopback = true;
  options.max_connections_per_ip = 1;
  test_server server(handlers.make(), options);
  test_client first;
  test_client second;
  for (auto* client : {&first, &second}) {
    ASSERT_FALSE(client->connect(server.port()));
    for (int i = 0; i < 5; ++i) {
      const auto served = client->request("GET", "/hello");
      ASSERT_TRUE(served);
      EXPECT_EQ(served->status, 200U);
    }
  }
  EXPECT_EQ(server.server().stats().rate_limited_ip, 0U);
}

TEST(http_abuse_limits, a_token_has_its_own_bucket_wherever_it_is_presented) {
  counting_routes handlers;
  http_server_options options = test_options();  // loopback exempt: only the token counts
  options.requests_per_second_per_token = 1;
  options.burst_per_token = 2;
  test_server server(handlers.make(), options);
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const header_list alice{{"Authorization", "Bearer alice-token-0123456789"}};
  EXPECT_EQ(client.request("GET", "/hello", {}, alice)->status, 200U);
  EXPECT_EQ(client.request("GET", "/hello?token=alice-token-0123456789")->status, 200U);
  const auto refused =
      client.request("GET", "/hello", {}, {{"authorization", "bearer alice-token-0123456789"}});
  expect_rate_limited(refused);
  EXPECT_NE(refused->body.find("token"), std::string::npos);
  // The query is decoded as the API decodes it: an escape is the same token.
  expect_rate_limited(client.request("GET", "/hello?x=1&token=alice%2Dtoken-0123456789"));
  const header_list bob{{"Authorization", "Bearer bob-token-0123456789"}};
  EXPECT_EQ(client.request("GET", "/hello", {}, bob)->status, 200U);
  EXPECT_EQ(client.request("GET", "/hello")->status, 200U);  // no token: no token bucket
  EXPECT_EQ(server.server().stats().rate_limited_token, 2U);
  EXPECT_EQ(server.server().stats().rate_limited_ip, 0U);
}

TEST(http_abuse_limits, a_token_request_also_takes_from_its_address) {
  counting_routes handlers;
  http_server_options options = limited(1, 2);
  options.requests_per_second_per_token = 1000;
  options.burst_per_token = 1000;
  test_server server(handlers.make(), options);
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  const header_list token{{"Authorization", "Bearer some-token-0123456789"}};
  EXPECT_EQ(client.request("GET", "/hello", {}, token)->status, 200U);
  EXPECT_EQ(client.request("GET", "/hello", {}, token)->status, 200U);
  expect_rate_limited(client.request("GET", "/hello", {}, token));
  EXPECT_EQ(server.server().stats().rate_limited_ip, 1U);
}

TEST(http_abuse_limits, connections_over_the_per_address_cap_get_429_and_close) {
  counting_routes handlers;
  http_server_options options = limited(0, 1);
  options.max_connections_per_ip = 2;
  test_server server(handlers.make(), options);
  test_client first;
  test_client second;
  for (auto* client : {&first, &second}) {  // both served: both sessions exist
    ASSERT_FALSE(client->connect(server.port()));
    ASSERT_TRUE(client->request("GET", "/hello"));
  }
  test_client third;
  ASSERT_FALSE(third.connect(server.port()));
  const auto refused = third.read_response();  // at once, before any request
  expect_rate_limited(refused);
  EXPECT_FALSE(refused->keep_alive);
  EXPECT_TRUE(third.wait_closed(5s));
  const auto stats = server.server().stats();
  EXPECT_EQ(stats.connections_rejected_per_ip, 1U);
  EXPECT_EQ(stats.connections_rejected, 0U);
  EXPECT_EQ(stats.connections_accepted, 2U);

  ASSERT_FALSE(first.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  ASSERT_TRUE(first.read_response());
  ASSERT_TRUE(eventually([&] { return server.server().stats().connections_active == 1; }));
  test_client fourth;  // the address's slot was given back
  ASSERT_FALSE(fourth.connect(server.port()));
  const auto served = fourth.request("GET", "/hello");
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200U);
}

// Framing: the raw request, the status and code expected; the handler must never run.
struct framing_case {
  const char* name;
  std::string request;
  unsigned status;
  const char* code;
};

void PrintTo(const framing_case& each, std::ostream* out) {
  *out << each.name;
}

class http_framing : public ::testing::TestWithParam<framing_case> {};

TEST_P(http_framing, ambiguous_framing_is_refused_before_the_handler) {
  counting_routes handlers;
  test_server server(handlers.make(), test_options());
  test_client client;
  ASSERT_FALSE(client.connect(server.port()));
  ASSERT_FALSE(client.send(GetParam().request));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, GetParam().status);
  EXPECT_NE(response->body.find(std::string(R"("code":")") + GetParam().code + '"'),
            std::string::npos)
      << response->body;
  EXPECT_FALSE(response->keep_alive);
  EXPECT_TRUE(client.wait_closed(5s));  // nothing after it is read as another request
  EXPECT_EQ(handlers.calls.load(), 0);
}

const std::string post = "POST /ingest HTTP/1.1\r\nHost: x\r\n";
const std::string smuggled = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";

INSTANTIATE_TEST_SUITE_P(
    requests, http_framing,
    ::testing::Values(
        framing_case{
            "length_then_chunked",
            post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled,
            400, "bad_request"},
        framing_case{
            "chunked_then_length",
            post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + smuggled,
            400, "bad_request"},
        framing_case{"unknown_coding_then_length",
                     post + "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nabcde", 400,
                     "bad_request"},
        framing_case{"unknown_coding_alone", post + "Transfer-Encoding: gzip\r\n\r\n" + smuggled,
                     400, "bad_request"},
        framing_case{"chunked_not_last",
                     post + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n" + smuggled, 400,
                     "bad_request"},
        framing_case{"chunked_twice",
                     post + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n" + smuggled, 400,
                     "bad_request"},
        framing_case{"chunked_in_two_fields",
                     post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "0\r\n\r\n",
                     400, "bad_request"},
        framing_case{"coding_before_chunked",
                     post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
                     "not_implemented"},
        framing_case{"coding_in_another_field",
                     post + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "0\r\n\r\n",
                     501, "not_implemented"},
        framing_case{"chunked_in_http_1_0",
                     "POST /ingest HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
                     "0\r\n\r\n",
                     400, "bad_request"},
        framing_case{"two_different_lengths",
                     post + "Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde", 400,
                     "bad_request"},
        framing_case{"a_list_of_different_lengths", post + "Content-Length: 3, 5\r\n\r\nabcde", 400,
                     "bad_request"},
        framing_case{"negative_length", post + "Content-Length: -1\r\n\r\n" + smuggled, 400,
                     "bad_request"},
        framing_case{"overflowing_length",
                     post + "Content-Length: 184467440737095516160\r\n\r\n" + smuggled, 400,
                     "bad_request"},
        framing_case{"signed_length", post + "Content-Length: +5\r\n\r\nabcde", 400, "bad_request"},
        framing_case{"hex_length", post + "Content-Length: 0x5\r\n\r\nabcde", 400, "bad_request"}),
    [](const ::testing::TestParamInfo<framing_case>& each) {
      return std::string(each.param.name);
    });

// What RFC 9110 and 9112 allow is still served.
TEST(http_framing_allowed, unambiguous_variants_are_served) {
  counting_routes handlers;
  test_server server(handlers.make(), test_options());
  const auto answer = [&](const std::string& request) -> std::string {
    test_client client;
    if (client.connect(server.port()) || client.send(request)) {
      return "no connection";
    }
    const auto response = client.read_response();
    return response && response->status == 200 ? response->body : "refused";
  };
  // A repeated, equal Content-Length is one length; "chunked" in any case is chunked.
  EXPECT_EQ(answer(post + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nabcde"), "5");
  EXPECT_EQ(answer(post + "Transfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"), "3");
  EXPECT_EQ(handlers.calls.load(), 2);
}

}  // namespace
}  // namespace sentinelle::testing
