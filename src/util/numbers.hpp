#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sentinelle {

// The whole of `text` as a non-negative decimal integer ("42"); nullopt for anything else
// ("", "-1", "4x", " 4", overflow). Query parameters, path ids and header values use it.
inline std::optional<std::int64_t> parse_non_negative(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (failure != std::errc{} || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace sentinelle
