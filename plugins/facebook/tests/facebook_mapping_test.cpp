// Recorded Meta deliveries (tests/data, written in Meta's documented format) mapped to
// canonical events: exactly which fields, what is skipped, edits and removals, and ids that
// make Meta's retries duplicates.
#include <gtest/gtest.h>

#include "facebook_test_support.hpp"

namespace sentinelle {
namespace {

using namespace facebook_testing;

const delivery& only_delivery(facebook_harness& harness, const std::string& body) {
  const http_response answer = harness.deliver(body);
  EXPECT_EQ(answer.status, 200U) << answer.body;
  EXPECT_EQ(harness.deliveries().size(), 1U);
  return harness.deliveries().back();
}

TEST(FacebookMapping, PageDeliveryKeepsCustomersAndSkipsThePageLikesEchoesAndReceipts) {
  facebook_harness harness;
  const delivery& batch = only_delivery(harness, recorded("page_delivery.json"));
  // Skipped: the Page's own reply, a like, a reaction, an echo, a read and a delivery receipt.
  EXPECT_EQ(batch.skipped, 6U);
  EXPECT_EQ(harness.stats().skipped.load(), 6U);
  ASSERT_EQ(batch.events.size(), 4U);

  const event& comment = batch.events[0];
  EXPECT_EQ(comment.kind, event_kind::message);
  EXPECT_EQ(comment.change, event_change::add);
  EXPECT_EQ(comment.source, "facebook");
  EXPECT_EQ(comment.id, "fb-comment-903438993085001_903438993085259");
  EXPECT_EQ(comment.platform, "facebook");
  EXPECT_EQ(comment.message_kind, "comment");
  EXPECT_TRUE(comment.is_public);
  EXPECT_EQ(comment.channel, "social");
  EXPECT_EQ(comment.page_id, "901097836652708");
  EXPECT_EQ(comment.post_id, "901097836652708_903438993085001");
  EXPECT_EQ(comment.parent_id, "901097836652708_903438993085001");
  EXPECT_EQ(comment.author_id, "6254417391275432");
  EXPECT_EQ(comment.author_name, "Camille Dupré");
  EXPECT_EQ(comment.occurred_at_ms, 1795179780000);
  // \u00e9 and the surrogate pair \ud83d\ude21 (U+1F621) decoded to UTF-8.
  EXPECT_EQ(comment.verbatim,
            "Trois semaines sans connexion et personne ne répond au service client \xF0\x9F\x98\xA1"
            " Je vais résilier mon abonnement.");
  EXPECT_TRUE(comment.analysis_json.empty());
  EXPECT_GT(comment.received_at_ms, 0);

  const event& post = batch.events[1];
  EXPECT_EQ(post.id, "fb-post-901097836652708_904000000000001");
  EXPECT_EQ(post.message_kind, "post");
  EXPECT_TRUE(post.is_public);
  EXPECT_EQ(post.author_name, "Nadège Roux");
  EXPECT_EQ(post.verbatim,
            "Merci à Sarah pour son aide rapide hier, problème réglé \xF0\x9F\x91\x8D");
  EXPECT_EQ(post.occurred_at_ms, 1795180000000);

  const event& text = batch.events[2];
  EXPECT_EQ(text.id, "messenger-m_1457764197618-41d102a3e1ae206a38");
  EXPECT_EQ(text.platform, "messenger");
  EXPECT_EQ(text.message_kind, "private_message");
  EXPECT_FALSE(text.is_public);
  EXPECT_EQ(text.author_id, "2468013579246801");
  EXPECT_EQ(text.conversation_id, "2468013579246801");
  EXPECT_EQ(text.page_id, "901097836652708");
  EXPECT_EQ(text.occurred_at_ms, 1795180200000);
  EXPECT_EQ(text.verbatim,
            "C'est inadmissible, on m'a facturé deux fois ce mois-ci. Je veux un remboursement.");

  // A photo without text: stored with an empty text (the pipeline does not analyse it).
  const event& photo = batch.events[3];
  EXPECT_EQ(photo.id, "messenger-m_1457764197618-41d102a3e1ae206a39");
  EXPECT_TRUE(photo.verbatim.empty());
}

TEST(FacebookMapping, InstagramCommentsAndDirectMessages) {
  facebook_harness harness;
  const delivery& batch = only_delivery(harness, recorded("instagram_delivery.json"));
  EXPECT_EQ(batch.skipped, 2U);  // the account's own reply, a mention
  ASSERT_EQ(batch.events.size(), 2U);
  const event& comment = batch.events[0];
  EXPECT_EQ(comment.id, "ig-comment-17865799348089039");
  EXPECT_EQ(comment.platform, "instagram");
  EXPECT_EQ(comment.message_kind, "comment");
  EXPECT_TRUE(comment.is_public);
  EXPECT_EQ(comment.author_id, "232323232");
  EXPECT_EQ(comment.author_name, "juliette.b");
  EXPECT_EQ(comment.post_id, "18023345989012587");
  EXPECT_EQ(comment.page_id, "17841405309211844");
  EXPECT_EQ(comment.occurred_at_ms, 1795180320000);  // entry.time: IG comments carry no time
  EXPECT_EQ(comment.verbatim, "Livraison reçue cassée, et le SAV ne répond jamais. Arnaque !");
  const event& dm = batch.events[1];
  EXPECT_EQ(dm.id, "ig-dm-aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ0");
  EXPECT_EQ(dm.platform, "instagram");
  EXPECT_EQ(dm.message_kind, "private_message");
  EXPECT_FALSE(dm.is_public);
  EXPECT_EQ(dm.conversation_id, "1122334455667788");
  EXPECT_EQ(dm.occurred_at_ms, 1795180325000);
}

std::string feed_change(std::string_view verb, std::string_view from, std::string_view message) {
  return R"({"object":"page","entry":[{"id":"111","time":1795179780,"changes":[{"field":"feed",)"
         R"("value":{"from":{"id":")" +
         std::string(from) +
         R"(","name":"Léa"},"item":"comment",)"
         R"("verb":")" +
         std::string(verb) +
         R"(","comment_id":"333_444","post_id":"111_333",)"
         R"("parent_id":"111_333","created_time":1795179800)" +
         (message.empty() ? "" : R"(,"message":")" + std::string(message) + "\"") + "}}]}]}";
}

