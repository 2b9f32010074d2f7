#pragma once

// What the Zendesk plugin's tests share: the recorded bodies, the credentials (tokens, Zendesk's
// signature, Standard Webhooks), and the plugin on a router with a recording pipeline.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "plugin_harness.hpp"
#include "recorded_delivery.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"

namespace sentinelle::zendesk_testing {

using plugin_testing::plugin_harness;
using settings_map = std::map<std::string, setting_value>;

inline constexpr const char* ingest_token = "ingest-token-0123456789";
inline constexpr const char* console_token = "console-token-0123456789";
inline constexpr const char* signing_secret = "dGhpcyBpcyBhIFplbmRlc2sgc2lnbmluZyBzZWNyZXQ";
inline constexpr const char* whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

using plugin_testing::now_s;
using plugin_testing::replaced;

inline std::string recorded(const std::string& name) {
  return plugin_testing::recorded_file(ZENDESK_TEST_DATA, name);
}

inline std::vector<auth_token> tokens() {
  return {{ingest_token, role::ingest}, {console_token, role::console}};
}

inline http_fields bearer(const char* token) {
  return {{"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + token}};
}

// Zendesk's headers: base64 HMAC-SHA256(secret, timestamp + body), the timestamp as Zendesk
// writes it ("2026-11-20T13:03:00Z").
inline http_fields zendesk_signed(const std::string& body, std::int64_t at_s,
                                  const char* key = signing_secret) {
  std::string timestamp = format_rfc3339(at_s * 1000);
  timestamp.replace(timestamp.size() - 5, 5, "Z");  // ".000Z" → "Z"
  return {{"Content-Type", "application/json"},
          {"X-Zendesk-Webhook-Signature-Timestamp", timestamp},
          {"X-Zendesk-Webhook-Signature", to_base64(as_bytes(hmac_sha256(key, timestamp + body)))}};
}

inline http_fields standard_signed(const std::string& body, std::int64_t at_s) {
  std::string error;
  const auto key = standard_webhooks_secret::parse(whsec, error);
  return {{"Content-Type", "application/json"},
          {"webhook-id", "msg_zd_1"},
          {"webhook-timestamp", std::to_string(at_s)},
          {"webhook-signature", standard_webhooks_sign(key->key(), "msg_zd_1", at_s, body)}};
}

class ZendeskPlugin : public ::testing::Test {
 protected:
  void create(settings_map values = {}) { ASSERT_EQ(harness_.create("zendesk", values), ""); }

  http_response post(const std::string& body, http_fields headers = bearer(ingest_token)) {
    return harness_.call("POST", "/hooks/zendesk", body, std::move(headers));
  }

  const event& last_event() {
    const auto& batch = harness_.deliveries().back();
    EXPECT_EQ(batch.events.size(), 1U);
    return batch.events.at(0);
  }

  plugin_harness harness_{tokens()};
};

}  // namespace sentinelle::zendesk_testing
