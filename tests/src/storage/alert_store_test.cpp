// Alerts, the console stream and the outbox, on SQLite and on PostgreSQL.
#include <future>
#include <mutex>

#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

class AlertStore : public store_test {};
SENTINELLE_BOTH_STORES(AlertStore);

class Outbox : public store_test {};
SENTINELLE_BOTH_STORES(Outbox);


event detractor(const std::string& id, severity level, const std::string& team = "t-1") {
  event e = make_survey(id);
  e.nps = 2;
  e.team_id = team;
  e.verbatim = "je vais résilier";
  e.detractor = true;
  e.reasons = {"score_detractor", "churn_risk"};
  e.alert_severity = level;
  return e;
}

store_options two_sinks() {
  store_options options;
  options.outbound = {{"all", severity::low}, {"urgent", severity::critical}};
  return options;
}

TEST_P(AlertStore, AnAlertIsStoredWithItsEventAndAnsweredWithItsId) {
  auto store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  event calm = make_survey("calm");
  const store_result result =
      store_and_wait(*store, {detractor("d1", severity::critical), calm});
  ASSERT_TRUE(result.ok) << result.error;
  ASSERT_EQ(result.alerts.size(), 2U);
  ASSERT_TRUE(result.alerts[0]);
  EXPECT_FALSE(result.alerts[1]);
  EXPECT_EQ(result.alerts[0]->id, "al-" + std::to_string(result.alerts[0]->seq));
  const auto found = store->find_alert(result.alerts[0]->seq);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->event_id, "d1");
  EXPECT_EQ(found->level, severity::critical);
  EXPECT_EQ(found->status, alert_status::open);
  EXPECT_EQ(found->reasons, (std::vector<std::string>{"score_detractor", "churn_risk"}));
  EXPECT_EQ(found->excerpt, "je vais résilier");
  EXPECT_EQ(store->find(event_kind::survey, "api", "d1")->alert_id, found->id);
  // One delivery per sink whose minimum the alert reaches.
  EXPECT_EQ(store->pending_deliveries(), 2);
}

TEST_P(AlertStore, ADuplicateRaisesNoSecondAlert) {
  auto store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store_and_wait(*store, {detractor("d1", severity::high)}).ok);
  const store_result again = store_and_wait(*store, {detractor("d1", severity::high)});
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.outcomes[0], store_outcome::duplicate);
  EXPECT_FALSE(again.alerts[0]);
  test_database& db = database();
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM alerts"), "1");
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM outbox"), "1");  // "urgent" takes critical only
}

TEST_P(AlertStore, AFailedBatchLeavesNoAlertNorDelivery) {
  auto store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  event broken = detractor("bad", severity::critical);
  broken.nps = 42;  // the CHECK fails: the whole batch rolls back
  const store_result result = store_and_wait(*store, {detractor("ok", severity::critical), broken});
  EXPECT_FALSE(result.ok);
  test_database& db = database();
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM alerts"), "0");
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM alert_log"), "0");
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM outbox"), "0");
}

// Both engines first write a group without a savepoint per batch and, when one fails, write
// it again with each batch isolated: the good batch's alert is raised, stored and published
// once, under the seq its answer names.
TEST_P(AlertStore, ABadBatchInAGroupLeavesTheOtherBatchsAlertRaisedOnce) {
  auto store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  std::mutex published_mutex;
  std::vector<std::int64_t> published;
  store->on_commit([&](const commit_notice& notice) {
    const std::lock_guard lock(published_mutex);
    for (const stream_record& record : notice.records) {
      published.push_back(record.seq);
    }
  });
  event broken = detractor("bad", severity::critical);
  broken.nps = 42;  // the CHECK fails after the first event of its batch was written
  std::promise<store_result> good_done;
  std::promise<store_result> bad_done;
  const std::int64_t transactions_before = committed_transactions(*store);
  {
    writer_gate gate(*store);
    store->store({detractor("good", severity::critical)},
                 [&](store_result r) { good_done.set_value(std::move(r)); });
    store->store({detractor("also-bad", severity::critical), broken},
                 [&](store_result r) { bad_done.set_value(std::move(r)); });
  }
  const store_result good = good_done.get_future().get();
  const store_result bad = bad_done.get_future().get();
  store->flush();
  EXPECT_LE(committed_transactions(*store) - transactions_before, 2) << "not one group";
  ASSERT_TRUE(good.ok) << good.error;
  ASSERT_EQ(good.alerts.size(), 1U);
  ASSERT_TRUE(good.alerts[0]);
  EXPECT_FALSE(bad.ok);
  test_database& db = database();
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM alerts"), "1");
  EXPECT_EQ(db.text("SELECT seq FROM alerts"), std::to_string(good.alerts[0]->seq));
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM outbox"), "2");  // one per sink, once
  EXPECT_EQ(db.text("SELECT COUNT(*) FROM events WHERE id = 'also-bad'"), "0");
  const std::lock_guard lock(published_mutex);
  EXPECT_EQ(published, std::vector<std::int64_t>{good.alerts[0]->seq});
}