TEST(FacebookMapping, EditedAndRemovedCommentsReviseOrEraseTheSameId) {
  facebook_harness harness;
  EXPECT_EQ(harness.deliver(feed_change("add", "222", "Service nul")).status, 200U);
  EXPECT_EQ(harness.deliver(feed_change("edited", "222", "Service tr\\u00e8s lent")).status, 200U);
  EXPECT_EQ(harness.deliver(feed_change("remove", "222", "")).status, 200U);
  // The Page removing a customer's comment reports the Page as `from`: still erased.
  EXPECT_EQ(harness.deliver(feed_change("remove", "111", "")).status, 200U);
  EXPECT_EQ(harness.deliver(feed_change("hide", "222", "")).status, 200U);
  ASSERT_EQ(harness.deliveries().size(), 5U);
  const event& edited = harness.deliveries()[1].events.at(0);
  EXPECT_EQ(edited.change, event_change::edit);
  EXPECT_EQ(edited.id, "fb-comment-333_444");
  EXPECT_EQ(edited.verbatim, "Service très lent");
  EXPECT_EQ(edited.author_name, "Léa");
  for (std::size_t i : {2U, 3U}) {
    const event& removed = harness.deliveries()[i].events.at(0);
    EXPECT_EQ(removed.change, event_change::erase);
    EXPECT_EQ(removed.id, "fb-comment-333_444");
    EXPECT_EQ(removed.kind, event_kind::message);
    EXPECT_EQ(removed.source, "facebook");
  }
  EXPECT_TRUE(harness.deliveries()[4].events.empty());
  EXPECT_EQ(harness.deliveries()[4].skipped, 1U);
  // The Page's own comment, added or edited, is not a customer's.
  EXPECT_EQ(harness.deliver(feed_change("edited", "111", "Merci")).status, 200U);
  EXPECT_TRUE(harness.deliveries().back().events.empty());
}

