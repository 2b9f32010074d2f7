#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sentinelle {

// Byte offset of the first invalid UTF-8 sequence in `text` (overlongs, surrogates and code points
// above U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

}  // namespace sentinelle
