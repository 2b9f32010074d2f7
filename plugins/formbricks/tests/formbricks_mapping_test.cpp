// Recorded Formbricks deliveries (tests/data, written from Formbricks' documented webhook
// payloads) and the canonical surveys they become: conventional, configured and detected
// question ids, hidden fields, the array form and several responses in one delivery.
#include <gtest/gtest.h>

#include "formbricks_test_support.hpp"
#include "plugin_harness.hpp"

namespace sentinelle {
namespace {

using formbricks_testing::recorded;
using formbricks_testing::secret;
using formbricks_testing::signed_headers;
using formbricks_testing::webhook_id;
using plugin_testing::plugin_harness;

class FormbricksMapping : public ::testing::Test {
 protected:
  // The surveys the delivery became (all deliveries of this test).
  const std::vector<event>& map(const std::string& body,
                                std::map<std::string, setting_value> extra = {}) {
    extra.emplace("secret", std::string(secret));
    EXPECT_EQ(harness_.create("formbricks", std::move(extra)), "");
    const http_response answer =
        harness_.call("POST", "/hooks/formbricks", body, signed_headers(body));
    EXPECT_EQ(answer.status, 200U) << answer.body;
    static const std::vector<event> none;
    return harness_.deliveries().size() == 1 ? harness_.deliveries()[0].events : none;
  }

  // The single survey; fails the test when there is not exactly one.
  const event& map_one(const std::string& body, std::map<std::string, setting_value> extra = {}) {
    const std::vector<event>& events = map(body, std::move(extra));
    static const event none;
    if (events.size() != 1) {
      ADD_FAILURE() << "expected one survey, got " << events.size();
      return none;
    }
    return events[0];
  }

  plugin_harness harness_;
};

TEST_F(FormbricksMapping, ReadsTheDocumentedArrayFormWithConventionalQuestionIds) {
  const event& survey = map_one(recorded("response_finished_array.json"));
  EXPECT_EQ(survey.kind, event_kind::survey);
  EXPECT_EQ(survey.change, event_change::add);
  EXPECT_EQ(survey.source, "formbricks");
  EXPECT_EQ(survey.id, webhook_id);                 // one response: the webhook-id is the id
  EXPECT_EQ(survey.occurred_at_ms, 1795179780000);  // updatedAt 2026-11-20T13:03:00.000Z
  EXPECT_GT(survey.received_at_ms, 0);
  EXPECT_EQ(survey.nps, 3);
  EXPECT_EQ(survey.csat, 2);
  EXPECT_EQ(survey.ces, std::nullopt);
  EXPECT_EQ(survey.verbatim,
            "Trois appels pour la même panne et personne ne rappelle. Je vais résilier.");
  EXPECT_EQ(survey.agent_id, "a-17");
  EXPECT_EQ(survey.team_id, "t-3");
  EXPECT_EQ(survey.queue, "facturation");
  EXPECT_EQ(survey.interaction_id, "call-5521");
  EXPECT_EQ(survey.channel, "voice");
  EXPECT_EQ(survey.customer_id, "c-991");  // the contact's userId
  EXPECT_EQ(survey.language, "fr");
  EXPECT_EQ(survey.touchpoint, "cm3k9x2ab0004qz7");  // no hidden touchpoint: the survey id
  EXPECT_TRUE(survey.analysis_json.empty());
}

TEST_F(FormbricksMapping, DetectsQuestionsFromTheSurveyDefinitionWhenSent) {
  const event& survey = map_one(recorded("response_finished_detected.json"));
  EXPECT_EQ(survey.nps, 10);  // type nps
  EXPECT_EQ(survey.csat, 5);  // rating, range 5
  EXPECT_EQ(survey.ces, 6);   // rating, range 7
  // The first open text asks for an e-mail: not a comment.
  EXPECT_EQ(survey.verbatim, "Conseillère très patiente, tout est réglé. Merci !");
  EXPECT_EQ(survey.occurred_at_ms, 1795252445000);  // 2026-11-21T09:14:05Z
  EXPECT_EQ(survey.touchpoint, "apres-chat");
  EXPECT_EQ(survey.channel, "chat");
  EXPECT_EQ(survey.language, "");  // "default": the survey's own language, not a code
  EXPECT_EQ(survey.customer_id, "");
}

TEST_F(FormbricksMapping, WithoutDefinitionNorConfigurationNothingIsGuessed) {
  EXPECT_TRUE(map(recorded("response_finished_configured.json")).empty());
  EXPECT_EQ(harness_.deliveries().at(0).skipped, 1U);
}

TEST_F(FormbricksMapping, ReadsConfiguredQuestionIdsAndHiddenNames) {
  const event& survey = map_one(recorded("response_finished_configured.json"),
                                {{"nps", std::string("k3x9aa1nps")},
                                 {"csat", std::string("p8q2bb2sat")},
                                 {"ces", std::string("f6w1cc3eff")},
                                 {"comment", std::string("m4z7dd4txt")},
                                 {"channel", std::string("email")},
                                 {"hidden.agent_id", std::string("conseiller")}});
  EXPECT_EQ(survey.nps, 4);
  EXPECT_EQ(survey.csat, 1);
  EXPECT_EQ(survey.ces, 2);
  EXPECT_EQ(survey.verbatim, "On m'a raccroché au nez deux fois. Inadmissible.");
  EXPECT_EQ(survey.agent_id, "a-42");
  EXPECT_EQ(survey.channel, "email");  // no hidden channel: the configured one
  EXPECT_EQ(survey.customer_id, "c-1204");
  EXPECT_EQ(survey.language, "fr");
}

// A minimal responseFinished delivery (object form) around one response's `data`.
std::string finished(const std::string& data, const std::string& response_id = "r1") {
  return R"({"webhookId":"w1","event":"responseFinished","data":{"id":")" + response_id +
         R"(","surveyId":"s1","finished":true,"updatedAt":"2026-11-20T13:03:00.000Z",)"
         R"("data":)" +
         data + "}}";
}

