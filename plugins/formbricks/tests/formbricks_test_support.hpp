#pragma once

// What the Formbricks plugin's tests share: the recorded payloads and a signer written from
// Formbricks' documentation (Standard Webhooks: "v1," + base64 HMAC-SHA256 of
// "{webhook-id}.{webhook-timestamp}.{body}" under the secret's decoded bytes).

#include <cstdint>
#include <string>
#include <string_view>

#include "net/http_fields.hpp"
#include "recorded_delivery.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"

namespace sentinelle::formbricks_testing {

inline constexpr const char* secret = "whsec_BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY=";
inline constexpr const char* other_secret = "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
inline constexpr const char* webhook_id = "01936b2e-8b1a-7c3d-9e2f-4a5b6c7d8e9f";  // uuidv7

using plugin_testing::now_s;

inline std::string recorded(const std::string& name) {
  return plugin_testing::recorded_file(FORMBRICKS_TEST_DATA, name);
}

inline std::string formbricks_signature(std::string_view id, std::int64_t at_s,
                                        std::string_view body, std::string_view whsec = secret) {
  const std::string key = from_base64(whsec.substr(6)).value_or("");
  const std::string signed_text =
      std::string(id) + "." + std::to_string(at_s) + "." + std::string(body);
  return "v1," + to_base64(as_bytes(hmac_sha256(key, signed_text)));
}

inline http_fields signed_headers(std::string_view body, std::int64_t at_s = now_s(),
                                  std::string_view id = webhook_id,
                                  std::string_view whsec = secret) {
  return {{"content-type", "application/json"},
          {"webhook-id", std::string(id)},
          {"webhook-timestamp", std::to_string(at_s)},
          {"webhook-signature", formbricks_signature(id, at_s, body, whsec)}};
}

}  // namespace sentinelle::formbricks_testing