TEST_P(AlertStore, ListFiltersAndPagesNewestFirst) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  std::vector<event> batch;
  for (int i = 0; i < 7; ++i) {
    batch.push_back(detractor("d" + std::to_string(i), i % 2 == 0 ? severity::critical
                                                                   : severity::medium,
                              i < 4 ? "t-1" : "t-2"));
  }
  ASSERT_TRUE(store_and_wait(*store, batch).ok);
  alert_filter filter;
  filter.limit = 3;
  alert_page first = store->list_alerts(filter);
  ASSERT_TRUE(first.ok) << first.error;
  ASSERT_EQ(first.alerts.size(), 3U);
  EXPECT_EQ(first.alerts[0].event_id, "d6");
  ASSERT_TRUE(first.next_before_seq);
  filter.before_seq = first.next_before_seq;
  alert_page second = store->list_alerts(filter);
  ASSERT_EQ(second.alerts.size(), 3U);
  EXPECT_EQ(second.alerts[0].event_id, "d3");
  filter.before_seq = second.next_before_seq;
  alert_page last = store->list_alerts(filter);
  ASSERT_EQ(last.alerts.size(), 1U);
  EXPECT_FALSE(last.next_before_seq);

  alert_filter urgent_t2;
  urgent_t2.min_severity = severity::high;
  urgent_t2.team_id = "t-2";
  const alert_page filtered = store->list_alerts(urgent_t2);
  ASSERT_EQ(filtered.alerts.size(), 2U);  // d6, d4
  EXPECT_EQ(filtered.alerts[1].event_id, "d4");
}

TEST_P(AlertStore, AcknowledgeAndResolveAreDurableAndRepeatsChangeNothing) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const auto seq = store_and_wait(*store, {detractor("d1", severity::high)}).alerts[0]->seq;
  store->flush();  // the commit is published after its callback: let that pass first
  std::vector<stream_record> published;
  store->on_commit([&](const commit_notice& notice) {
    published.insert(published.end(), notice.records.begin(), notice.records.end());
  });
  auto ack = change_and_wait(*store, {seq, alert_action::acknowledge, "sup-1", "", 1000});
  ASSERT_EQ(ack.result, alert_change_result::outcome::changed) << ack.error;
  EXPECT_EQ(ack.state->status, alert_status::acknowledged);
  auto again = change_and_wait(*store, {seq, alert_action::acknowledge, "sup-2", "", 2000});
  EXPECT_EQ(again.result, alert_change_result::outcome::unchanged);
  EXPECT_EQ(again.state->acknowledged_by, "sup-1");
  auto resolved =
      change_and_wait(*store, {seq, alert_action::resolve, "sup-2", "rappelé", 3000});
  ASSERT_EQ(resolved.result, alert_change_result::outcome::changed);
  EXPECT_EQ(resolved.state->note, "rappelé");
  EXPECT_EQ(change_and_wait(*store, {seq + 100, alert_action::resolve, "x", "", 1}).result,
            alert_change_result::outcome::not_found);
  store->flush();
  ASSERT_EQ(published.size(), 2U);  // the two changes, not the repeat
  EXPECT_EQ(published[0].kind, stream_kind::alert_update);
  EXPECT_LT(published[0].seq, published[1].seq);

  store.reset();  // reopen: the changes were committed
  store = open_store();
  ASSERT_NE(store, nullptr);
  const auto reread = store->find_alert(seq);
  ASSERT_TRUE(reread);
  EXPECT_EQ(reread->status, alert_status::resolved);
  EXPECT_EQ(reread->resolved_by, "sup-2");
  EXPECT_EQ(reread->acknowledged_by, "sup-1");
}

