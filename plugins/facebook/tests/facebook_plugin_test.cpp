// The Meta plugin's front door: configuration, the subscription handshake, the signature, and
// what is refused before any mapping (not JSON, not Meta's shape, too many entries).
#include <gtest/gtest.h>

#include "facebook_test_support.hpp"

namespace sentinelle {
namespace {

using namespace facebook_testing;

const std::string comment_delivery = R"({"object":"page","entry":[{"id":"111","time":1795179780,
"changes":[{"field":"feed","value":{"from":{"id":"222","name":"Léa"},"item":"comment",
"verb":"add","comment_id":"333_444","post_id":"111_333","message":"Service nul"}}]}]})";

std::string handshake(std::string_view mode, std::string_view token, std::string_view challenge) {
  return "/hooks/facebook?hub.mode=" + std::string(mode) +
         "&hub.verify_token=" + std::string(token) + "&hub.challenge=" + std::string(challenge);
}

TEST(FacebookPlugin, ConfigurationNeedsBothKeysAndRefusesOthers) {
  EXPECT_EQ(plugin_testing::plugin_harness().create("facebook", settings()), "");
  EXPECT_EQ(plugin_testing::plugin_harness().create("facebook", {}),
            "plugins.facebook.app_secret: required");
  EXPECT_EQ(plugin_testing::plugin_harness().create("facebook",
                                                    {{"app_secret", std::string(app_secret)}}),
            "plugins.facebook.verify_token: required");
  auto unknown = settings();
  unknown["secret"] = std::string("x");
  EXPECT_EQ(plugin_testing::plugin_harness().create("facebook", unknown),
            "plugins.facebook.secret: unknown key");
  auto wrong_type = settings();
  wrong_type["verify_token"] = std::int64_t{42};
  EXPECT_EQ(plugin_testing::plugin_harness().create("facebook", wrong_type),
            "plugins.facebook.verify_token: expects a string, got an integer");
  auto empty = settings();
  empty["app_secret"] = std::string();
  EXPECT_EQ(plugin_testing::plugin_harness().create("facebook", empty),
            "plugins.facebook.app_secret: must not be empty");
}

TEST(FacebookPlugin, HandshakeEchoesTheChallengeForTheRightToken) {
  facebook_harness harness;
  ASSERT_EQ(harness.created(), "");
  const http_response answer =
      harness.call("GET", handshake("subscribe", verify_token, "1158201444"), "", {});
  EXPECT_EQ(answer.status, 200U);
  EXPECT_EQ(answer.body, "1158201444");
  EXPECT_EQ(answer.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(harness.stats().unauthorized.load(), 0U);
}

TEST(FacebookPlugin, HandshakeRefusesAWrongTokenModeOrChallenge) {
  facebook_harness harness;
  for (const std::string& target :
       {handshake("subscribe", "jeton-faux", "1158201444"),
        handshake("subscribe", "jeton-de-verification", "1158201444"),  // a prefix of it
        handshake("unsubscribe", verify_token, "1158201444"),
        std::string("/hooks/facebook?hub.challenge=1158201444"), std::string("/hooks/facebook")}) {
    const http_response answer = harness.call("GET", target, "", {});
    EXPECT_EQ(answer.status, 403U) << target;
    EXPECT_NE(answer.body.find("\"forbidden\""), std::string::npos);
  }
  EXPECT_EQ(harness.stats().unauthorized.load(), 5U);
  // The right token without a challenge to echo, or one that is not plain text: 400.
  EXPECT_EQ(harness.call("GET", handshake("subscribe", verify_token, ""), "", {}).status, 400U);
  EXPECT_EQ(harness.call("GET", handshake("subscribe", verify_token, "%3Cb%0A"), "", {}).status,
            400U);
}

TEST(FacebookPlugin, RefusesAMissingOrWrongSignatureAndHandsNothingOn) {
  facebook_harness harness;
  const std::string& body = comment_delivery;
  const std::vector<http_fields> refused{
      {{"Content-Type", "application/json"}},
      {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", signature_of(body, "autre")}},
      {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", signature_of(body + " ")}},
      {{"Content-Type", "application/json"},
       {"X-Hub-Signature-256", signature_of(body).substr(std::string("sha256=").size())}},
      {{"Content-Type", "application/json"}, {"X-Hub-Signature", signature_of(body)}}};
  for (const http_fields& headers : refused) {
    const http_response answer = harness.call("POST", "/hooks/facebook", body, headers);
    EXPECT_EQ(answer.status, 401U);
    EXPECT_NE(answer.body.find("\"bad_signature\""), std::string::npos);
  }
  EXPECT_TRUE(harness.deliveries().empty());
  EXPECT_EQ(harness.stats().unauthorized.load(), refused.size());
  EXPECT_EQ(harness.deliver(body).status, 200U);
  EXPECT_EQ(harness.deliveries().size(), 1U);
}

TEST(FacebookPlugin, RefusesWhatIsNotJsonOrNotUtf8) {
  facebook_harness harness;
  const std::string broken = R"({"object":"page","entry":[)";
  EXPECT_EQ(harness.deliver(broken).status, 400U);
  const http_response not_utf8 = harness.deliver("{\"object\":\"page\",\"x\":\"\xC3\x28\"}");
  EXPECT_EQ(not_utf8.status, 400U);
  EXPECT_NE(not_utf8.body.find("invalid_utf8"), std::string::npos);
  const http_response lone_surrogate = harness.deliver(R"({"object":"page","entry":[{"id":"1",
"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2",
"message":"\ud83d seul"}}]}]})");
  EXPECT_EQ(lone_surrogate.status, 400U);
  http_fields text_plain = signed_headers(comment_delivery);
  text_plain[0].second = "text/plain";
  EXPECT_EQ(harness.call("POST", "/hooks/facebook", comment_delivery, text_plain).status, 415U);
  EXPECT_TRUE(harness.deliveries().empty());
  EXPECT_EQ(harness.stats().invalid.load(), 4U);
}

