// Edits and erasures of stored events (a platform changed or removed a comment) on a real
// SQLite file: the text, the scores' rollups and the alert follow, within one commit.
#include "storage/score_queries.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;


event comment(const std::string& id, const std::string& text, bool angry,
              event_change change = event_change::add) {
  event e = make_survey(id);
  e.kind = event_kind::message;
  e.change = change;
  e.source = "facebook";
  e.nps.reset();
  e.platform = "facebook";
  e.verbatim = text;
  e.analysis_json = text.empty() ? "" : R"({"score":0})";
  e.sentiment_score = angry ? -0.75 : 0.5;
  e.negative_verbatim = angry;
  e.detractor = angry;
  if (angry) {
    e.reasons = {"negative_verbatim"};
    e.alert_severity = severity::high;
  }
  return e;
}

event erasure(const std::string& id) {
  event e;
  e.kind = event_kind::message;
  e.change = event_change::erase;
  e.source = "facebook";
  e.id = id;
  return e;
}

class EventRevision : public store_test {
 protected:
  void SetUp() override {
    store_test::SetUp();
    store_ = open_store();
    ASSERT_NE(store_, nullptr);
  }

  score_totals totals() {
    return store_->scores({nov_20_ms - day_ms, nov_20_ms + day_ms, {}, {}, {}}).total;
  }

  // The rollups and the recount over events agree after every change.
  void expect_rollups_match_events() {
    const score_query all{nov_20_ms - day_ms, nov_20_ms + day_ms, dimension::agent_id, {}, {}};
    const score_answer fast = database().scores_via(all, true);
    const score_answer slow = database().scores_via(all, false);
    ASSERT_TRUE(fast.ok && slow.ok);
    for (const auto* answer : {&fast, &slow}) {
      SCOPED_TRACE(answer == &fast ? "rollups" : "events");
      EXPECT_EQ(answer->total.verbatims, totals().verbatims);
      EXPECT_EQ(answer->total.negative_verbatims, totals().negative_verbatims);
      EXPECT_EQ(answer->total.alerts_total, totals().alerts_total);
      EXPECT_EQ(answer->total.alerts_open, totals().alerts_open);
      EXPECT_DOUBLE_EQ(answer->total.sentiment_sum, totals().sentiment_sum);
    }
  }

  std::unique_ptr<durable_store> store_;
};

SENTINELLE_BOTH_STORES(EventRevision);


TEST_P(EventRevision, AnEditReplacesTheTextAndRaisesTheAlertItNowDeserves) {
  ASSERT_TRUE(store_and_wait(*store_, {comment("c1", "merci, parfait", false)}).ok);
  EXPECT_EQ(totals().negative_verbatims, 0);
  const store_result edited = store_and_wait(
      *store_, {comment("c1", "en fait c'est honteux, je résilie", true, event_change::edit)});
  ASSERT_TRUE(edited.ok) << edited.error;
  EXPECT_EQ(edited.outcomes[0], store_outcome::revised);
  ASSERT_TRUE(edited.alerts[0]);
  const auto stored = store_->find(event_kind::message, "facebook", "c1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->verbatim, "en fait c'est honteux, je résilie");
  EXPECT_TRUE(stored->detractor);
  EXPECT_EQ(stored->alert_id, edited.alerts[0]->id);
  const score_totals now = totals();
  EXPECT_EQ(now.verbatims, 1);  // the same verbatim, its new sentiment
  EXPECT_EQ(now.negative_verbatims, 1);
  EXPECT_DOUBLE_EQ(now.sentiment_sum, -0.75);
  EXPECT_EQ(now.alerts_total, 1);
  expect_rollups_match_events();
  // Meta retries: the same edit again changes nothing more and raises no second alert.
  const store_result again = store_and_wait(
      *store_, {comment("c1", "en fait c'est honteux, je résilie", true, event_change::edit)});
  EXPECT_EQ(again.outcomes[0], store_outcome::duplicate);
  EXPECT_FALSE(again.alerts[0]);
  EXPECT_EQ(totals().alerts_total, 1);
  expect_rollups_match_events();
}

TEST_P(EventRevision, AnEditOfAnUnknownEventStoresIt) {
  const store_result result =
      store_and_wait(*store_, {comment("new", "bof", false, event_change::edit)});
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.outcomes[0], store_outcome::stored);
  EXPECT_EQ(store_->find(event_kind::message, "facebook", "new")->verbatim, "bof");
}

TEST_P(EventRevision, AnErasureErasesTheTextAndRetractsTheAlert) {
  const store_result added = store_and_wait(*store_, {comment("c2", "arnaque !", true)});
  ASSERT_TRUE(added.ok && added.alerts[0]);
  EXPECT_EQ(totals().alerts_open, 1);
  const store_result erased = store_and_wait(*store_, {erasure("c2")});
  ASSERT_TRUE(erased.ok) << erased.error;
  EXPECT_EQ(erased.outcomes[0], store_outcome::erased);
  const auto stored = store_->find(event_kind::message, "facebook", "c2");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->verbatim, "");
  EXPECT_EQ(stored->analysis_json, "");
  EXPECT_FALSE(stored->sentiment_score);
  EXPECT_FALSE(stored->detractor);
  EXPECT_TRUE(stored->reasons.empty());
  const auto retracted = store_->find_alert(added.alerts[0]->seq);
  ASSERT_TRUE(retracted);
  EXPECT_EQ(retracted->status, alert_status::resolved);
  EXPECT_EQ(retracted->resolved_by, "facebook");
  EXPECT_EQ(retracted->note, "retracted: removed on facebook");
  const score_totals now = totals();
  EXPECT_EQ(now.verbatims, 0);
  EXPECT_EQ(now.negative_verbatims, 0);
  EXPECT_EQ(now.alerts_open, 0);
  EXPECT_EQ(now.alerts_total, 1);
  expect_rollups_match_events();
  // The consoles learn it: the retraction is on the stream after the alert.
  std::vector<stream_record> records;
  ASSERT_TRUE(store_->replay(0, 10, records));
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[1].kind, stream_kind::alert_update);
  EXPECT_EQ(records[1].subject.status, alert_status::resolved);
  // Erasing again, or erasing what was never stored, changes nothing.
  EXPECT_EQ(store_and_wait(*store_, {erasure("c2")}).outcomes[0], store_outcome::erased);
  EXPECT_EQ(store_and_wait(*store_, {erasure("never")}).outcomes[0], store_outcome::missing);
  records.clear();
  ASSERT_TRUE(store_->replay(0, 10, records));
  EXPECT_EQ(records.size(), 2U);
  expect_rollups_match_events();
}

TEST_P(EventRevision, AddEditAndEraseInOneBatchCommitTogether) {
  const store_result result = store_and_wait(
      *store_, {comment("b1", "nul", true), comment("b1", "finalement ça va", false,
                                                    event_change::edit),
                comment("b2", "top", false), erasure("b2")});
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.outcomes, (std::vector<store_outcome>{store_outcome::stored,
                                                         store_outcome::revised,
                                                         store_outcome::stored,
                                                         store_outcome::erased}));
  EXPECT_EQ(store_->find(event_kind::message, "facebook", "b1")->verbatim, "finalement ça va");
  EXPECT_EQ(store_->find(event_kind::message, "facebook", "b2")->verbatim, "");
  EXPECT_EQ(totals().alerts_open, 1);  // b1's alert stays: a supervisor decides
  expect_rollups_match_events();
}

}  // namespace
}  // namespace sentinelle
