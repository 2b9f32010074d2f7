#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sentinelle {

// Standard Webhooks (https://www.standardwebhooks.com): an HMAC-SHA256 over
// "{webhook-id}.{webhook-timestamp}.{raw body}", sent as "v1,<base64>" in `webhook-signature`.
// Used both ways: to check inbound hooks (Formbricks, the `standard` source) and to sign the
// outbound alert webhooks.

// The signing key of a secret written "whsec_<base64>" or as bare base64.
class standard_webhooks_secret {
 public:
  // nullopt and `error` (which never quotes the secret) when the text is not one.
  static std::optional<standard_webhooks_secret> parse(std::string_view text, std::string& error);

  const std::string& key() const { return key_; }  // raw bytes

 private:
  explicit standard_webhooks_secret(std::string key) : key_(std::move(key)) {}

  std::string key_;
};

// "v1,<base64 HMAC-SHA256(key, id.timestamp.body)>"; `timestamp` is Unix seconds.
std::string standard_webhooks_sign(std::string_view key, std::string_view id,
                                   std::int64_t timestamp, std::string_view body);

// The three headers as received (empty = absent).
struct standard_webhooks_headers {
  std::string_view id;         // webhook-id
  std::string_view timestamp;  // webhook-timestamp, Unix seconds
  std::string_view signature;  // webhook-signature, space-separated "v1,…" entries
};

// Why a request is refused; each maps to 401 `bad_signature` (CONTRACT §4), the name is for logs.
enum class signature_check : std::uint8_t {
  ok,
  missing_header,        // one of the three headers is empty
  invalid_id,            // contains '.', which would make the signed text ambiguous
  invalid_timestamp,     // not a decimal integer
  timestamp_too_old,     // older than now − tolerance: a replay
  timestamp_too_new,     // newer than now + tolerance
  no_matching_signature  // no "v1," entry matches (other versions are ignored)
};

std::string_view signature_check_name(signature_check check);

inline constexpr std::int64_t standard_webhooks_tolerance_s = 5 * 60;

// Checks the headers against the raw body at `now` (Unix seconds). Every "v1" entry is compared
// in constant time; entries of unknown versions are skipped, as the spec asks, so a sender can
// roll keys or algorithms by sending several signatures at once.
signature_check standard_webhooks_verify(std::string_view key,
                                         const standard_webhooks_headers& headers,
                                         std::string_view body, std::int64_t now,
                                         std::int64_t tolerance_s = standard_webhooks_tolerance_s);

}  // namespace sentinelle
