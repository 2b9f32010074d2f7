// POST /hooks/formbricks: the Standard Webhooks signature on the raw body (5-minute
// tolerance), then the refusals and skips of README.md ("What it accepts").
#include <gtest/gtest.h>

#include "formbricks_test_support.hpp"
#include "plugin_harness.hpp"
#include "signature/standard_webhooks.hpp"

namespace sentinelle {
namespace {

using formbricks_testing::formbricks_signature;
using formbricks_testing::now_s;
using formbricks_testing::other_secret;
using formbricks_testing::recorded;
using formbricks_testing::secret;
using formbricks_testing::signed_headers;
using formbricks_testing::webhook_id;
using plugin_testing::plugin_harness;

class FormbricksPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(harness_.create("formbricks", {{"secret", std::string(secret)}}), "");
  }

  http_response post(const std::string& body, http_fields headers) {
    return harness_.call("POST", "/hooks/formbricks", body, std::move(headers));
  }
  http_response post(const std::string& body) { return post(body, signed_headers(body)); }

  static bool has(const http_response& answer, const std::string& text) {
    return answer.body.find(text) != std::string::npos;
  }

  plugin_harness harness_;
};

TEST_F(FormbricksPlugin, SignsAsFormbricksDocumentsIt) {
  // The test's own signer agrees with the toolkit's, and so with the Standard Webhooks spec.
  std::string error;
  const auto key = standard_webhooks_secret::parse(secret, error);
  ASSERT_TRUE(key) << error;
  EXPECT_EQ(
      formbricks_signature("msg_1", 1700000000, R"({"event":"responseFinished"})"),
      standard_webhooks_sign(key->key(), "msg_1", 1700000000, R"({"event":"responseFinished"})"));
}

TEST_F(FormbricksPlugin, HandsASignedDeliveryToThePipeline) {
  const std::string body = recorded("response_finished_array.json");
  const http_response answer = post(body);
  EXPECT_EQ(answer.status, 200U) << answer.body;
  ASSERT_EQ(harness_.deliveries().size(), 1U);
  EXPECT_EQ(harness_.deliveries()[0].events.size(), 1U);
  EXPECT_EQ(harness_.stats().deliveries.load(), 1U);
}

TEST_F(FormbricksPlugin, RefusesMissingWrongAndStaleSignatures) {
  const std::string body = recorded("response_finished_array.json");
  const std::int64_t now = now_s();
  http_fields unsigned_headers = signed_headers(body);
  unsigned_headers.pop_back();  // Formbricks without a secret sends no webhook-signature
  const std::vector<http_fields> refused{
      unsigned_headers,
      {{"content-type", "application/json"}},
      signed_headers(body, now, webhook_id, other_secret),
      signed_headers(body + " ", now),
      signed_headers(body, now - 6 * 60),  // stale: a replay
      signed_headers(body, now + 6 * 60),  // from the future
      signed_headers(body, now, "msg.1"),  // an id with '.' makes the signed text ambiguous
  };
  for (const http_fields& headers : refused) {
    const http_response answer = post(body, headers);
    EXPECT_EQ(answer.status, 401U);
    EXPECT_TRUE(has(answer, "\"bad_signature\"")) << answer.body;
  }
  EXPECT_TRUE(has(post(body, signed_headers(body, now - 6 * 60)), "timestamp_too_old"));
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().unauthorized.load(), refused.size() + 1);
  // Within the 5-minute tolerance, either side.
  EXPECT_EQ(post(body, signed_headers(body, now - 4 * 60)).status, 200U);
  EXPECT_EQ(post(body, signed_headers(body, now + 4 * 60)).status, 200U);
}

