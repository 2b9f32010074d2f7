#include "signature/prefixed_hmac.hpp"

#include <gtest/gtest.h>

#include "signature/encoding.hpp"
#include "signature/hmac.hpp"

namespace sentinelle {
namespace {

// The vector GitHub documents for X-Hub-Signature-256, the scheme Meta uses.
constexpr std::string_view github_secret = "It's a Secret to Everybody";
constexpr std::string_view github_payload = "Hello, World!";
constexpr std::string_view github_header =
    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

TEST(prefixed_hmac, matches_the_github_vector) {
  EXPECT_TRUE(prefixed_hmac_matches(github_secret, github_payload, github_header,
                                    digest_encoding::hex));
}

TEST(prefixed_hmac, accepts_upper_case_hex) {
  std::string upper(github_header);
  for (std::size_t i = 7; i < upper.size(); ++i) {
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
  }
  EXPECT_TRUE(prefixed_hmac_matches(github_secret, github_payload, upper, digest_encoding::hex));
}

TEST(prefixed_hmac, refuses_a_wrong_secret_body_prefix_or_length) {
  EXPECT_FALSE(prefixed_hmac_matches("other", github_payload, github_header, digest_encoding::hex));
  EXPECT_FALSE(prefixed_hmac_matches(github_secret, "Hello, World?", github_header,
                                     digest_encoding::hex));
  EXPECT_FALSE(prefixed_hmac_matches(github_secret, github_payload, github_header.substr(7),
                                     digest_encoding::hex));
  EXPECT_FALSE(prefixed_hmac_matches(github_secret, github_payload,
                                     github_header.substr(0, github_header.size() - 2),
                                     digest_encoding::hex));
  EXPECT_FALSE(prefixed_hmac_matches(github_secret, github_payload, "", digest_encoding::hex));
}

TEST(prefixed_hmac, checks_base64_as_typeform_sends_it) {
  const std::string header = "sha256=" + to_base64(as_bytes(hmac_sha256("s3cret", "{\"a\":1}")));
  EXPECT_TRUE(prefixed_hmac_matches("s3cret", "{\"a\":1}", header, digest_encoding::base64));
  EXPECT_FALSE(prefixed_hmac_matches("s3cret", "{\"a\":2}", header, digest_encoding::base64));
  EXPECT_FALSE(prefixed_hmac_matches("s3cret", "{\"a\":1}", header, digest_encoding::hex));
}

}  // namespace
}  // namespace sentinelle
