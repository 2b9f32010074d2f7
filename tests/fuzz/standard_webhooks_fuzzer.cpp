// Standard Webhooks verification with fuzzed headers (src/signature/standard_webhooks.hpp).
// Input: "<flags><key>\n<webhook-id>\n<webhook-timestamp>\n<webhook-signature>\n<body>". With
// bit 0 of the flags byte set, the correct "v1,…" entry for that key, id, timestamp and body is
// appended to the signature header: verification must then succeed unless a header is refused.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "fuzz_input.hpp"
#include "signature/standard_webhooks.hpp"

using namespace sentinelle;

namespace {

constexpr std::int64_t now_s = 1795179780;  // the seeds' timestamps are within 5 minutes of it

// The timestamp as standard_webhooks_sign writes it: digits, no sign, no leading zero.
std::optional<std::int64_t> canonical_timestamp(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0 ||
      std::to_string(value) != text) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const bool append_valid = (data[0] & 1) != 0;
  const auto [key, id, timestamp, signature, body] =
      fuzzing::split_fields<5>(fuzzing::as_text(data + 1, size - 1));
  std::string header(signature);
  const auto signed_at = canonical_timestamp(timestamp);
  if (append_valid && signed_at) {
    header += (header.empty() ? "" : " ") + standard_webhooks_sign(key, id, *signed_at, body);
  }
  const signature_check check = standard_webhooks_verify(key, {id, timestamp, header}, body, now_s);
  fuzzing::require(!signature_check_name(check).empty(), "a check without a name");
  if (append_valid && signed_at) {
    fuzzing::require(check != signature_check::no_matching_signature,
                     "a correctly signed request was refused");
  }
  if (check == signature_check::ok) {
    fuzzing::require(!id.empty() && !timestamp.empty() && !header.empty(), "accepted headerless");
    fuzzing::require(id.find('.') == std::string_view::npos, "accepted an id with a '.'");
  }
  return 0;
}
