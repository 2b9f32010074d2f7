// Recorded ratings (tests/data) read through the field mapping into one CSAT survey, field by
// field: the trigger body, a relayed API object, a custom mapping, scores, skips and refusals.
#include "zendesk_test_support.hpp"

namespace sentinelle::zendesk_testing {
namespace {

TEST_F(ZendeskPlugin, MapsATriggersRatingPostedWithAToken) {
  create();
  const http_response answer = post(recorded("rating_trigger.json"));
  ASSERT_EQ(answer.status, 200U) << answer.body;
  const event& survey = last_event();
  EXPECT_EQ(survey.kind, event_kind::survey);
  EXPECT_EQ(survey.change, event_change::add);
  EXPECT_EQ(survey.source, "zendesk");
  EXPECT_EQ(survey.id, "35436");
  EXPECT_EQ(survey.csat, 1);  // "bad"
  EXPECT_FALSE(survey.nps || survey.ces);
  EXPECT_EQ(survey.verbatim,
            "Trois relances pour un remboursement et toujours rien. Je vais "
            "porter plainte auprès de la DGCCRF.");
  EXPECT_EQ(survey.agent_id, "235323");
  EXPECT_EQ(survey.team_id, "98738");
  EXPECT_EQ(survey.customer_id, "20978392");
  EXPECT_EQ(survey.interaction_id, "35436");
  EXPECT_EQ(survey.channel, "email");                       // {{ticket.via}} = "Mail"
  EXPECT_EQ(survey.occurred_at_ms, survey.received_at_ms);  // no time in the trigger's body
  EXPECT_NEAR(static_cast<double>(survey.received_at_ms), static_cast<double>(now_unix_ms()),
              60000.0);
  EXPECT_TRUE(survey.queue.empty() && survey.touchpoint.empty() && survey.platform.empty());
}

TEST_F(ZendeskPlugin, MapsARelayedSatisfactionRatingObject) {
  create();
  ASSERT_EQ(post(recorded("rating_api.json")).status, 200U);
  const event& survey = last_event();
  EXPECT_EQ(survey.id, "7201");
  EXPECT_EQ(survey.csat, 5);  // "good"
  EXPECT_EQ(survey.verbatim,
            "Conseillère très à l'écoute, problème résolu en un seul appel. Merci !");
  EXPECT_EQ(survey.agent_id, "235324");
  EXPECT_EQ(survey.team_id, "98739");
  EXPECT_EQ(survey.customer_id, "20978393");
  EXPECT_EQ(survey.interaction_id, "35440");
  EXPECT_EQ(survey.channel, "voice");               // the API's via object
  EXPECT_EQ(survey.occurred_at_ms, 1795179780000);  // updated_at: when the customer rated
}

TEST_F(ZendeskPlugin, ReadsGoodBadAndNumericScores) {
  create();
  const std::string body = recorded("rating_trigger.json");
  const std::vector<std::pair<std::string, int>> scores{{R"("good")", 5},
                                                        {R"("Bad")", 1},
                                                        {R"("good_with_comment")", 5},
                                                        {R"("bad_with_comment")", 1},
                                                        {"3", 3},
                                                        {R"("4")", 4},
                                                        {"1", 1}};
  for (const auto& [score, csat] : scores) {
    ASSERT_EQ(post(replaced(body, R"("bad")", score)).status, 200U) << score;
    EXPECT_EQ(last_event().csat, csat) << score;
  }
  for (const char* unanswered : {R"("offered")", R"("unoffered")"}) {
    const http_response answer = post(replaced(body, R"("bad")", unanswered));
    ASSERT_EQ(answer.status, 200U);
    EXPECT_NE(answer.body.find(R"("skipped":1)"), std::string::npos);
    EXPECT_TRUE(harness_.deliveries().back().events.empty());
  }
  for (const char* unreadable : {"4.5", "0", "6", R"("excellent")", "true", R"("")"}) {
    const http_response answer = post(replaced(body, R"("bad")", unreadable));
    EXPECT_EQ(answer.status, 422U) << unreadable;
    EXPECT_NE(answer.body.find(R"("field":"satisfaction_rating.score")"), std::string::npos);
  }
}

TEST_F(ZendeskPlugin, FollowsACustomFieldMapping) {
  create({{"fields.rating_id", std::string("/evaluation/ref")},
          {"fields.score", std::string("evaluation.note")},
          {"fields.comment", std::string("evaluation.verbatim")},
          {"fields.agent_id", std::string("/conseiller/id")},
          {"fields.team_id", std::string("equipe")},
          {"fields.customer_id", std::string("client")},
          {"fields.ticket_id", std::string("dossier")},
          {"fields.submitted_at", std::string("date")},
          {"fields.channel", std::string("canal")}});
  const std::string body = recorded("rating_custom.json");
  ASSERT_EQ(post(body).status, 200U);
  const event& survey = last_event();
  EXPECT_EQ(survey.id, "sat-9001");
  EXPECT_EQ(survey.csat, 2);
  EXPECT_EQ(survey.verbatim, "Délai de livraison non respecté, personne ne rappelle.");
  EXPECT_EQ(survey.agent_id, "a-17");
  EXPECT_EQ(survey.team_id, "t-3");
  EXPECT_EQ(survey.customer_id, "c-991");
  EXPECT_EQ(survey.interaction_id, "5521");
  EXPECT_EQ(survey.occurred_at_ms, 1795179780000);  // 14:03 in Paris
  EXPECT_EQ(survey.channel, "chat");
  // A problem names the path as configured.
  const http_response missing = post(replaced(body, R"("note": "2",)", ""));
  EXPECT_EQ(missing.status, 422U);
  EXPECT_NE(missing.body.find(R"("field":"evaluation.note")"), std::string::npos) << missing.body;
}

TEST_F(ZendeskPlugin, EmptyPlaceholdersAreAbsentValues) {
  create();
  ASSERT_EQ(post(recorded("rating_escaped.json")).status, 200U);
  const event& survey = last_event();
  EXPECT_EQ(survey.verbatim, "Réponse à côté de la plaque \xF0\x9F\x91\x8E déçue");
  EXPECT_EQ(survey.team_id, "");  // {{ticket.group.id}} without a group renders ""
  EXPECT_EQ(survey.channel, "");
}

TEST_F(ZendeskPlugin, SkipsZendeskEventSubscriptions) {
  create();
  const http_response answer = post(recorded("event_user_active_changed.json"));
  ASSERT_EQ(answer.status, 200U);
  EXPECT_NE(answer.body.find(R"("skipped":1)"), std::string::npos);
  EXPECT_TRUE(harness_.deliveries().back().events.empty());
  EXPECT_EQ(harness_.stats().skipped.load(), 1U);
}

TEST_F(ZendeskPlugin, RefusesWhatIsNotARating) {
  create();
  const std::string body = recorded("rating_trigger.json");
  const http_response empty = post("{}");
  EXPECT_EQ(empty.status, 422U);
  EXPECT_NE(empty.body.find(R"("field":"satisfaction_rating.id")"), std::string::npos);
  EXPECT_NE(empty.body.find(R"("field":"satisfaction_rating.score")"), std::string::npos);
  EXPECT_EQ(post("[]").status, 422U);
  EXPECT_EQ(post(replaced(body, R"("assignee_id": "235323")", R"("assignee_id": [1])")).status,
            422U);
  for (const char* unreadable : {R"("hier")", "9223372036854775807", "true"}) {
    const std::string at = std::string(R"("updated_at": )") + unreadable + R"(, "ticket_id")";
    EXPECT_EQ(post(replaced(body, R"("ticket_id")", at)).status, 422U) << unreadable;
  }
  EXPECT_EQ(post(R"({"satisfaction_rating": )").status, 400U);
  EXPECT_EQ(post("{\"satisfaction_rating\": \"\xC3\x28\"}").status, 400U);
  http_fields form = bearer(ingest_token);
  form[0].second = "application/x-www-form-urlencoded";
  EXPECT_EQ(post(body, form).status, 415U);
  EXPECT_TRUE(harness_.deliveries().empty());
  EXPECT_EQ(harness_.stats().invalid.load(), 9U);
}

TEST_F(ZendeskPlugin, ARetriedDeliveryMapsToTheSameId) {
  create();
  const std::string body = recorded("rating_trigger.json");
  ASSERT_EQ(post(body).status, 200U);
  ASSERT_EQ(post(body).status, 200U);  // the store answers it `duplicate`
  EXPECT_EQ(harness_.deliveries()[0].events.at(0).id, harness_.deliveries()[1].events.at(0).id);
}

}  // namespace
}  // namespace sentinelle::zendesk_testing
