#include "webhook/webhook_url.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

webhook_url parsed(std::string_view text) {
  std::string error;
  const auto url = parse_webhook_url(text, error);
  EXPECT_TRUE(url.has_value()) << text << ": " << error;
  return url.value_or(webhook_url{});
}

TEST(webhook_url, splits_https_with_default_port) {
  const webhook_url url = parsed("https://hooks.example.fr/sentinelle/alerts?team=t-3");
  EXPECT_TRUE(url.tls);
  EXPECT_EQ(url.host, "hooks.example.fr");
  EXPECT_EQ(url.port, 443);
  EXPECT_EQ(url.target, "/sentinelle/alerts?team=t-3");
  EXPECT_EQ(url.host_header(), "hooks.example.fr");
}

TEST(webhook_url, splits_http_with_explicit_port) {
  const webhook_url url = parsed("http://127.0.0.1:8081/hook");
  EXPECT_FALSE(url.tls);
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 8081);
  EXPECT_EQ(url.target, "/hook");
  EXPECT_EQ(url.host_header(), "127.0.0.1:8081");
}

TEST(webhook_url, defaults_the_target_and_drops_the_fragment) {
  EXPECT_EQ(parsed("http://example.com").target, "/");
  EXPECT_EQ(parsed("http://example.com?x=1").target, "/?x=1");
  EXPECT_EQ(parsed("https://example.com/a#frag").target, "/a");
}

TEST(webhook_url, accepts_an_upper_case_scheme_and_keeps_encoded_paths) {
  const webhook_url url = parsed("HTTPS://example.com:443/caf%C3%A9/x%20y");
  EXPECT_TRUE(url.tls);
  EXPECT_EQ(url.port, 443);
  EXPECT_EQ(url.target, "/caf%C3%A9/x%20y");
}

TEST(webhook_url, resolves_ipv6_without_brackets_and_writes_host_with_them) {
  const webhook_url url = parsed("http://[::1]:9000/h");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.port, 9000);
  EXPECT_EQ(url.host_header(), "[::1]:9000");
}

TEST(webhook_url, rejects_what_it_cannot_send_to) {
  for (const char* bad :
       {"", "hooks.example.fr/x", "/relative", "ftp://example.com/", "mailto:a@b.fr",
        "http:///path", "http://", "http://user:pass@example.com/", "http://example.com:0/",
        "http://example.com:65536/", "http://example.com:/x", "http://exa mple.com/",
        "https://example.com/a b"}) {
    std::string error;
    EXPECT_FALSE(parse_webhook_url(bad, error).has_value()) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(webhook_url, never_quotes_credentials_in_its_error) {
  std::string error;
  ASSERT_FALSE(parse_webhook_url("https://admin:s3cret@example.com/", error));
  EXPECT_EQ(error.find("s3cret"), std::string::npos) << error;
}

}  // namespace
}  // namespace sentinelle