TEST(FacebookMapping, MessengerEditsAndInstagramUnsentMessages) {
  facebook_harness harness;
  const delivery& edit = only_delivery(harness, R"({"object":"page","entry":[{"id":"111",
"time":1795180200000,"messaging":[{"sender":{"id":"999"},"recipient":{"id":"111"},
"timestamp":1795180300000,"message_edit":{"mid":"m_abc","text":"Finalement c'est r\u00e9gl\u00e9",
"num_edit":1}}]}]})");
  ASSERT_EQ(edit.events.size(), 1U);
  EXPECT_EQ(edit.events[0].change, event_change::edit);
  EXPECT_EQ(edit.events[0].id, "messenger-m_abc");
  EXPECT_EQ(edit.events[0].verbatim, "Finalement c'est réglé");
  const http_response unsent = harness.deliver(R"({"object":"instagram","entry":[{"id":"178",
"time":1795180200,"messaging":[{"sender":{"id":"555"},"recipient":{"id":"178"},
"timestamp":1795180300000,"message":{"mid":"aWdf_1","is_deleted":true}}]}]})");
  EXPECT_EQ(unsent.status, 200U);
  const event& erased = harness.deliveries().back().events.at(0);
  EXPECT_EQ(erased.change, event_change::erase);
  EXPECT_EQ(erased.id, "ig-dm-aWdf_1");
}

TEST(FacebookMapping, ReactionsPostbacksAndStandbyMessages) {
  facebook_harness harness;
  const delivery& batch = only_delivery(harness, R"({"object":"page","entry":[{"id":"111",
"time":1795180200000,"messaging":[
{"sender":{"id":"999"},"recipient":{"id":"111"},"timestamp":1795180300000,
 "reaction":{"mid":"m_1","action":"react","emoji":"\ud83d\ude21","reaction":"angry"}},
{"sender":{"id":"999"},"recipient":{"id":"111"},"timestamp":1795180300000,
 "postback":{"mid":"m_2","title":"Parler \u00e0 un conseiller","payload":"AGENT"}}],
"standby":[{"sender":{"id":"999"},"recipient":{"id":"111"},"timestamp":1795180300000,
 "message":{"mid":"m_3","text":"Vous \u00eates l\u00e0 ?"}}]}]})");
  EXPECT_EQ(batch.skipped, 2U);
  ASSERT_EQ(batch.events.size(), 1U);
  EXPECT_EQ(batch.events[0].id, "messenger-m_3");
  EXPECT_EQ(batch.events[0].verbatim, "Vous êtes là ?");
}

TEST(FacebookMapping, NumericIdsAndMissingTimesAreAccepted) {
  facebook_harness harness;
  const delivery& batch = only_delivery(harness, R"({"object":"page","entry":[{"id":111,
"changes":[{"field":"feed","value":{"from":{"id":222},"item":"comment","verb":"add",
"comment_id":"333_444","message":"Toujours rien"}}]}]})");
  ASSERT_EQ(batch.events.size(), 1U);
  EXPECT_EQ(batch.events[0].page_id, "111");
  EXPECT_EQ(batch.events[0].author_id, "222");
  // No created_time and no entry.time: when the delivery arrived.
  EXPECT_EQ(batch.events[0].occurred_at_ms, batch.events[0].received_at_ms);
}

TEST(FacebookMapping, ARetriedDeliveryMapsToTheSameIds) {
  facebook_harness harness;
  const std::string body = recorded("page_delivery.json");
  EXPECT_EQ(harness.deliver(body).status, 200U);
  EXPECT_EQ(harness.deliver(body).status, 200U);
  ASSERT_EQ(harness.deliveries().size(), 2U);
  const auto& first = harness.deliveries()[0].events;
  const auto& again = harness.deliveries()[1].events;
  ASSERT_EQ(first.size(), again.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].id, again[i].id);
    EXPECT_EQ(first[i].source, again[i].source);
  }
}

}  // namespace
}  // namespace sentinelle
