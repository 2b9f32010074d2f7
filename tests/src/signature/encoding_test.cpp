#include "signature/encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sentinelle {
namespace {

TEST(to_hex, writes_two_lower_case_digits_per_byte) {
  EXPECT_EQ(to_hex(""), "");
  EXPECT_EQ(to_hex(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
}

// RFC 4648 §10.
TEST(base64, encodes_rfc4648_vectors) {
  EXPECT_EQ(to_base64(""), "");
  EXPECT_EQ(to_base64("f"), "Zg==");
  EXPECT_EQ(to_base64("fo"), "Zm8=");
  EXPECT_EQ(to_base64("foo"), "Zm9v");
  EXPECT_EQ(to_base64("foob"), "Zm9vYg==");
  EXPECT_EQ(to_base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(to_base64("foobar"), "Zm9vYmFy");
}

TEST(base64, round_trips_every_byte_value_and_length) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes.push_back(static_cast<char>(i * 7));
    const auto decoded = from_base64(to_base64(bytes));
    ASSERT_TRUE(decoded.has_value()) << i;
    EXPECT_EQ(*decoded, bytes) << i;
  }
}

TEST(base64, round_trips_inputs_larger_than_one_chunk) {
  std::string bytes(200'001, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>(i % 251);
  }
  const std::string encoded = to_base64(bytes);
  EXPECT_EQ(encoded.size(), (bytes.size() + 2) / 3 * 4);
  EXPECT_EQ(from_base64(encoded), bytes);
}

TEST(base64, decodes_plus_and_slash) {
  EXPECT_EQ(from_base64("+/+/"), std::string("\xfb\xff\xbf", 3));
}

TEST(base64, rejects_what_is_not_canonical_padded_base64) {
  for (const char* bad : {"Zg", "Zg=", "Zm9", "Z===", "====", "Zg==Zg==", "Zm9v\n", " Zm9v",
                          "Zm9v YmFy", "Zm-v", "Zm_v", "Zh==", "Zm9=", "Zm\x80v"}) {
    EXPECT_FALSE(from_base64(bad).has_value()) << bad;
  }
}

TEST(base64, decodes_the_empty_string) {
  EXPECT_EQ(from_base64(""), "");
}

}  // namespace
}  // namespace sentinelle
