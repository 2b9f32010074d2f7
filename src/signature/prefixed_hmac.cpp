#include "signature/prefixed_hmac.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "signature/encoding.hpp"
#include "signature/hmac.hpp"

namespace sentinelle {

bool prefixed_hmac_matches(std::string_view key, std::string_view message,
                           std::string_view header, digest_encoding encoding,
                           std::string_view prefix) {
  if (!header.starts_with(prefix)) {
    return false;
  }
  std::string presented(header.substr(prefix.size()));
  const sha256_digest mac = hmac_sha256(key, message);  // as_bytes() views it: keep it alive
  const std::string_view digest = as_bytes(mac);
  std::string expected;
  if (encoding == digest_encoding::hex) {
    expected = to_hex(digest);
    // Hex digits mean the same in either case; base64 letters do not.
    std::transform(presented.begin(), presented.end(), presented.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  } else {
    expected = to_base64(digest);
  }
  return constant_time_equal(presented, expected);
}

}  // namespace sentinelle