TEST_F(FormbricksPlugin, RefusesOtherMediaTypesAndBadJson) {
  const std::string body = recorded("response_finished_array.json");
  http_fields text = signed_headers(body);
  text[0].second = "text/plain";
  EXPECT_EQ(post(body, text).status, 415U);
  const http_response not_json = post(R"([{"event":)");
  EXPECT_EQ(not_json.status, 400U);
  EXPECT_TRUE(has(not_json, "\"invalid_json\""));
  const http_response not_utf8 = post("{\"event\":\"responseFinished\",\"x\":\"\xc3\x28\"}");
  EXPECT_EQ(not_utf8.status, 400U);
  EXPECT_TRUE(has(not_utf8, "\"invalid_utf8\""));
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().invalid.load(), 3U);
}

TEST_F(FormbricksPlugin, RefusesJsonOfTheWrongShapeWithDetails) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"("responseFinished")", "\"body\""},
      {R"({"webhookId":"w1","data":{}})", "\"event\""},
      {R"([{"event":"responseFinished","data":{"data":{}}},7])", "\"[1]\""},
      {R"({"event":"responseFinished"})", "\"data\""},
      {R"({"event":"responseFinished","data":[{"data":{}},"r2"]})", "\"data[1]\""},
      {R"({"event":"responseFinished","data":{"id":"r1","data":[]}})", "\"data.data\""},
      {R"({"event":"responseFinished","data":{"data":{"nps":11}}})", "\"data.data.nps\""},
      {R"({"event":"responseFinished","data":{"data":{"csat":4.5}}})", "\"data.data.csat\""},
      {R"({"event":"responseFinished","data":{"data":{"comment":["a"]}}})",
       "\"data.data.comment\""},
      {R"({"event":"responseFinished","data":{"data":{"nps":1,"agent_id":17}}})",
       "\"data.data.agent_id\""},
      {R"({"event":"responseFinished","data":{"updatedAt":"hier","data":{"nps":1}}})",
       "\"data.updatedAt\""},
      {R"({"event":"responseFinished","data":[{"data":{"nps":1}},{"id":"r2","data":{}}]})",
       "\"data[0].id\""},  // several responses: each needs its id
  };
  for (const auto& [body, field] : cases) {
    const http_response answer = post(body);
    EXPECT_EQ(answer.status, 422U) << body;
    EXPECT_TRUE(has(answer, "\"invalid_event\"")) << answer.body;
    EXPECT_TRUE(has(answer, field)) << field << " in " << answer.body;
  }
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().invalid.load(), cases.size());
}

TEST_F(FormbricksPlugin, SkipsOtherEventsAndTheEndpointTest) {
  const std::string created = R"([{"webhookId":"w1","event":"responseCreated",)"
                              R"("data":{"id":"r1","finished":false,"data":{"nps":2}}}])";
  for (const std::string& body :
       {created, std::string(R"({"event":"responseUpdated","data":{"data":{}}})"),
        std::string(R"({"event":"testEndpoint"})")}) {
    const http_response answer = post(body);
    EXPECT_EQ(answer.status, 200U) << answer.body;
    EXPECT_TRUE(has(answer, "\"skipped\":1")) << answer.body;
  }
  ASSERT_EQ(harness_.deliveries().size(), 3U);
  EXPECT_TRUE(harness_.deliveries()[0].events.empty());
  EXPECT_EQ(harness_.stats().skipped.load(), 3U);
}

TEST_F(FormbricksPlugin, MapsARetriedDeliveryToTheSameId) {
  // A retry carries the same webhook-id (Standard Webhooks), with a fresh timestamp and
  // signature: the same id, so the store answers `duplicate` (see the e2e test).
  const std::string body = recorded("response_finished_array.json");
  EXPECT_EQ(post(body, signed_headers(body, now_s() - 120)).status, 200U);
  EXPECT_EQ(post(body, signed_headers(body, now_s())).status, 200U);
  ASSERT_EQ(harness_.deliveries().size(), 2U);
  EXPECT_EQ(harness_.deliveries()[0].events.at(0).id, webhook_id);
  EXPECT_EQ(harness_.deliveries()[1].events.at(0).id, webhook_id);
}

}  // namespace
}  // namespace sentinelle