TEST(FacebookPlugin, ValidJsonOfTheWrongShapeIs422WithTheField) {
  facebook_harness harness;
  for (const std::string body :
       {"[]", "{}", R"({"entry":[]})", R"({"object":"page"})", R"({"object":"page","entry":{}})",
        R"({"object":"page","entry":[{"time":1}]})", R"({"object":"page","entry":[7]})"}) {
    const http_response answer = harness.deliver(body);
    EXPECT_EQ(answer.status, 422U) << body;
    EXPECT_NE(answer.body.find("\"invalid_event\""), std::string::npos);
    EXPECT_NE(answer.body.find("\"details\""), std::string::npos);
  }
  const http_response missing_id = harness.deliver(R"({"object":"page","entry":[{"id":"1",
"changes":[{"field":"feed","value":{"item":"comment","verb":"add","message":"Nul"}}]}]})");
  EXPECT_EQ(missing_id.status, 422U);
  EXPECT_NE(missing_id.body.find(R"("field":"entry[0].changes[0].value.comment_id")"),
            std::string::npos)
      << missing_id.body;
  const http_response no_mid = harness.deliver(R"({"object":"page","entry":[{"id":"1",
"messaging":[{"sender":{"id":"9"},"timestamp":1,"message":{"text":"Allô ?"}}]}]})");
  EXPECT_EQ(no_mid.status, 422U);
  EXPECT_NE(no_mid.body.find(R"("field":"entry[0].messaging[0].message.mid")"), std::string::npos)
      << no_mid.body;
  const http_response bad_text = harness.deliver(R"({"object":"instagram","entry":[{"id":"1",
"changes":[{"field":"comments","value":{"id":"5","text":{"fr":"Nul"}}}]}]})");
  EXPECT_NE(bad_text.body.find(R"("field":"entry[0].changes[0].value.text")"), std::string::npos);
  EXPECT_TRUE(harness.deliveries().empty());
}

TEST(FacebookPlugin, OtherMetaProductsAreSkippedAndCounted) {
  facebook_harness harness;
  const http_response answer = harness.deliver(
      R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]},{"id":"2"}]})");
  EXPECT_EQ(answer.status, 200U);
  ASSERT_EQ(harness.deliveries().size(), 1U);
  EXPECT_TRUE(harness.deliveries()[0].events.empty());
  EXPECT_EQ(harness.deliveries()[0].skipped, 2U);
  EXPECT_EQ(harness.stats().skipped.load(), 2U);
}

std::string entries(std::size_t count) {
  std::string body = R"({"object":"page","entry":[)";
  for (std::size_t i = 0; i < count; ++i) {
    body += (i == 0 ? "" : ",");
    body += R"({"id":"111","changes":[{"field":"feed","value":{"item":"comment","verb":"add",)";
    body += R"("from":{"id":"222"},"message":"Encore en panne","comment_id":"333_)" +
            std::to_string(i) + R"("}}]})";
  }
  return body + "]}";
}

TEST(FacebookPlugin, AThousandEntriesAreOneDeliveryAndMoreAreRefused) {
  facebook_harness harness;
  EXPECT_EQ(harness.deliver(entries(1000)).status, 200U);
  ASSERT_EQ(harness.deliveries().size(), 1U);
  EXPECT_EQ(harness.deliveries()[0].events.size(), 1000U);
  const http_response too_many = harness.deliver(entries(1001));
  EXPECT_EQ(too_many.status, 422U);
  EXPECT_NE(too_many.body.find("more than 1000 entries"), std::string::npos);
  EXPECT_EQ(harness.deliveries().size(), 1U);
}

}  // namespace
}  // namespace sentinelle
