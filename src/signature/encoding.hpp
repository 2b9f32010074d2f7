#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sentinelle {

// Lower-case hexadecimal, two digits per byte (Meta's and Chatwoot's signatures).
std::string to_hex(std::string_view bytes);

// Standard base64 (RFC 4648 §4, '+' '/' and '=' padding), as Standard Webhooks and Typeform use.
std::string to_base64(std::string_view bytes);

// The bytes of canonical, padded standard base64; nullopt on anything else: a character outside
// the alphabet, whitespace, missing or misplaced padding, or non-zero unused bits. Strict, so
// that one secret or signature has exactly one spelling.
std::optional<std::string> from_base64(std::string_view text);

}  // namespace sentinelle
