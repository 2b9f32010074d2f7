// POST /hooks/typeform: the signature on the raw body, then the refusals and skips of
// README.md ("What it accepts"), and what reaches the pipeline.
#include <gtest/gtest.h>

#include "plugin_harness.hpp"
#include "typeform_test_support.hpp"

namespace sentinelle {
namespace {

using plugin_testing::plugin_harness;
using typeform_testing::recorded;
using typeform_testing::secret;
using typeform_testing::signed_headers;
using typeform_testing::typeform_signature;

class TypeformPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(harness_.create("typeform", {{"secret", std::string(secret)},
                                           {"nps", std::string("recommandation")}}),
              "");
  }

  http_response post(const std::string& body, http_fields headers) {
    return harness_.call("POST", "/hooks/typeform", body, std::move(headers));
  }
  http_response post(const std::string& body) { return post(body, signed_headers(body)); }

  static bool has(const http_response& answer, const std::string& text) {
    return answer.body.find(text) != std::string::npos;
  }

  plugin_harness harness_;
};

TEST_F(TypeformPlugin, SignsAsTypeformDocumentsIt) {
  // GitHub's HMAC vector, base64 instead of hex: what Typeform would send for this secret.
  EXPECT_EQ(typeform_signature("Hello, World!", "It's a Secret to Everybody"),
            "sha256=dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc=");
}

TEST_F(TypeformPlugin, HandsASignedResponseToThePipeline) {
  const std::string body = recorded("form_response_detected.json");
  const http_response answer = post(body);
  EXPECT_EQ(answer.status, 200U) << answer.body;
  ASSERT_EQ(harness_.deliveries().size(), 1U);
  EXPECT_EQ(harness_.deliveries()[0].events.size(), 1U);
  EXPECT_EQ(harness_.deliveries()[0].skipped, 0U);
  EXPECT_EQ(harness_.stats().deliveries.load(), 1U);
}

TEST_F(TypeformPlugin, RefusesAMissingOrWrongSignature) {
  const std::string body = recorded("form_response_detected.json");
  const std::string hex_signature =  // Meta's encoding is not Typeform's
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  const std::vector<http_fields> refused{
      {{"Content-Type", "application/json"}},
      signed_headers(body, "another-secret"),
      signed_headers(body + " "),  // signed for other bytes
      {{"Content-Type", "application/json"}, {"Typeform-Signature", hex_signature}},
      {{"Content-Type", "application/json"},
       {"Typeform-Signature", typeform_signature(body).substr(7)}},  // no "sha256="
  };
  for (const http_fields& headers : refused) {
    const http_response answer = post(body, headers);
    EXPECT_EQ(answer.status, 401U);
    EXPECT_TRUE(has(answer, "\"bad_signature\"")) << answer.body;
  }
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().unauthorized.load(), refused.size());
}

TEST_F(TypeformPlugin, ChecksTheSignatureBeforeReadingTheBody) {
  // Not JSON, but signed: the signature passes and only then is the body refused.
  EXPECT_EQ(post("Hello, World!").status, 400U);
  EXPECT_EQ(post("Hello, World!", {{"Content-Type", "application/json"}}).status, 401U);
}

TEST_F(TypeformPlugin, RefusesOtherMediaTypesAndBadJson) {
  const std::string body = recorded("form_response_detected.json");
  EXPECT_EQ(
      post(body, {{"Content-Type", "text/plain"}, {"Typeform-Signature", typeform_signature(body)}})
          .status,
      415U);
  const http_response not_json = post(R"({"event_id":)");
  EXPECT_EQ(not_json.status, 400U);
  EXPECT_TRUE(has(not_json, "\"invalid_json\""));
  const http_response not_utf8 = post("{\"event_type\":\"form_response\",\"x\":\"\xff\"}");
  EXPECT_EQ(not_utf8.status, 400U);
  EXPECT_TRUE(has(not_utf8, "\"invalid_utf8\""));
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().invalid.load(), 3U);
}

TEST_F(TypeformPlugin, RefusesJsonOfTheWrongShapeWithDetails) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"[]", "event_type"},
      {R"({"event_type":"form_response"})", "\"event_id\""},
      {R"({"event_id":"e1","event_type":"form_response"})", "\"form_response\""},
      {R"({"event_id":"e1","event_type":"form_response","form_response":{"answers":{}}})",
       "form_response.answers"},
      {R"({"event_id":"e1","event_type":"form_response","form_response":{"answers":[3]}})",
       "form_response.answers[0]"},
      {R"({"event_id":"e1","event_type":"form_response","form_response":)"
       R"({"submitted_at":"hier","answers":[]}})",
       "form_response.submitted_at"},
      {R"({"event_id":"e1","event_type":"form_response","form_response":)"
       R"({"hidden":{"agent_id":17},"answers":[]}})",
       "form_response.hidden.agent_id"},
      // The configured NPS field answered 11: a score outside its scale is never stored.
      {R"({"event_id":"e1","event_type":"form_response","form_response":{"answers":[)"
       R"({"type":"number","number":11,"field":{"id":"x","ref":"recommandation",)"
       R"("type":"opinion_scale"}}]}})",
       "form_response.answers[0].number"},
  };
  for (const auto& [body, field] : cases) {
    const http_response answer = post(body);
    EXPECT_EQ(answer.status, 422U) << body;
    EXPECT_TRUE(has(answer, "\"invalid_event\"")) << answer.body;
    EXPECT_TRUE(has(answer, "\"details\"")) << answer.body;
    EXPECT_TRUE(has(answer, field)) << field << " in " << answer.body;
  }
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().invalid.load(), cases.size());
}

TEST_F(TypeformPlugin, SkipsOtherEventTypes) {
  const http_response answer =
      post(R"({"event_id":"e2","event_type":"form_response_partial","form_response":{}})");
  EXPECT_EQ(answer.status, 200U);
  EXPECT_TRUE(has(answer, "\"skipped\":1")) << answer.body;
  ASSERT_EQ(harness_.deliveries().size(), 1U);
  EXPECT_TRUE(harness_.deliveries()[0].events.empty());
  EXPECT_EQ(harness_.stats().skipped.load(), 1U);
}

TEST_F(TypeformPlugin, SkipsAResponseWithNothingToScore) {
  const http_response answer =
      post(R"({"event_id":"e3","event_type":"form_response","form_response":{"answers":[)"
           R"({"type":"email","email":"camille@example.fr","field":{"id":"m","type":"email"}}]}})");
  EXPECT_EQ(answer.status, 200U);
  ASSERT_EQ(harness_.deliveries().size(), 1U);
  EXPECT_TRUE(harness_.deliveries()[0].events.empty());
  EXPECT_EQ(harness_.deliveries()[0].skipped, 1U);
}

TEST_F(TypeformPlugin, MapsARetriedDeliveryToTheSameId) {
  // Typeform retries a delivery it saw fail with the same event_id: the store's idempotency
  // key (kind, source, id) then answers `duplicate` and keeps one copy (see the e2e test).
  const std::string body = recorded("form_response_detected.json");
  EXPECT_EQ(post(body).status, 200U);
  EXPECT_EQ(post(body).status, 200U);
  ASSERT_EQ(harness_.deliveries().size(), 2U);
  EXPECT_EQ(harness_.deliveries()[0].events.at(0).id, harness_.deliveries()[1].events.at(0).id);
  EXPECT_EQ(harness_.deliveries()[1].events.at(0).source, "typeform");
}

}  // namespace
}  // namespace sentinelle
