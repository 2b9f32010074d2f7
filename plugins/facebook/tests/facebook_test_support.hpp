#pragma once

// What the Meta plugin's tests share: the configuration, Meta's signature over a body, and the
// recorded deliveries of tests/data.

#include <string>

#include "plugin_harness.hpp"
#include "recorded_delivery.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"

namespace sentinelle::facebook_testing {

inline constexpr const char* app_secret = "8f3a1c9e2b7d4f60a5e1c3b9d7f2a4e6";
inline constexpr const char* verify_token = "jeton-de-verification-fibrea";

inline std::map<std::string, setting_value> settings() {
  return {{"app_secret", std::string(app_secret)}, {"verify_token", std::string(verify_token)}};
}

// X-Hub-Signature-256 as Meta computes it: hex HMAC-SHA256 of the raw body under the secret.
inline std::string signature_of(const std::string& body, const char* secret = app_secret) {
  return "sha256=" + to_hex(as_bytes(hmac_sha256(secret, body)));
}

inline http_fields signed_headers(const std::string& body) {
  return {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", signature_of(body)}};
}

inline std::string recorded(const std::string& name) {
  return plugin_testing::recorded_file(FACEBOOK_TEST_DATA, name);
}

// The plugin, configured, on a recording pipeline.
class facebook_harness : public plugin_testing::plugin_harness {
 public:
  facebook_harness() { created_ = create("facebook", settings()); }
  const std::string& created() const { return created_; }

  http_response deliver(const std::string& body) {
    return call("POST", "/hooks/facebook", body, signed_headers(body));
  }

 private:
  std::string created_;
};

}  // namespace sentinelle::facebook_testing
