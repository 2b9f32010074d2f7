// Recorded Chatwoot deliveries (tests/data) mapped to canonical events, field by field: incoming
// messages, CSAT answers, inbox types, time formats, escaped unicode and the dedupe keys.
#include "chatwoot_test_support.hpp"

namespace sentinelle::chatwoot_testing {
namespace {

TEST_F(ChatwootPlugin, MapsAnIncomingMessage) {
  const http_response answer = post(recorded("message_created.json"), delivery_id);
  ASSERT_EQ(answer.status, 200U) << answer.body;
  ASSERT_EQ(harness_.deliveries().size(), 1U);
  EXPECT_EQ(harness_.deliveries()[0].skipped, 0U);
  const event& message = last_event();
  EXPECT_EQ(message.kind, event_kind::message);
  EXPECT_EQ(message.change, event_change::add);
  EXPECT_EQ(message.source, "chatwoot");
  EXPECT_EQ(message.id, delivery_id);  // X-Chatwoot-Delivery when given (CONTRACT §4)
  EXPECT_EQ(message.occurred_at_ms, 1795179780000);
  EXPECT_NEAR(static_cast<double>(message.received_at_ms), static_cast<double>(now_unix_ms()),
              60000.0);
  EXPECT_EQ(message.platform, "chat");
  EXPECT_EQ(message.channel, "chat");
  EXPECT_EQ(message.message_kind, "private_message");
  EXPECT_FALSE(message.is_public);
  EXPECT_EQ(message.agent_id, "12");
  EXPECT_EQ(message.team_id, "4");
  EXPECT_EQ(message.queue, "Support facturation");
  EXPECT_EQ(message.customer_id, "917");
  EXPECT_EQ(message.author_id, "917");
  EXPECT_EQ(message.author_name, "Camille Durand");
  EXPECT_EQ(message.conversation_id, "1207");
  EXPECT_EQ(message.verbatim,
            "Bonjour, ça fait trois fois que j'écris pour la même facture et personne ne me "
            "répond. C'est inadmissible, je vais résilier mon abonnement.");
  EXPECT_FALSE(message.nps || message.csat || message.ces);
  EXPECT_TRUE(message.interaction_id.empty() && message.touchpoint.empty());
  EXPECT_TRUE(message.analysis_json.empty() && message.reasons.empty());  // the pipeline's job
}

TEST_F(ChatwootPlugin, WithoutADeliveryHeaderTheMessageIdIsTheKey) {
  ASSERT_EQ(post(recorded("message_created.json")).status, 200U);
  EXPECT_EQ(last_event().id, "48213");
}

TEST_F(ChatwootPlugin, ARetriedDeliveryMapsToTheSameId) {
  const std::string body = recorded("message_created.json");
  ASSERT_EQ(post(body, delivery_id).status, 200U);
  ASSERT_EQ(post(body, delivery_id).status, 200U);  // the store answers it `duplicate`
  ASSERT_EQ(harness_.deliveries().size(), 2U);
  EXPECT_EQ(harness_.deliveries()[0].events.at(0).id, harness_.deliveries()[1].events.at(0).id);
}

TEST_F(ChatwootPlugin, MapsACsatAnswerToASurvey) {
  ASSERT_EQ(post(recorded("message_updated_csat.json"), delivery_id).status, 200U);
  const event& survey = last_event();
  EXPECT_EQ(survey.kind, event_kind::survey);
  EXPECT_EQ(survey.source, "chatwoot");
  EXPECT_EQ(survey.id, "csat-48230");  // the message's, not the delivery's (README "Dedupe")
  EXPECT_EQ(survey.csat, 1);
  EXPECT_FALSE(survey.nps || survey.ces);
  EXPECT_EQ(survey.verbatim, "Attente interminable, conseiller pas aimable. Je vais résilier.");
  EXPECT_EQ(survey.occurred_at_ms, 1795181100000);  // updated_at: when the customer answered
  EXPECT_EQ(survey.channel, "chat");
  EXPECT_EQ(survey.agent_id, "12");
  EXPECT_EQ(survey.team_id, "4");
  EXPECT_EQ(survey.queue, "Support facturation");
  EXPECT_EQ(survey.customer_id, "917");
  EXPECT_EQ(survey.interaction_id, "1207");
  EXPECT_TRUE(survey.platform.empty() && survey.message_kind.empty());
}

TEST_F(ChatwootPlugin, ACsatAnswerSentAgainIsTheSameSurvey) {
  const std::string body = recorded("message_updated_csat.json");
  ASSERT_EQ(post(body, "delivery-1").status, 200U);
  ASSERT_EQ(post(body, "delivery-2").status, 200U);  // each message_updated has a new id
  EXPECT_EQ(harness_.deliveries()[0].events.at(0).id, "csat-48230");
  EXPECT_EQ(harness_.deliveries()[1].events.at(0).id, "csat-48230");
}

TEST_F(ChatwootPlugin, KeepsNumericIncomingTypesAndAttachmentsWithoutText) {
  const std::string message = recorded("message_created.json");
  ASSERT_EQ(post(replaced(message, R"("message_type": "incoming")", R"("message_type": 0)")).status,
            200U);
  EXPECT_EQ(last_event().id, "48213");
  const std::string photo = replaced(
      replaced(message, R"("content": "Bonjour)", R"("content": null, "x": "Bonjour)"),
      R"("content_attributes": {},)", R"("attachments": [{"id": 77, "file_type": "image"}],)");
  ASSERT_EQ(post(photo).status, 200U);
  EXPECT_EQ(last_event().verbatim, "");  // stored, counted, not analysed
}

TEST_F(ChatwootPlugin, DecodesEscapedUnicodeAndSurrogatePairs) {
  ASSERT_EQ(post(recorded("message_created_escaped.json")).status, 200U);
  const event& message = last_event();
  EXPECT_EQ(message.verbatim, "Merci, problème réglé en 5 minutes \xF0\x9F\x91\x8D très efficace");
  EXPECT_EQ(message.author_name, "Anaïs Léger");
  EXPECT_EQ(message.platform, "other");  // WhatsApp: a chat on a platform the contract lacks
  EXPECT_EQ(message.channel, "chat");
  EXPECT_EQ(message.agent_id, "");  // "assignee": null
  EXPECT_EQ(message.queue, "WhatsApp Pro");
  EXPECT_EQ(message.customer_id, "918");
}

TEST_F(ChatwootPlugin, MapsEachInboxTypeToAPlatformAndAChannel) {
  const std::string message = recorded("message_created.json");
  const std::vector<std::array<std::string, 3>> table{
      {"Channel::Email", "email", "email"},
      {"Channel::FacebookPage", "messenger", "social"},
      {"Channel::Instagram", "instagram", "social"},
      {"Channel::Sms", "other", "sms"},
      {"Channel::Api", "other", "other"},
      {"Channel::Nouveau", "other", "other"},
  };
  for (const auto& [inbox, platform, channel] : table) {
    ASSERT_EQ(post(replaced(message, "Channel::WebWidget", inbox)).status, 200U);
    EXPECT_EQ(last_event().platform, platform) << inbox;
    EXPECT_EQ(last_event().channel, channel) << inbox;
  }
}

TEST_F(ChatwootPlugin, ReadsChatwootsOtherTimeFormats) {
  const std::string message = recorded("message_created.json");
  const std::string_view sent = R"("created_at": "2026-11-20T13:03:00.000Z")";
  ASSERT_EQ(post(replaced(message, sent, R"("created_at": "2020-03-03 13:05:57 UTC")")).status,
            200U);
  EXPECT_EQ(last_event().occurred_at_ms, 1583240757000);
  ASSERT_EQ(post(replaced(message, sent, R"("created_at": 1795179780)")).status, 200U);
  EXPECT_EQ(last_event().occurred_at_ms, 1795179780000);
  for (const char* unreadable : {R"("hier")", "9223372036854775807", "-5"}) {
    ASSERT_EQ(post(replaced(message, sent, std::string(R"("created_at": )") + unreadable)).status,
              200U);
    EXPECT_EQ(last_event().occurred_at_ms, last_event().received_at_ms) << unreadable;
  }
}

}  // namespace
}  // namespace sentinelle::chatwoot_testing