TEST_P(AlertStore, ReplayReturnsCreationsAndChangesAfterASeq) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const auto first = store_and_wait(*store, {detractor("d1", severity::high)}).alerts[0]->seq;
  const auto second = store_and_wait(*store, {detractor("d2", severity::low)}).alerts[0]->seq;
  change_and_wait(*store, {first, alert_action::acknowledge, "sup", "", 5});
  std::vector<stream_record> all;
  ASSERT_TRUE(store->replay(0, 100, all));
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0].seq, first);
  EXPECT_EQ(all[1].seq, second);
  EXPECT_EQ(all[2].kind, stream_kind::alert_update);
  EXPECT_EQ(all[2].subject.id, alert_id_for(first));
  std::vector<stream_record> after;
  ASSERT_TRUE(store->replay(second, 100, after));
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0].subject.status, alert_status::acknowledged);
}

TEST_P(AlertStore, CommitListenerGetsNewAlertsAndChangedScoreGroups) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  std::vector<commit_notice> notices;
  store->on_commit([&](const commit_notice& notice) { notices.push_back(notice); });
  store_and_wait(*store, {detractor("d1", severity::high, "t-9")});
  store->flush();
  ASSERT_EQ(notices.size(), 1U);
  ASSERT_EQ(notices[0].records.size(), 1U);
  EXPECT_EQ(notices[0].records[0].subject.team_id, "t-9");
  const auto& groups = notices[0].score_groups;
  EXPECT_NE(std::find(groups.begin(), groups.end(), std::make_pair(std::string("team_id"),
                                                                   std::string("t-9"))),
            groups.end());
  EXPECT_NE(std::find(groups.begin(), groups.end(), std::make_pair(std::string(), std::string())),
            groups.end());
}

TEST_P(Outbox, ClaimRescheduleBuryAndReplay) {
  auto store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  store_and_wait(*store, {detractor("d1", severity::critical)});
  const std::int64_t now = nov_20_ms + 10'000;
  auto claimed = store->claim_due(now, 60'000, 10);
  ASSERT_EQ(claimed.size(), 2U);
  EXPECT_EQ(claimed[0].attempts, 0);
  EXPECT_EQ(claimed[0].webhook_id.find('.'), std::string::npos);
  // Leased: not claimed twice.
  EXPECT_TRUE(store->claim_due(now, 60'000, 10).empty());
  EXPECT_EQ(store->next_due_ms(), now + 60'000);
  const auto& first = claimed[0];
  ASSERT_TRUE(store->reschedule(first.id, 1, now + 5'000, "HTTP 500"));
  auto retried = store->claim_due(now + 5'000, 60'000, 10);
  ASSERT_EQ(retried.size(), 1U);
  EXPECT_EQ(retried[0].webhook_id, first.webhook_id);  // stable across attempts
  EXPECT_EQ(retried[0].attempts, 1);
  EXPECT_EQ(retried[0].last_error, "HTTP 500");
  ASSERT_TRUE(store->bury(first.id, 2, now + 6'000, "HTTP 503"));
  ASSERT_TRUE(store->mark_delivered(claimed[1].id));
  EXPECT_EQ(store->pending_deliveries(), 0);
  auto dead = store->dead_letters(10);
  ASSERT_EQ(dead.size(), 1U);
  EXPECT_EQ(dead[0].last_error, "HTTP 503");
  EXPECT_EQ(dead[0].attempts, 2);
  ASSERT_TRUE(store->replay_dead_letter(dead[0].id, now + 7'000));
  EXPECT_FALSE(store->replay_dead_letter(dead[0].id, now + 7'000));  // gone from the dead
  auto again = store->claim_due(now + 7'000, 60'000, 10);
  ASSERT_EQ(again.size(), 1U);
  EXPECT_EQ(again[0].webhook_id, first.webhook_id);
  EXPECT_EQ(again[0].attempts, 0);
}

TEST_P(Outbox, DisabledSinksAreNotClaimedAndPendingRowsSurviveARestart) {
  auto store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  store_and_wait(*store, {detractor("d1", severity::critical)});
  ASSERT_TRUE(store->disable_sink("all", nov_20_ms, "HTTP 410"));
  EXPECT_TRUE(store->sink_disabled("all"));
  store.reset();
  store = open_store(two_sinks());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->pending_deliveries(), 2);
  auto claimed = store->claim_due(nov_20_ms + 60'000, 1000, 10);
  ASSERT_EQ(claimed.size(), 1U);
  EXPECT_EQ(claimed[0].sink, "urgent");
}

}  // namespace
}  // namespace sentinelle
