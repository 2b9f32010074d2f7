// The canonical endpoints as a plugin: configuration, authentication by token or Standard
// Webhooks signature, and the hand-off of parsed events to the pipeline.
#include <gtest/gtest.h>

#include "plugin_harness.hpp"
#include "signature/standard_webhooks.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

using plugin_testing::plugin_harness;

constexpr const char* secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr const char* ingest_token = "ingest-token-0123456789";
const std::string survey = R"({"id":"s-1","nps":2,"comment":"Attente interminable"})";

std::vector<auth_token> tokens() { return {{ingest_token, role::ingest}}; }

http_fields signed_headers(const std::string& body, std::int64_t at_s, const char* id = "msg_1") {
  std::string error;
  const auto key = standard_webhooks_secret::parse(secret, error);
  return {{"Content-Type", "application/json"},
          {"webhook-id", id},
          {"webhook-timestamp", std::to_string(at_s)},
          {"webhook-signature", standard_webhooks_sign(key->key(), id, at_s, body)}};
}

TEST(StandardPlugin, RunsWithoutConfigurationAndRefusesBadKeys) {
  EXPECT_EQ(plugin_harness().create("standard"), "");
  EXPECT_EQ(plugin_harness().create("standard", {{"secret", std::string(secret)}}), "");
  EXPECT_EQ(plugin_harness().create("standard", {{"secrets", std::string(secret)}}),
            "plugins.standard.secrets: unknown key");
  EXPECT_EQ(plugin_harness().create("standard", {{"secret", std::int64_t{7}}}),
            "plugins.standard.secret: expects a string, got an integer");
  EXPECT_NE(plugin_harness().create("standard", {{"secret", std::string("whsec_!!")}}).find(
                "plugins.standard.secret: "),
            std::string::npos);
}

TEST(StandardPlugin, HandsParsedEventsToThePipelineWithAToken) {
  plugin_harness harness(tokens());
  ASSERT_EQ(harness.create("standard"), "");
  EXPECT_EQ(harness.call("POST", "/v1/surveys", survey).status, 401U);
  const http_response answer =
      harness.call("POST", "/v1/surveys", survey,
                   {{"Content-Type", "application/json"},
                    {"Authorization", std::string("Bearer ") + ingest_token}});
  EXPECT_EQ(answer.status, 200U) << answer.body;
  ASSERT_EQ(harness.deliveries().size(), 1U);
  const event& stored = harness.deliveries()[0].events.at(0);
  EXPECT_EQ(stored.id, "s-1");
  EXPECT_EQ(stored.source, "api");
  EXPECT_EQ(stored.nps, 2);
  EXPECT_EQ(stored.change, event_change::add);
}

TEST(StandardPlugin, AcceptsAStandardWebhooksSignatureInsteadOfAToken) {
  plugin_harness harness(tokens());
  ASSERT_EQ(harness.create("standard", {{"secret", std::string(secret)}}), "");
  const std::int64_t now = now_unix_ms() / 1000;
  EXPECT_EQ(harness.call("POST", "/v1/surveys", survey, signed_headers(survey, now)).status, 200U);
  // Signed but wrong, stale, or for another body: 401 bad_signature, nothing handed on.
  const http_response tampered =
      harness.call("POST", "/v1/surveys", survey + " ", signed_headers(survey, now));
  EXPECT_EQ(tampered.status, 401U);
  EXPECT_NE(tampered.body.find("bad_signature"), std::string::npos);
  EXPECT_EQ(harness.call("POST", "/v1/surveys", survey, signed_headers(survey, now - 600)).status,
            401U);
  EXPECT_EQ(harness.call("POST", "/v1/surveys", survey, signed_headers(survey, now, "a.b")).status,
            401U);
  EXPECT_EQ(harness.deliveries().size(), 1U);
  EXPECT_EQ(harness.stats().unauthorized.load(), 3U);
}

TEST(StandardPlugin, WithoutASecretASignatureIsNoCredential) {
  plugin_harness harness(tokens());
  ASSERT_EQ(harness.create("standard"), "");
  const std::int64_t now = now_unix_ms() / 1000;
  EXPECT_EQ(harness.call("POST", "/v1/surveys", survey, signed_headers(survey, now)).status, 401U);
}

TEST(StandardPlugin, RefusesOtherMediaTypesAndBadEvents) {
  plugin_harness harness;
  ASSERT_EQ(harness.create("standard"), "");
  EXPECT_EQ(harness.call("POST", "/v1/messages", "{}", {{"Content-Type", "text/plain"}}).status,
            415U);
  const http_response invalid = harness.call("POST", "/v1/surveys", R"([{"id":"x","nps":11}])");
  EXPECT_EQ(invalid.status, 422U);
  EXPECT_NE(invalid.body.find("\"details\""), std::string::npos);
  EXPECT_EQ(harness.call("POST", "/v1/surveys", "{\"id\":").status, 400U);
  EXPECT_TRUE(harness.deliveries().empty());
  EXPECT_EQ(harness.stats().invalid.load(), 3U);
}

}  // namespace
}  // namespace sentinelle
