// The Chatwoot endpoint: configuration, the signature over "{timestamp}.{body}" (missing, wrong,
// stale), what is skipped on purpose, and what is refused as no Chatwoot delivery.
#include "chatwoot_test_support.hpp"

namespace sentinelle::chatwoot_testing {
namespace {

TEST(ChatwootConfiguration, NeedsASecretAndRefusesUnknownKeys) {
  EXPECT_EQ(plugin_harness().create("chatwoot", {{"secret", std::string(secret)}}), "");
  EXPECT_EQ(plugin_harness().create("chatwoot"), "plugins.chatwoot.secret: required");
  EXPECT_EQ(plugin_harness().create("chatwoot", {{"secret", std::string()}}),
            "plugins.chatwoot.secret: must not be empty");
  EXPECT_EQ(plugin_harness().create("chatwoot", {{"secret", std::int64_t{7}}}),
            "plugins.chatwoot.secret: expects a string, got an integer");
  EXPECT_EQ(plugin_harness().create("chatwoot",
                                    {{"secret", std::string(secret)}, {"token", std::string("x")}}),
            "plugins.chatwoot.token: unknown key");
}

TEST_F(ChatwootPlugin, RefusesMissingWrongOrStaleSignatures) {
  const std::string body = recorded("message_created.json");
  const std::int64_t now = now_s();
  const std::string body_only_mac = to_hex(as_bytes(hmac_sha256(secret, body)));
  http_fields without_timestamp = signed_headers(body, now);
  without_timestamp.erase(without_timestamp.begin() + 1);
  const std::vector<http_fields> refused{
      {{"Content-Type", "application/json"}},
      without_timestamp,
      signed_headers(body, now, "", "another-secret"),
      signed_headers(body + " ", now),
      {{"Content-Type", "application/json"},
       {"X-Chatwoot-Timestamp", std::to_string(now)},
       {"X-Chatwoot-Signature", "sha256=" + body_only_mac}},
      signed_headers(body, now - 600),  // stale: a replay
      signed_headers(body, now + 600),  // from the future
  };
  for (const http_fields& headers : refused) {
    const http_response answer = harness_.call("POST", "/hooks/chatwoot", body, headers);
    EXPECT_EQ(answer.status, 401U);
    EXPECT_NE(answer.body.find("bad_signature"), std::string::npos) << answer.body;
  }
  http_fields garbled_time = signed_headers(body, now);
  garbled_time[1].second = "hier";
  EXPECT_EQ(harness_.call("POST", "/hooks/chatwoot", body, garbled_time).status, 401U);
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().unauthorized.load(), refused.size() + 1);
  // Within the five minutes, a late delivery still passes.
  EXPECT_EQ(harness_.call("POST", "/hooks/chatwoot", body, signed_headers(body, now - 240)).status,
            200U);
}

TEST_F(ChatwootPlugin, SkipsWhatIsNotTheCustomersWords) {
  const std::string message = recorded("message_created.json");
  const std::string csat = recorded("message_updated_csat.json");
  const std::vector<std::string> skipped{
      recorded("conversation_created.json"),
      replaced(message, R"("message_type": "incoming")", R"("message_type": "outgoing")"),
      replaced(message, R"("message_type": "incoming")", R"("message_type": 1)"),
      replaced(message, R"("private": false)", R"("private": true)"),
      replaced(message, R"("event": "message_created")", R"("event": "message_updated")"),
      replaced(csat, R"("submitted_values")", R"("other_values")"),
      replaced(csat, R"("rating": 1,)", R"("rating": null,)"),
      replaced(message, R"("content": "Bonjour)", R"("content": null, "x": "Bonjour)"),
  };
  for (const std::string& body : skipped) {
    const http_response answer = post(body);
    ASSERT_EQ(answer.status, 200U) << answer.body;
    EXPECT_NE(answer.body.find(R"("skipped":1)"), std::string::npos) << answer.body;
    EXPECT_TRUE(harness_.deliveries().back().events.empty());
  }
  EXPECT_EQ(harness_.stats().skipped.load(), skipped.size());
  EXPECT_EQ(harness_.stats().deliveries.load(), skipped.size());
}

TEST_F(ChatwootPlugin, RefusesBodiesThatAreNotChatwootDeliveries) {
  const std::string message = recorded("message_created.json");
  const std::string csat = recorded("message_updated_csat.json");
  struct refusal {
    std::string body;
    std::string field;  // named in the 422 details
  };
  const std::vector<refusal> shapes{
      {"[]", ""},
      {R"({"id": 1, "content": "Bonjour"})", R"("field":"event")"},
      {replaced(message, R"("message_type": "incoming",)", ""), R"("field":"message_type")"},
      {replaced(message, R"("id": 48213,)", R"("id": true,)"), R"("field":"id")"},
      {replaced(message, R"("content": "Bonjour)", R"("content": 7, "x": "Bonjour)"),
       R"("field":"content")"},
      {replaced(csat, R"("rating": 1,)", R"("rating": 7,)"),
       R"("field":"content_attributes.submitted_values.csat_survey_response.rating")"},
      {replaced(csat, R"("rating": 1,)", R"("rating": "cinq",)"), R"(csat_survey_response.rating)"},
  };
  for (const refusal& shape : shapes) {
    const http_response answer = post(shape.body);
    EXPECT_EQ(answer.status, 422U) << shape.body;
    EXPECT_NE(answer.body.find("invalid_event"), std::string::npos);
    EXPECT_NE(answer.body.find(shape.field), std::string::npos) << answer.body;
  }
  EXPECT_EQ(post(R"({"event": "message_created",)").status, 400U);
  EXPECT_NE(post("{\"event\": \"caf\xe9\"}").body.find("invalid_utf8"), std::string::npos);
  http_fields plain_text = signed_headers(message, now_s());
  plain_text[0].second = "text/plain";
  EXPECT_EQ(harness_.call("POST", "/hooks/chatwoot", message, plain_text).status, 415U);
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().invalid.load(), shapes.size() + 3);
}

}  // namespace
}  // namespace sentinelle::chatwoot_testing
