// The body hand-off every JSON webhook route shares (src/plugin/hook_body.hpp): the answers to a
// body that is not JSON, the 422 of a mapping's problems, the batch handed on, and the counters.
#include "plugin/hook_body.hpp"

#include <gtest/gtest.h>

#include <string>

#include "plugin_harness.hpp"

namespace sentinelle {
namespace {

using plugin_testing::recording_pipeline;

constexpr json_body_rules strict{"Acme sends application/json", false, ""};
constexpr json_body_rules lenient{"set the Acme webhook's format to JSON", true,
                                  "an Acme delivery is a JSON object"};

http_request post(std::string body, http_fields headers = {{"Content-Type", "application/json"}}) {
  http_request request;
  request.method = "POST";
  request.target = request.path = "/hooks/acme";
  request.headers = std::move(headers);
  request.body = std::move(body);
  return request;
}

class HookBody : public ::testing::Test {
 protected:
  // Hands `request` off with a mapping that keeps one event per call and records what it saw.
  http_response hand_off(const http_request& request, const json_body_rules& rules,
                         mapped_payload mapped = {}) {
    http_response answer;
    answer.status = 0;
    hand_off_json_body(context_, request,
                       responder([&answer](http_response sent) { answer = std::move(sent); }),
                       rules, [&](simdjson::dom::element root) {
                         seen_ += simdjson::to_string(root);
                         return mapped;
                       });
    return answer;
  }

  static mapped_payload one_event(std::size_t skipped = 0) {
    mapped_payload mapped;
    mapped.batch.events.emplace_back().id = "e1";
    mapped.batch.skipped = skipped;
    return mapped;
  }

  recording_pipeline pipeline_;
  access_policy access_{{}};
  source_stats stats_;
  plugin_context context_{pipeline_, access_, stats_};
  std::string seen_;  // what the mapping was given, serialized
};

TEST_F(HookBody, HandsTheMappedBatchToThePipelineAndCountsIt) {
  const http_response answer = hand_off(post(R"({"a": [1, "é"]})"), strict, one_event(2));
  EXPECT_EQ(answer.status, 200U);
  EXPECT_EQ(answer.body, R"({"accepted":1,"skipped":2})");  // the pipeline answers
  EXPECT_EQ(seen_, R"({"a":[1,"é"]})");
  ASSERT_EQ(pipeline_.deliveries.size(), 1U);
  EXPECT_EQ(pipeline_.deliveries[0].events.at(0).id, "e1");
  EXPECT_EQ(stats_.deliveries.load(), 1U);
  EXPECT_EQ(stats_.skipped.load(), 2U);
  EXPECT_EQ(stats_.invalid.load(), 0U);
}

TEST_F(HookBody, RefusesAnotherMediaTypeWithThePlatformsHint) {
  const http_response answer = hand_off(post("{}", {{"Content-Type", "text/plain"}}), strict);
  EXPECT_EQ(answer.status, 415U);
  EXPECT_EQ(answer.body, R"({"error":{"code":"unsupported_media_type",)"
                         R"("message":"Acme sends application/json"}})");
  EXPECT_EQ(hand_off(post("{}", {{"Content-Type", "application/xml"}}), lenient).status, 415U);
  EXPECT_EQ(hand_off(post("{}", {{"Content-Type", ""}}), lenient).status, 415U);
  EXPECT_TRUE(seen_.empty());
  EXPECT_TRUE(pipeline_.deliveries.empty());
  EXPECT_EQ(stats_.invalid.load(), 3U);
}

TEST_F(HookBody, ReadsAMissingContentTypeAsJsonOnlyWhenTheRulesSaySo) {
  EXPECT_EQ(hand_off(post("{}", {}), strict).status, 415U);
  EXPECT_EQ(hand_off(post("{}", {}), lenient, one_event()).status, 200U);
  EXPECT_EQ(hand_off(post("{}", {{"content-type", "Application/JSON; charset=utf-8"}}), strict,
                     one_event())
                .status,
            200U);
  EXPECT_EQ(pipeline_.deliveries.size(), 2U);
}

TEST_F(HookBody, RefusesBytesThatAreNotUtf8OrNotJson) {
  const http_response not_utf8 = hand_off(post("{\"a\": \"caf\xe9\"}"), strict);
  EXPECT_EQ(not_utf8.status, 400U);
  EXPECT_EQ(not_utf8.body, R"({"error":{"code":"invalid_utf8",)"
                           R"x("message":"the body is not valid UTF-8 (byte 10)"}})x");
  const http_response not_json = hand_off(post(R"({"a":)"), strict);
  EXPECT_EQ(not_json.status, 400U);
  EXPECT_EQ(not_json.body, R"({"error":{"code":"invalid_json","message":"the body is not JSON"}})");
  EXPECT_EQ(hand_off(post(""), strict).status, 400U);
  EXPECT_TRUE(seen_.empty());
  EXPECT_EQ(stats_.invalid.load(), 3U);
  EXPECT_EQ(stats_.deliveries.load(), 0U);
}

TEST_F(HookBody, RequiresAnObjectOnlyWhenTheRulesNameTheRefusal) {
  const http_response array = hand_off(post("[1]"), lenient);
  EXPECT_EQ(array.status, 422U);
  EXPECT_EQ(array.body, R"({"error":{"code":"invalid_event",)"
                        R"("message":"an Acme delivery is a JSON object"}})");
  EXPECT_TRUE(seen_.empty());
  EXPECT_EQ(hand_off(post("[1]"), strict, one_event()).status, 200U);  // the mapping decides
  EXPECT_EQ(seen_, "[1]");
}

TEST_F(HookBody, RefusesAMappingWithProblemsWholeWithTheirDetails) {
  mapped_payload mapped = one_event();
  mapped.problems = {{"data.nps", "must be an integer from 0 to 10"}, {"id", "is \"required\""}};
  mapped.refusal = "not an Acme delivery";
  const http_response answer = hand_off(post("{}"), strict, mapped);
  EXPECT_EQ(answer.status, 422U);
  EXPECT_EQ(answer.body,
            R"({"error":{"code":"invalid_event","message":"not an Acme delivery","details":[)"
            R"({"field":"data.nps","message":"must be an integer from 0 to 10"},)"
            R"({"field":"id","message":"is \"required\""}]}})");
  EXPECT_TRUE(pipeline_.deliveries.empty());  // all or nothing
  EXPECT_EQ(stats_.invalid.load(), 1U);
  EXPECT_EQ(stats_.deliveries.load(), 0U);
}

TEST_F(HookBody, CountsARefusalByWhatItRefuses) {
  std::vector<unsigned> sent;
  for (const unsigned status : {401U, 403U, 400U, 415U, 422U}) {
    refuse(stats_, responder([&sent](http_response answer) { sent.push_back(answer.status); }),
           json_error(status, "x", "y"));
  }
  EXPECT_EQ(sent, (std::vector<unsigned>{401, 403, 400, 415, 422}));
  EXPECT_EQ(stats_.unauthorized.load(), 2U);
  EXPECT_EQ(stats_.invalid.load(), 3U);
}

TEST_F(HookBody, SubmitsABatchBuiltWithoutTheHandOff) {
  delivery batch;
  batch.skipped = 3;
  submit(context_, std::move(batch), responder([](http_response) {}));
  EXPECT_EQ(pipeline_.deliveries.size(), 1U);
  EXPECT_EQ(stats_.deliveries.load(), 1U);
  EXPECT_EQ(stats_.skipped.load(), 3U);
}

}  // namespace
}  // namespace sentinelle
