// Recorded Typeform deliveries (tests/data, written from Typeform's documented webhook payload)
// and the canonical surveys they become: detected fields, configured refs, hidden fields.
#include <gtest/gtest.h>

#include "plugin_harness.hpp"
#include "typeform_test_support.hpp"

namespace sentinelle {
namespace {

using plugin_testing::plugin_harness;
using typeform_testing::recorded;
using typeform_testing::secret;
using typeform_testing::signed_headers;

class TypeformMapping : public ::testing::Test {
 protected:
  // The single survey the delivery became; fails the test when it is not exactly one.
  const event& map(const std::string& body, std::map<std::string, setting_value> extra = {}) {
    extra.emplace("secret", std::string(secret));
    EXPECT_EQ(harness_.create("typeform", std::move(extra)), "");
    const http_response answer =
        harness_.call("POST", "/hooks/typeform", body, signed_headers(body));
    EXPECT_EQ(answer.status, 200U) << answer.body;
    static const event none;
    if (harness_.deliveries().size() != 1 || harness_.deliveries()[0].events.size() != 1) {
      ADD_FAILURE() << "expected one survey";
      return none;
    }
    return harness_.deliveries()[0].events[0];
  }

  plugin_harness harness_;
};

TEST_F(TypeformMapping, DetectsTheScoresAndCommentFromTheFieldTypes) {
  const event& survey = map(recorded("form_response_detected.json"));
  EXPECT_EQ(survey.kind, event_kind::survey);
  EXPECT_EQ(survey.change, event_change::add);
  EXPECT_EQ(survey.source, "typeform");
  EXPECT_EQ(survey.id, "01JD5X3K8Q2M7Z9R4T6V0W1Y3A");
  EXPECT_EQ(survey.occurred_at_ms, 1795179780000);  // 2026-11-20T14:03:00+01:00
  EXPECT_GT(survey.received_at_ms, 0);
  EXPECT_EQ(survey.nps, 2);   // the `nps` field
  EXPECT_EQ(survey.csat, 1);  // the 5-star `rating`
  EXPECT_EQ(survey.ces, std::nullopt);
  // The long_text wins over the earlier short_text (a first name).
  EXPECT_EQ(survey.verbatim, "Attente interminable, conseiller pas aimable. Je vais résilier.");
  EXPECT_EQ(survey.agent_id, "a-17");
  EXPECT_EQ(survey.team_id, "t-3");
  EXPECT_EQ(survey.queue, "facturation");
  EXPECT_EQ(survey.customer_id, "c-991");
  EXPECT_EQ(survey.interaction_id, "call-5521");
  EXPECT_EQ(survey.channel, "voice");
  EXPECT_EQ(survey.touchpoint, "apres-appel");  // no hidden touchpoint: the form id
  EXPECT_EQ(survey.language, "");
  EXPECT_TRUE(survey.analysis_json.empty());  // the pipeline analyses, not the plugin
}

TEST_F(TypeformMapping, OpinionScalesOfUnknownRangeAreNotGuessed) {
  // Typeform sends `"properties": {}` for opinion scales: 0-10, 1-5 or 1-7 cannot be told
  // apart, so without configuration only the short_text is read, as the comment.
  const event& survey = map(recorded("form_response_configured.json"));
  EXPECT_EQ(survey.nps, std::nullopt);
  EXPECT_EQ(survey.csat, std::nullopt);
  EXPECT_EQ(survey.ces, std::nullopt);
  EXPECT_EQ(survey.verbatim, "Réponse rapide et claire, merci à la conseillère !");
}

TEST_F(TypeformMapping, ConfiguredRefsAndHiddenNamesWin) {
  const event& survey = map(recorded("form_response_configured.json"),
                            {{"nps", std::string("recommandation")},
                             {"csat", std::string("satisfaction")},
                             {"ces", std::string("m3N4o5P6q7R8")},  // a field id works too
                             {"comment", std::string("commentaire")},
                             {"hidden.agent_id", std::string("conseiller")},
                             {"hidden.team_id", std::string("equipe")},
                             {"hidden.channel", std::string("canal")},
                             {"hidden.touchpoint", std::string("parcours")}});
  EXPECT_EQ(survey.id, "01JD5Y7B2C4D6E8F0G1H3J5K7M");
  EXPECT_EQ(survey.occurred_at_ms, 1795252445000);  // 2026-11-21T09:14:05Z
  EXPECT_EQ(survey.nps, 9);
  EXPECT_EQ(survey.csat, 4);
  EXPECT_EQ(survey.ces, 6);
  EXPECT_EQ(survey.verbatim, "Réponse rapide et claire, merci à la conseillère !");
  EXPECT_EQ(survey.agent_id, "a-42");
  EXPECT_EQ(survey.team_id, "t-8");
  EXPECT_EQ(survey.channel, "chat");
  EXPECT_EQ(survey.touchpoint, "apres-chat");
}

// A minimal delivery around `answers` and `fields` (Typeform's shapes).
std::string delivery(const std::string& fields, const std::string& answers,
                     const std::string& hidden = "{}") {
  return R"({"event_id":"ev-1","event_type":"form_response","form_response":{"form_id":"F1",)"
         R"("submitted_at":"2026-11-20T13:03:00Z","hidden":)" +
         hidden + R"(,"definition":{"id":"F1","fields":[)" + fields + R"(]},"answers":[)" +
         answers + "]}}";
}

std::string scale(const char* id, int steps, bool from_one) {
  return std::string(R"({"id":")") + id + R"(","type":"opinion_scale","ref":")" + id +
         R"(","properties":{"steps":)" + std::to_string(steps) +
         (from_one ? R"(,"start_at_one":true}})" : "}}");
}

std::string number(const char* id, const char* type, int value) {
  return std::string(R"({"type":"number","number":)") + std::to_string(value) +
         R"(,"field":{"id":")" + id + R"(","type":")" + type + R"("}})";
}

TEST_F(TypeformMapping, DetectsOpinionScalesByTheirRange) {
  const event& survey = map(
      delivery(scale("s11", 11, false) + "," + scale("s5", 5, true) + "," + scale("s7", 7, true) +
                   "," + scale("s5z", 5, false),
               number("s5z", "opinion_scale", 0) + "," + number("s11", "opinion_scale", 0) + "," +
                   number("s5", "opinion_scale", 5) + "," + number("s7", "opinion_scale", 1)));
  EXPECT_EQ(survey.nps, 0);   // 11 steps from 0
  EXPECT_EQ(survey.csat, 5);  // 5 steps from 1 (a 0-4 scale is no CSAT)
  EXPECT_EQ(survey.ces, 1);   // 7 steps from 1
}

TEST_F(TypeformMapping, LeavesOutADetectedScoreOutsideItsScale) {
  // A rating without `steps` is taken for 5 stars; an 8 shows it was not: left out, and the
  // rest of the response is kept.
  const event& survey = map(delivery(R"({"id":"r","type":"rating","ref":"r","properties":{}})",
                                     number("r", "rating", 8) + "," + number("n", "nps", 7)));
  EXPECT_EQ(survey.csat, std::nullopt);
  EXPECT_EQ(survey.nps, 7);
}

TEST_F(TypeformMapping, DecodesEscapedUnicodeAndSurrogatePairs) {
  const event& survey = map(delivery(
      "",
      R"({"type":"text","text":"Tr\u00e8s d\u00e9\u00e7u \ud83d\udc4e, pas de r\u00e9ponse )"
      R"(\ud83d\udc4d ?","field":{"id":"c","type":"long_text","ref":"c"}})",
      R"({"agent_id":"\u00c9lodie"})"));
  EXPECT_EQ(survey.verbatim,
            "Tr\xc3\xa8s d\xc3\xa9\xc3\xa7u \xf0\x9f\x91\x8e, pas de r\xc3\xa9ponse "
            "\xf0\x9f\x91\x8d ?");
  EXPECT_EQ(survey.agent_id, "\xc3\x89lodie");
}

TEST_F(TypeformMapping, KeepsAnUnknownHiddenChannelAsOther) {
  const event& survey = map(delivery("", number("n", "nps", 3), R"({"channel":"téléphone"})"));
  EXPECT_EQ(survey.channel, "other");  // hidden fields come from a link the respondent can edit
}

TEST_F(TypeformMapping, GivesTheConfiguredChannelToResponsesWithoutOne) {
  const event& survey =
      map(delivery("", number("n", "nps", 3), R"({"touchpoint":"relance-email"})"),
          {{"channel", std::string("email")}});
  EXPECT_EQ(survey.channel, "email");
  EXPECT_EQ(survey.touchpoint, "relance-email");
}

}  // namespace
}  // namespace sentinelle
