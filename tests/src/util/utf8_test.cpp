#include "util/utf8.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

TEST(Utf8, AcceptsAsciiAccentsAndEmojis) {
  EXPECT_FALSE(find_invalid_utf8("attente interminable"));
  EXPECT_FALSE(find_invalid_utf8("déçu, très déçu 😡"));
  EXPECT_FALSE(find_invalid_utf8(""));
  EXPECT_FALSE(find_invalid_utf8(std::string_view("a\0b", 3)));  // NUL is valid UTF-8
}

TEST(Utf8, ReportsTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("ab\xff"), 2U);
  EXPECT_EQ(find_invalid_utf8("d\xc3"), 1U);             // truncated é
  EXPECT_EQ(find_invalid_utf8("x\xc0\xaf"), 1U);         // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xed\xa0\x80"), 0U);      // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0U);  // above U+10FFFF
}

}  // namespace
}  // namespace sentinelle
