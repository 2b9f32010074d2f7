// prefixed_hmac_matches (src/signature/prefixed_hmac.hpp), as Meta, Chatwoot, Typeform and
// Zendesk signatures use it. Input: "<flags><key>\n<prefix>\n<header>\n<message>"; bit 0 of the
// flags byte picks base64 (1) or hex (0). Checked: the correct header always matches, and a
// fuzzed header matches only when it is the correct one (hex in either case).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "fuzz_input.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"
#include "signature/prefixed_hmac.hpp"

using namespace sentinelle;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const digest_encoding encoding =
      (data[0] & 1) != 0 ? digest_encoding::base64 : digest_encoding::hex;
  const auto [key, prefix, header, message] =
      fuzzing::split_fields<4>(fuzzing::as_text(data + 1, size - 1));
  const sha256_digest mac = hmac_sha256(key, message);
  const std::string digest =
      encoding == digest_encoding::hex ? to_hex(as_bytes(mac)) : to_base64(as_bytes(mac));
  const std::string correct = std::string(prefix) + digest;
  fuzzing::require(prefixed_hmac_matches(key, message, correct, encoding, prefix),
                   "the correct signature does not match");
  if (prefixed_hmac_matches(key, message, header, encoding, prefix)) {
    fuzzing::require(header.starts_with(prefix), "matched without the prefix");
    const std::string_view presented = header.substr(prefix.size());
    fuzzing::require(
        encoding == digest_encoding::hex ? lower(presented) == digest : presented == digest,
        "a wrong signature matched");
  }
  return 0;
}
