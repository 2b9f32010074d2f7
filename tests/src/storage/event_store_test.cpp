// The event store's contract, on SQLite and on PostgreSQL alike.
#include <gtest/gtest.h>

#include <tuple>

#include "analyze/analysis_record.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

class EventStore : public store_test {};
SENTINELLE_BOTH_STORES(EventStore);

// Every field of an event, so two events compare (and print) field by field.
auto fields(const event& e) {
  return std::tie(e.kind, e.source, e.id, e.occurred_at_ms, e.received_at_ms, e.channel,
                  e.touchpoint, e.agent_id, e.team_id, e.queue, e.platform, e.customer_id,
                  e.interaction_id, e.language, e.nps, e.csat, e.ces, e.message_kind, e.is_public,
                  e.author_id, e.author_name, e.conversation_id, e.post_id, e.parent_id, e.page_id,
                  e.verbatim, e.analysis_json, e.sentiment_score, e.negative_verbatim, e.detractor,
                  e.reasons);
}

event full_survey() {
  event survey = make_survey("srv-000123", nov_20_ms + 14 * hour_ms);
  survey.source = "typeform";
  survey.received_at_ms = survey.occurred_at_ms + 2500;
  survey.touchpoint = "after_call";
  survey.agent_id = "a-17";
  survey.team_id = "t-3";
  survey.queue = "facturation";
  survey.channel = "voice";
  survey.customer_id = "c-991";
  survey.interaction_id = "call-5521";
  survey.language = "fr";
  survey.nps = 3;
  survey.csat = 2;
  survey.ces = 6;
  survey.verbatim = "Attente interminable, conseiller pas aimable. Je vais résilier. \"Zéro\" 😡";
  survey.analysis_json = R"({"score":-0.78,"label":"negative","flags":["churn_risk"]})";
  survey.sentiment_score = -0.78;
  survey.negative_verbatim = true;
  survey.detractor = true;
  survey.reasons = {"score_detractor", "churn_risk", "quote \" and \\ and é"};
  return survey;
}

event full_message() {
  event message;
  message.kind = event_kind::message;
  message.source = "facebook";
  message.id = "fb-comment-901097836652708_903438993085259";
  message.occurred_at_ms = nov_20_ms + 3 * hour_ms + 17;
  message.received_at_ms = message.occurred_at_ms + 40;
  message.platform = "facebook";
  message.message_kind = "comment";
  message.is_public = true;
  message.author_id = "u-1";
  message.author_name = "Émilie D.";
  message.conversation_id = "conv-9";
  message.post_id = "post-1";
  message.parent_id = "parent-2";
  message.page_id = "page-3";
  message.verbatim = "toujours pas remboursé";
  message.sentiment_score = 0.0;  // a verbatim scored exactly neutral is still a verbatim
  return message;
}

TEST_P(EventStore, RoundTripsEveryField) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const event survey = full_survey();
  const event message = full_message();
  const store_result result = store_and_wait(*store, {survey, message});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.outcomes,
            (std::vector<store_outcome>{store_outcome::stored, store_outcome::stored}));

  const auto found_survey = store->find(event_kind::survey, "typeform", survey.id);
  ASSERT_TRUE(found_survey.has_value());
  EXPECT_EQ(fields(*found_survey), fields(survey));
  const auto found_message = store->find(event_kind::message, "facebook", message.id);
  ASSERT_TRUE(found_message.has_value());
  EXPECT_EQ(fields(*found_message), fields(message));
  EXPECT_FALSE(found_message->nps.has_value());
  EXPECT_TRUE(found_message->reasons.empty());
}

// The pipeline gives each analysed event its analysis twice: as JSON, and as the compact record
// SQLite keeps. Whichever the engine stores, the event and its alert read back as that JSON.
TEST_P(EventStore, GivesBackTheAnalysisOfItsCompactRecordAsJson) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  event survey = full_survey();
  survey.alert_severity = severity::high;
  const std::vector<std::uint8_t> topics = {0};
  survey.analysis_record.clear();
  analysis_record_writer record(survey.analysis_record, -0.78, sentiment_label::negative, 1,
                                topics);
  record.add_match("attente", 0, 7, 0);
  record.add_match("résilier", 55, 64, -2.5);
  survey.analysis_json.clear();
  ASSERT_TRUE(append_analysis_record_json(survey.analysis_record, survey.analysis_json));
  ASSERT_TRUE(store_and_wait(*store, {survey}).ok);

  const auto found = store->find(event_kind::survey, "typeform", survey.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(fields(*found), fields(survey));
  EXPECT_NE(found->analysis_json.find(R"({"term":"résilier","start":55,"end":64,"weight":-2.5})"),
            std::string::npos);
  const alert_page alerts = store->list_alerts({});
  ASSERT_TRUE(alerts.ok) << alerts.error;
  ASSERT_EQ(alerts.alerts.size(), 1U);
  EXPECT_EQ(alerts.alerts[0].analysis_json, survey.analysis_json);
  if (GetParam() == backend::sqlite) {  // kept as the record: a BLOB, a third of the JSON
    EXPECT_EQ(database().text("SELECT typeof(analysis_json) FROM events"), "blob");
    EXPECT_EQ(database().text("SELECT length(analysis_json) FROM events"),
              std::to_string(survey.analysis_record.size()));
    // A damaged record (a version this binary does not know) costs the event its analysis only.
    database().exec("UPDATE events SET analysis_json = x'02000100'");
    const auto damaged = store->find(event_kind::survey, "typeform", survey.id);
    ASSERT_TRUE(damaged.has_value());
    EXPECT_EQ(damaged->analysis_json, "");
    EXPECT_EQ(damaged->verbatim, survey.verbatim);
  }
}

