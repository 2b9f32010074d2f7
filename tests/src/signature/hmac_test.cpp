#include "signature/hmac.hpp"

#include <gtest/gtest.h>

#include <string>

#include "signature/encoding.hpp"

namespace sentinelle {
namespace {

// RFC 4231 §4.2 and §4.3.
TEST(hmac_sha256, matches_rfc4231_test_case_1) {
  const std::string key(20, '\x0b');
  EXPECT_EQ(to_hex(as_bytes(hmac_sha256(key, "Hi There"))),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(hmac_sha256, matches_rfc4231_test_case_2) {
  EXPECT_EQ(to_hex(as_bytes(hmac_sha256("Jefe", "what do ya want for nothing?"))),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// RFC 4231 §4.7: a key longer than the block size is hashed first.
TEST(hmac_sha256, matches_rfc4231_test_case_6_with_a_long_key) {
  const std::string key(131, '\xaa');
  EXPECT_EQ(
      to_hex(as_bytes(hmac_sha256(key, "Test Using Larger Than Block-Size Key - Hash Key First"))),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(hmac_sha256, accepts_empty_key_and_message) {
  EXPECT_EQ(to_hex(as_bytes(hmac_sha256("", ""))),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(hmac_sha256, signs_raw_bytes_including_nul) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(hmac_sha256("k", with_nul), hmac_sha256("k", "a"));
}

TEST(constant_time_equal, compares_length_then_bytes) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "ab"));
  EXPECT_FALSE(constant_time_equal("", "a"));
}

}  // namespace
}  // namespace sentinelle
