#pragma once

#include <string_view>

namespace sentinelle {

// How a platform writes the digest after its prefix.
enum class digest_encoding : unsigned char {
  hex,    // Meta's X-Hub-Signature-256, Chatwoot's X-Chatwoot-Signature (lower or upper case)
  base64  // Typeform's Typeform-Signature
};

// True when `header` is `prefix` followed by the encoded HMAC-SHA256 of `message` under `key`
// ("sha256=757107ea…"). The comparison is constant-time over the encoded digest; a missing
// prefix, a wrong length or a wrong digest is false alike.
bool prefixed_hmac_matches(std::string_view key, std::string_view message,
                           std::string_view header, digest_encoding encoding,
                           std::string_view prefix = "sha256=");

}  // namespace sentinelle
