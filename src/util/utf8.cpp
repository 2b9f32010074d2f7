#include "util/utf8.hpp"

#include <unicode/utf8.h>

#include <cstdint>

namespace sentinelle {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t offset = 0;
  while (offset < length) {
    if (bytes[offset] < 0x80) {  // ASCII fast path: most verbatims are mostly ASCII
      ++offset;
      continue;
    }
    const std::int32_t start = offset;
    UChar32 code_point = 0;
    U8_NEXT(bytes, offset, length, code_point);
    if (code_point < 0) {
      return static_cast<std::size_t>(start);
    }
  }
  return std::nullopt;
}

}  // namespace sentinelle
