#include "redact/text_census.hpp"

#include <algorithm>
#include <cstdint>

#include "redact/number_text.hpp"

namespace sentinelle {
namespace {

bool is_word_byte(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || c == '_';
}

bool has_iban_head(std::string_view text) {
  for (std::size_t i = 2; i + 1 < text.size(); ++i) {
    if (is_ascii_digit(text[i]) && is_ascii_digit(text[i + 1]) && is_ascii_letter(text[i - 1]) &&
        is_ascii_letter(text[i - 2]) && (i == 2 || !is_word_byte(text[i - 3]))) {
      return true;
    }
  }
  return false;
}

// Digits in the longest run of digit groups joined by single separators: a phone has 9 or 10,
// a card or an all-digit NIR 13 and more, a "number" 9 by definition.
std::size_t longest_digit_run(std::string_view text) {
  std::size_t longest = 0;
  std::size_t current = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_ascii_digit(text[i])) {
      longest = std::max(longest, ++current);
      ++i;
      continue;
    }
    const std::size_t separator = current > 0 ? separator_at(text, i) : 0;
    if (separator > 0 && i + separator < text.size() && is_ascii_digit(text[i + separator])) {
      i += separator;
      continue;
    }
    current = 0;
    ++i;
  }
  return longest;
}

bool has_corsican_department(std::string_view text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    const char next = text[i + 1];
    if (text[i] != '2' || (next != 'A' && next != 'B' && next != 'a' && next != 'b')) {
      continue;
    }
    const std::size_t separator = separator_before(text, i);
    if (is_ascii_digit(text[i - 1]) ||
        (separator > 0 && i > separator && is_ascii_digit(text[i - separator - 1]))) {
      return true;
    }
  }
  return false;
}

struct byte_counts {
  std::uint32_t digits = 0;
  std::uint32_t at_signs = 0;
  std::uint32_t plus_signs = 0;
};
constexpr std::size_t byte_block = std::size_t{1} << 20;  // keeps 32-bit counts exact

// Branch-free over unsigned bytes into 32-bit locals, so that the compiler vectorizes it: for
// most texts this loop is the whole cost of redaction. (Written `cond ? 1 : 0`, or counted into
// a member or a size_t, GCC 12 no longer vectorizes it.)
byte_counts count_bytes(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  byte_counts counts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = bytes[i];
    counts.digits += static_cast<std::uint32_t>(static_cast<unsigned char>(c - '0') < 10);
    counts.at_signs += static_cast<std::uint32_t>(c == '@');
    counts.plus_signs += static_cast<std::uint32_t>(c == '+');
  }
  return counts;
}

}  // namespace

text_census::text_census(std::string_view text) {
  for (std::size_t block = 0; block < text.size(); block += byte_block) {
    const byte_counts counts = count_bytes(text.substr(block, byte_block));
    digits += counts.digits;
    at_sign = at_sign || counts.at_signs != 0;
    plus_sign = plus_sign || counts.plus_signs != 0;
  }
  // Every numeric rule needs digits; the closer looks are for the texts that have some.
  if (digits >= 2) {
    iban_head = has_iban_head(text);
  }
  if (digits >= 9) {
    longest_run = longest_digit_run(text);
  }
  if (digits >= 13) {
    corsica = has_corsican_department(text);
  }
}

bool text_census::may_hold_pii() const {
  return at_sign || iban_head || longest_run >= 9 || corsica || (plus_sign && digits >= 8);
}

bool text_census::triggers(rule_trigger trigger) const {
  switch (trigger) {
    case rule_trigger::at_sign:
      return at_sign;
    case rule_trigger::iban_head:
      return iban_head;
    case rule_trigger::nir_shape:
      return longest_run >= 9 || corsica;
    case rule_trigger::plus_and_digits:
      return plus_sign && digits >= 8;
    case rule_trigger::digit_run:
      return longest_run >= 9;
  }
  return true;
}

}  // namespace sentinelle
