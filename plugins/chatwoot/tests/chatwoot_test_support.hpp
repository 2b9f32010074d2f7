#pragma once

// What the Chatwoot plugin's tests share: the recorded deliveries, Chatwoot's signature, and the
// plugin on a router with a recording pipeline.
#include <gtest/gtest.h>

#include <string>

#include "plugin_harness.hpp"
#include "recorded_delivery.hpp"
#include "signature/encoding.hpp"
#include "signature/hmac.hpp"
#include "util/time.hpp"

namespace sentinelle::chatwoot_testing {

using plugin_testing::plugin_harness;

inline constexpr const char* secret = "chatwoot-webhook-secret-7Hq2";
inline constexpr const char* delivery_id = "3f0c8a52-9d7e-4b61-a0f4-5e2b7c9d1a08";

using plugin_testing::now_s;
using plugin_testing::replaced;

inline std::string recorded(const std::string& name) {
  return plugin_testing::recorded_file(CHATWOOT_TEST_DATA, name);
}

// Chatwoot's headers: "sha256=" + hex HMAC-SHA256(secret, "{timestamp}.{body}").
inline http_fields signed_headers(const std::string& body, std::int64_t at_s,
                                  const std::string& delivery = "", const char* key = secret) {
  const std::string timestamp = std::to_string(at_s);
  const std::string mac = to_hex(as_bytes(hmac_sha256(key, timestamp + "." + body)));
  http_fields headers{{"Content-Type", "application/json; charset=utf-8"},
                      {"X-Chatwoot-Timestamp", timestamp},
                      {"X-Chatwoot-Signature", "sha256=" + mac}};
  if (!delivery.empty()) {
    headers.emplace_back("X-Chatwoot-Delivery", delivery);
  }
  return headers;
}

class ChatwootPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(harness_.create("chatwoot", {{"secret", std::string(secret)}}), "");
  }

  http_response post(const std::string& body, const std::string& delivery = "") {
    return harness_.call("POST", "/hooks/chatwoot", body, signed_headers(body, now_s(), delivery));
  }

  // The one event of the last delivery.
  const event& last_event() {
    const auto& batch = harness_.deliveries().back();
    EXPECT_EQ(batch.events.size(), 1U);
    return batch.events.at(0);
  }

  plugin_harness harness_;
};

}  // namespace sentinelle::chatwoot_testing
