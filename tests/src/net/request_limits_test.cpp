// Who the limits count: client addresses (IPv4, IPv6 /64, mapped, loopback) and the token a
// request presents, read as the API reads it.
#include "net/request_limits.hpp"

#include "net/bearer_token.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

client_address of(const char* text) {
  return client_address_of(asio::ip::make_address(text));
}

TEST(client_address, ipv4_addresses_are_their_own_keys) {
  EXPECT_NE(of("192.0.2.1").key, of("192.0.2.2").key);
  EXPECT_EQ(of("192.0.2.1").key, of("192.0.2.1").key);
  EXPECT_FALSE(of("192.0.2.1").loopback);
  EXPECT_TRUE(of("127.0.0.1").loopback);
  EXPECT_TRUE(of("127.8.9.10").loopback);
}

TEST(client_address, an_ipv6_slash_64_is_one_client) {
  EXPECT_EQ(of("2001:db8:1:2::1").key, of("2001:db8:1:2:ffff:ffff:ffff:ffff").key);
  EXPECT_NE(of("2001:db8:1:2::1").key, of("2001:db8:1:3::1").key);
  EXPECT_TRUE(of("::1").loopback);
  EXPECT_FALSE(of("2001:db8::1").loopback);
}

TEST(client_address, a_mapped_ipv4_address_is_the_ipv4_address) {
  EXPECT_EQ(of("::ffff:192.0.2.1").key, of("192.0.2.1").key);
  EXPECT_TRUE(of("::ffff:127.0.0.1").loopback);
  EXPECT_NE(of("::ffff:192.0.2.1").key, of("::").key);
}

beast_request with(const char* target, const char* authorization = nullptr) {
  beast_request request{http::verb::get, target, 11};
  if (authorization != nullptr) {
    request.set(http::field::authorization, authorization);
  }
  return request;
}

TEST(presented_token_key, reads_the_bearer_header_then_the_query) {
  const auto header = presented_token_key(with("/x", "Bearer secret-0123456789"));
  ASSERT_TRUE(header);
  EXPECT_EQ(presented_token_key(with("/x", "bearer secret-0123456789")), header);
  EXPECT_EQ(presented_token_key(with("/x?token=secret-0123456789")), header);
  EXPECT_EQ(presented_token_key(with("/x?a=%20&token=secret%2D0123456789")), header);
  EXPECT_NE(presented_token_key(with("/x?token=other-0123456789")), header);
  // The header wins over the query, as in the API.
  EXPECT_EQ(presented_token_key(with("/x?token=other", "Bearer secret-0123456789")), header);
}

TEST(presented_token_key, no_bearer_token_no_key) {
  EXPECT_FALSE(presented_token_key(with("/x")));
  EXPECT_FALSE(presented_token_key(with("/x?tokens=a&atoken=b")));
  EXPECT_FALSE(presented_token_key(with("/x", "Basic dXNlcjpwYXNz")));
  EXPECT_FALSE(presented_token_key(with("/x", "Bearer ")));
  EXPECT_FALSE(presented_token_key(with("/x?token=%zz")));  // a bad escape: the API says 400
}

TEST(bearer_token, reads_the_token_after_a_case_insensitive_scheme) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bEaReR abc def"), "abc def");
  EXPECT_FALSE(bearer_token("Bearer "));
  EXPECT_FALSE(bearer_token("Bearer"));
  EXPECT_FALSE(bearer_token("Basic dXNlcjpwYXNz"));
  EXPECT_FALSE(bearer_token(""));
}

}  // namespace
}  // namespace sentinelle