TEST_P(EventStore, FindsByKindSourceAndIdOnly) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store_and_wait(*store, {make_survey("x-1")}).ok);
  EXPECT_TRUE(store->find(event_kind::survey, "api", "x-1").has_value());
  EXPECT_FALSE(store->find(event_kind::message, "api", "x-1").has_value());
  EXPECT_FALSE(store->find(event_kind::survey, "typeform", "x-1").has_value());
  EXPECT_FALSE(store->find(event_kind::survey, "api", "x-2").has_value());
}

TEST_P(EventStore, ADuplicateOfAStoredEventChangesNothing) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store_and_wait(*store, {make_survey("s-1")}).ok);

  event changed = make_survey("s-1");
  changed.nps = 0;
  changed.agent_id = "a-2";
  const store_result again = store_and_wait(*store, {changed, make_survey("s-2")});
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_EQ(again.outcomes,
            (std::vector<store_outcome>{store_outcome::duplicate, store_outcome::stored}));
  EXPECT_EQ(store->count_events(), 2);
  EXPECT_EQ(store->find(event_kind::survey, "api", "s-1")->nps, 9);

  const score_answer scores = store->scores({nov_20_ms, nov_20_ms + day_ms, {}, {}, {}});
  ASSERT_TRUE(scores.ok) << scores.error;
  EXPECT_EQ(scores.total.nps_promoters, 2);
  EXPECT_EQ(scores.total.nps_detractors, 0);  // the duplicate's 0 was not counted
}

TEST_P(EventStore, ARepeatInsideOneBatchIsADuplicate) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  event repeat = make_survey("s-1");
  repeat.nps = 1;
  event other_source = make_survey("s-1");
  other_source.source = "typeform";  // ids are unique within a source only
  const store_result result =
      store_and_wait(*store, {make_survey("s-1"), repeat, make_survey("s-2"), other_source});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.outcomes,
            (std::vector<store_outcome>{store_outcome::stored, store_outcome::duplicate,
                                        store_outcome::stored, store_outcome::stored}));
  EXPECT_EQ(store->count_events(), 3);
  const score_answer scores = store->scores({nov_20_ms, nov_20_ms + day_ms, {}, {}, {}});
  EXPECT_EQ(scores.total.nps_promoters, 3);
  EXPECT_EQ(scores.total.nps_detractors, 0);
}

TEST_P(EventStore, AnEmptyBatchSucceedsWithNoOutcome) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const store_result result = store_and_wait(*store, {});
  EXPECT_TRUE(result.ok) << result.error;
  EXPECT_TRUE(result.outcomes.empty());
}

TEST_P(EventStore, DestructionCommitsEverythingQueued) {
  std::atomic<int> acknowledged{0};
  {
    auto store = open_store();
    ASSERT_NE(store, nullptr);
    for (int i = 0; i < 200; ++i) {
      store->store({make_survey("q-" + std::to_string(i))},
                   [&](const store_result& result) { acknowledged += result.ok ? 1 : 0; });
    }
  }
  EXPECT_EQ(acknowledged.load(), 200);
  auto reopened = open_store();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->count_events(), 200);
}

TEST_P(EventStore, FlushWaitsForEveryCallback) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  std::atomic<int> acknowledged{0};
  for (int i = 0; i < 100; ++i) {
    store->store({make_survey("f-" + std::to_string(i))},
                 [&](const store_result&) { ++acknowledged; });
  }
  store->flush();
  EXPECT_EQ(acknowledged.load(), 100);
  EXPECT_EQ(store->count_events(), 100);
}

TEST_P(EventStore, AThrowingCallbackDoesNotStopTheWriter) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  store->store({make_survey("t-1")}, [](const store_result&) { throw std::runtime_error("x"); });
  EXPECT_TRUE(store_and_wait(*store, {make_survey("t-2")}).ok);
  EXPECT_EQ(store->count_events(), 2);
}

}  // namespace
}  // namespace sentinelle
