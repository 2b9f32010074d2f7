#pragma once

// What the Typeform plugin's tests share: the recorded payloads and a signer written from
// Typeform's documentation (base64 HMAC-SHA256 of the raw body under the secret, "sha256=").

#include <string>
#include <string_view>

#include "net/http_fields.hpp"
#include "recorded_delivery.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"

namespace sentinelle::typeform_testing {

inline constexpr const char* secret = "tf-webhook-secret-1f0c9a7e";

inline std::string recorded(const std::string& name) {
  return plugin_testing::recorded_file(TYPEFORM_TEST_DATA, name);
}

inline std::string typeform_signature(std::string_view body, std::string_view key = secret) {
  return "sha256=" + to_base64(as_bytes(hmac_sha256(key, body)));
}

inline http_fields signed_headers(std::string_view body, std::string_view key = secret) {
  return {{"Content-Type", "application/json"},
          {"Typeform-Signature", typeform_signature(body, key)}};
}

}  // namespace sentinelle::typeform_testing
