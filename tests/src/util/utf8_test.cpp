#include "util/utf8.hpp"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>

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

// The byte-at-a-time reading the 16-byte ASCII skip replaced: both must agree on every text.
std::optional<std::size_t> reference_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t offset = 0;
  while (offset < length) {
    const std::int32_t start = offset;
    UChar32 code_point = 0;
    U8_NEXT(bytes, offset, length, code_point);
    if (code_point < 0) {
      return static_cast<std::size_t>(start);
    }
  }
  return std::nullopt;
}

TEST(Utf8, AgreesWithAByteByByteReadingOnRandomTexts) {
  const std::string pieces[] = {"a",
                                "attente ",
                                "é",
                                "😡",
                                "\xff",
                                "\xc3",
                                "\x80",
                                "\xed\xa0\x80",
                                std::string(17, 'x'),
                                std::string(40, ' '),
                                "ç",
                                "\xf4\x90\x80\x80",
                                "\xc0\xaf",       // overlong
                                "\xe0\x80\xaf",   // overlong, three bytes
                                "\xef\xbf\xbe",   // U+FFFE: a noncharacter, valid
                                "\xf0\x9f\x98"};  // a truncated emoji
  std::mt19937 random(30112026);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(0, 30);
  for (int i = 0; i < 50'000; ++i) {
    std::string text;
    for (int n = count(random); n > 0; --n) {
      text += pieces[pick(random)];
    }
    ASSERT_EQ(find_invalid_utf8(text), reference_invalid_utf8(text)) << text;
  }
}

}  // namespace
}  // namespace sentinelle
