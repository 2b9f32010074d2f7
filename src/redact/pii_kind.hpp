#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sentinelle {

// What a replacement stood for. The named kinds are claimed only when a checksum or a strict
// shape proves them; `number` is "digits we removed without knowing what they were".
enum class pii_kind : std::uint8_t { email, telephone, iban, card, nir, number };
inline constexpr std::size_t pii_kind_count = 6;

// The text that replaces a piece of personal data. Tokens hold no digit and no '@', so no rule
// can match them again: that is what makes redaction idempotent.
constexpr std::string_view pii_token(pii_kind kind) {
  constexpr std::array<std::string_view, pii_kind_count> tokens = {
      "[EMAIL]", "[TELEPHONE]", "[IBAN]", "[CARTE]", "[NIR]", "[NUMERO]"};
  return tokens[static_cast<std::size_t>(kind)];
}

// One replacement: the bytes [begin, end) of the text given to the redactor.
struct redaction {
  std::size_t begin = 0;
  std::size_t end = 0;
  pii_kind kind = pii_kind::number;
};

// How many replacements of each kind one text needed (for metrics; never the values).
struct redaction_counts {
  std::array<std::uint32_t, pii_kind_count> by_kind{};

  std::uint32_t of(pii_kind kind) const { return by_kind[static_cast<std::size_t>(kind)]; }
  std::uint32_t total() const {
    std::uint32_t sum = 0;
    for (const std::uint32_t count : by_kind) {
      sum += count;
    }
    return sum;
  }
  redaction_counts& operator+=(const redaction_counts& other) {
    for (std::size_t i = 0; i < pii_kind_count; ++i) {
      by_kind[i] += other.by_kind[i];
    }
    return *this;
  }
};

}  // namespace sentinelle
