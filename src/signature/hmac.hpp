#pragma once

#include <array>
#include <string_view>

namespace sentinelle {

using sha256_digest = std::array<unsigned char, 32>;

// HMAC-SHA256 of `message` under `key`, both raw bytes (signatures are checked on the body's
// bytes exactly as received, never on a re-serialization).
sha256_digest hmac_sha256(std::string_view key, std::string_view message);

// The digest's bytes, for the encoders and comparisons that take a byte string.
std::string_view as_bytes(const sha256_digest& digest);

// Equal length and equal bytes, in a time that depends only on the length: a signature must not
// leak, through timing, how many of its leading bytes an attacker already guessed.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace sentinelle
