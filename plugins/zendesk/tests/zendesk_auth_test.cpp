// Who may post to /hooks/zendesk: an ingest token, Zendesk's own signature, a Standard Webhooks
// signature, and what happens with none of them.
#include "zendesk_test_support.hpp"

namespace sentinelle::zendesk_testing {
namespace {

TEST_F(ZendeskPlugin, BearerTokensNeedTheIngestRole) {
  create();
  const std::string body = recorded("rating_trigger.json");
  EXPECT_EQ(post(body, {{"Content-Type", "application/json"}}).status, 401U);
  EXPECT_EQ(post(body, bearer("not-a-token")).status, 401U);
  EXPECT_EQ(post(body, bearer(console_token)).status, 403U);
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().unauthorized.load(), 3U);
}

TEST_F(ZendeskPlugin, AcceptsZendesksOwnSignature) {
  create({{"signing_secret", std::string(signing_secret)}});
  const std::string body = recorded("rating_trigger.json");
  const std::int64_t now = now_s();
  EXPECT_EQ(post(body, zendesk_signed(body, now)).status, 200U);
  http_fields no_timestamp = zendesk_signed(body, now);
  no_timestamp.erase(no_timestamp.begin() + 1);
  http_fields signed_with_token = zendesk_signed(body + " ", now);
  signed_with_token.emplace_back("Authorization", std::string("Bearer ") + ingest_token);
  const std::vector<http_fields> refused{
      zendesk_signed(body + " ", now),            // another body
      zendesk_signed(body, now, "autre-secret"),  // another secret
      zendesk_signed(body, now - 600),            // stale: a replay
      zendesk_signed(body, now + 600),            // from the future
      no_timestamp,
      signed_with_token,  // a wrong signature is final, whatever else comes with it
  };
  for (const http_fields& headers : refused) {
    const http_response answer = post(body, headers);
    EXPECT_EQ(answer.status, 401U);
    EXPECT_NE(answer.body.find("bad_signature"), std::string::npos);
  }
  EXPECT_EQ(harness_.deliveries().size(), 1U);
  // Zendesk signs every request; without signing_secret the header is not a credential.
  plugin_harness unsigned_harness(tokens());
  ASSERT_EQ(unsigned_harness.create("zendesk"), "");
  EXPECT_EQ(unsigned_harness.call("POST", "/hooks/zendesk", body, zendesk_signed(body, now)).status,
            401U);
}

TEST_F(ZendeskPlugin, AcceptsStandardWebhooksSignatures) {
  create({{"secret", std::string(whsec)}});
  const std::string body = recorded("rating_trigger.json");
  EXPECT_EQ(post(body, standard_signed(body, now_s())).status, 200U);
  EXPECT_EQ(post(body + " ", standard_signed(body, now_s())).status, 401U);
  EXPECT_EQ(post(body, standard_signed(body, now_s() - 600)).status, 401U);
  EXPECT_EQ(harness_.deliveries().size(), 1U);
}

TEST_F(ZendeskPlugin, WithNeitherTokenNorSignatureOnlyAnUnconfiguredEndpointIsOpen) {
  const std::string body = recorded("rating_trigger.json");
  const http_fields json{{"Content-Type", "application/json"}};
  create({{"signing_secret", std::string(signing_secret)}});
  EXPECT_EQ(post(body, json).status, 401U);
  // Without [[auth.tokens]], a configured secret makes a signature the only way in.
  plugin_harness no_tokens;
  ASSERT_EQ(no_tokens.create("zendesk", {{"signing_secret", std::string(signing_secret)}}), "");
  const http_response refused = no_tokens.call("POST", "/hooks/zendesk", body, json);
  EXPECT_EQ(refused.status, 401U);
  EXPECT_NE(refused.body.find("bad_signature"), std::string::npos);
  EXPECT_EQ(no_tokens.call("POST", "/hooks/zendesk", body, bearer("anything")).status, 401U);
  EXPECT_EQ(no_tokens.call("POST", "/hooks/zendesk", body, zendesk_signed(body, now_s())).status,
            200U);
  // Nothing configured anywhere: open like /v1/*, which the server allows on loopback only.
  plugin_harness open;
  ASSERT_EQ(open.create("zendesk"), "");
  EXPECT_EQ(open.call("POST", "/hooks/zendesk", body, json).status, 200U);
}

}  // namespace
}  // namespace sentinelle::zendesk_testing
