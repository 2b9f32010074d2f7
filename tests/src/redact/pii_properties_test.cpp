// Properties over many texts: idempotence, hostile bytes, long inputs, concurrent use.
#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "redactor_fixture.hpp"

namespace sentinelle {
namespace {

using testing::redacted;
using testing::shared_redactor;

// Random texts from an alphabet rich in what the rules look at: digits, separators, IBAN and
// NIR letters, '@', '+', brackets like the tokens', accents and no-break spaces.
std::string random_text(std::mt19937& rng) {
  static const std::array<std::string_view, 24> pieces = {
      "0", "1", "2",  "3", "6", "9", " ", " ",      ".",  "-",  "+",    "(0)",
      "@", "a", "FR", "B", "[", "]", "é", "\u00a0", "33", "2A", "x.fr", "\u202f"};
  std::uniform_int_distribution<std::size_t> length(0, 80);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (std::size_t n = length(rng); n > 0; --n) {
    text += pieces[pick(rng)];
  }
  return text;
}

TEST(PiiProperties, RedactingTwiceChangesNothing) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const std::string text = random_text(rng);
    const std::string once = redacted(text);
    ASSERT_EQ(redacted(once), once) << "input: " << text;
  }
}

// Found by tests/fuzz (pii_redactor): a phone starting with '(' or '+' right after other digits
// was refused as a piece of a longer number, but the digit-run rule does not join digits across
// '(' or '+', so the phone stayed until a second pass, once the digits before it were a token.
TEST(PiiProperties, APhoneRightAfterDigitsGoesInOnePass) {
  EXPECT_EQ(redacted("123456789(+33) 1234 5678"), "[NUMERO][TELEPHONE]");
  EXPECT_EQ(redacted("123456789+1 234 5678"), "[NUMERO][TELEPHONE]");
  const std::string once = redacted("carte 4111 1111 11(+33) 1111 1111");
  EXPECT_EQ(redacted(once), once);
}

// Found by tests/fuzz (pii_redactor): "DK54…" glued to digits starts no IBAN, but once the digits
// are [NUMERO] it does, so a second redaction replaced more than the first.
TEST(PiiProperties, ATokenDoesNotUncoverMoreForASecondPass) {
  const std::string once = redacted("123456789DK54444 ou R311 12");
  EXPECT_EQ(redacted(once), once);
}

TEST(PiiProperties, TokensAndRedactedTextAreFixedPoints) {
  for (const char* text : {"[EMAIL] [TELEPHONE] [IBAN] [CARTE] [NIR] [NUMERO]",
                           "tel [TELEPHONE] 12", "FR76 [NUMERO]", "[NUMERO]@[EMAIL]"}) {
    std::string out;
    EXPECT_FALSE(shared_redactor().redact(text, out)) << text;
  }
}

TEST(PiiProperties, InvalidUtf8NeverCrashesAndIsKept) {
  const std::string text = std::string("tel 06 12 34 56 78 \xff\xfe caf\xc3 \xe2\x80 ") +
                           std::string("\x00", 1) + " 123456789 \xc0\xaf";
  std::string out;
  EXPECT_TRUE(shared_redactor().redact(text, out));
  EXPECT_EQ(out, std::string("tel [TELEPHONE] \xff\xfe caf\xc3 \xe2\x80 ") +
                     std::string("\x00", 1) + " [NUMERO] \xc0\xaf");
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(static_cast<std::size_t>(byte(rng) % 64), '\0');
    for (char& c : bytes) {
      c = static_cast<char>(i % 2 == 0 ? byte(rng) : "0123456789 .@\xc2\xa0"[byte(rng) % 16]);
    }
    const std::string once = redacted(bytes);
    ASSERT_EQ(redacted(once), once);
  }
}

TEST(PiiProperties, LongHostileInputsFinish) {
  const std::string digits_and_spaces = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) {
      s += "1 ";
    }
    return s;
  }();
  EXPECT_EQ(redacted(digits_and_spaces), "[NUMERO] ");
  const std::string words = std::string("FR76") + std::string(200000, 'a');
  EXPECT_EQ(redacted(words + " 123"), words + " 123");
  std::string at_signs(100000, '@');
  EXPECT_EQ(redacted(at_signs), at_signs);
  // IBAN-like heads the IBAN rule refuses one after the other: must stay linear.
  std::string heads;
  for (int i = 0; i < 100000; ++i) {
    heads += "ab12 ";
  }
  EXPECT_EQ(redacted(heads), heads);
}

TEST(PiiProperties, ConcurrentUseGivesTheSameResults) {
  const std::vector<std::string> texts = {"tel 06 12 34 56 78",
                                          "IBAN FR76 3000 6000 0112 3456 7890 189",
                                          "a@b.fr",
                                          "NIR 2 95 10 99 126 111 93",
                                          "rien du tout 8/10",
                                          "carte 4111 1111 1111 1111"};
  std::vector<std::string> expected;
  for (const auto& text : texts) {
    expected.push_back(redacted(text));
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      std::string out;
      for (int round = 0; round < 2000; ++round) {
        const std::size_t i = (round + t) % texts.size();
        shared_redactor().redact(texts[i], out);
        mismatches[t] += out != expected[i] ? 1 : 0;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const int count : mismatches) {
    EXPECT_EQ(count, 0);
  }
}

}  // namespace
}  // namespace sentinelle