TEST_F(FormbricksMapping, GivesEachOfSeveralResponsesItsOwnId) {
  const std::string body =
      R"([{"webhookId":"w1","event":"responseFinished","data":[)"
      R"({"id":"r1","surveyId":"s1","data":{"nps":2}},{"id":"r2","surveyId":"s1","data":{}}]},)"
      R"({"webhookId":"w1","event":"responseUpdated","data":{"id":"r3","data":{"nps":9}}},)"
      R"({"webhookId":"w1","event":"responseFinished","data":{"id":"r4","data":{"csat":5}}}])";
  const std::vector<event>& events = map(body);
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].id, std::string(webhook_id) + ":r1");
  EXPECT_EQ(events[0].nps, 2);
  EXPECT_EQ(events[1].id, std::string(webhook_id) + ":r4");
  EXPECT_EQ(events[1].csat, 5);
  EXPECT_EQ(harness_.deliveries()[0].skipped, 2U);  // r2 answered nothing, r3 is not finished
}

TEST_F(FormbricksMapping, LeavesOutADetectedScoreOutsideItsScale) {
  const event& survey =
      map_one(R"({"event":"responseFinished","data":{"id":"r1","data":{"a":7,"b":"Bof."},)"
              R"("survey":{"questions":[{"id":"a","type":"rating","range":5},)"
              R"({"id":"b","type":"openText"}]}}})");
  EXPECT_EQ(survey.csat, std::nullopt);
  EXPECT_EQ(survey.verbatim, "Bof.");
}

TEST_F(FormbricksMapping, TreatsASkippedQuestionAsNoAnswer) {
  const event& survey = map_one(finished(R"({"nps":"","csat":null,"comment":"Rien à redire."})"));
  EXPECT_EQ(survey.nps, std::nullopt);
  EXPECT_EQ(survey.csat, std::nullopt);
  EXPECT_EQ(survey.verbatim, "Rien à redire.");
}

TEST_F(FormbricksMapping, DecodesEscapedUnicodeAndSurrogatePairs) {
  const event& survey = map_one(finished(
      R"({"comment":"Tr\u00e8s d\u00e9\u00e7u \ud83d\udc4e, aucune r\u00e9ponse \ud83d\udc4d ?",)"
      R"("agent_id":"\u00c9lodie"})"));
  EXPECT_EQ(survey.verbatim,
            "Tr\xc3\xa8s d\xc3\xa9\xc3\xa7u \xf0\x9f\x91\x8e, aucune r\xc3\xa9ponse "
            "\xf0\x9f\x91\x8d ?");
  EXPECT_EQ(survey.agent_id, "\xc3\x89lodie");
}

TEST_F(FormbricksMapping, KeepsAnUnknownHiddenChannelAsOther) {
  EXPECT_EQ(map_one(finished(R"({"nps":8,"channel":"téléphone"})")).channel, "other");
}

}  // namespace
}  // namespace sentinelle
