// What only PostgreSQL does: several instances on one database, durability settings checked at
// start, reconnection. Each test opens two stores on its own database, as two sentinelle
// processes behind a load balancer would.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "storage/postgres/postgres_event_store.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

event detractor(const std::string& id) {
  event e = make_survey(id);
  e.nps = 1;
  e.detractor = true;
  e.reasons = {"score_detractor"};
  e.alert_severity = severity::high;
  return e;
}

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(database_.ok()) << database_.error(); }

  std::unique_ptr<durable_store> open_instance(store_options options = {}) {
    std::string error;
    auto store = database_.open(error, std::move(options));
    EXPECT_NE(store, nullptr) << error;
    return store;
  }

  test_database database_{backend::postgres};
};

TEST_F(PostgresStore, TheSameIdsSentToTwoInstancesAtOnceAreStoredOnce) {
  auto first = open_instance();
  auto second = open_instance();
  ASSERT_TRUE(first && second);
  std::atomic<int> stored{0}, duplicates{0}, failed{0};
  const auto send_all = [&](durable_store& store) {
    for (int i = 0; i < 300; ++i) {
      store.store({make_survey("same-" + std::to_string(i))}, [&](const store_result& result) {
        if (!result.ok) {
          ++failed;
          return;
        }
        ++(result.outcomes[0] == store_outcome::stored ? stored : duplicates);
      });
    }
  };
  std::thread a([&] { send_all(*first); });
  std::thread b([&] { send_all(*second); });
  a.join();
  b.join();
  first->flush();
  second->flush();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(stored.load(), 300);
  EXPECT_EQ(duplicates.load(), 300);
  EXPECT_EQ(second->count_events(), 300);
  // The rollups counted each event once, whichever instance stored it.
  const score_answer scores = first->scores({nov_20_ms, nov_20_ms + day_ms, {}, {}, {}});
  EXPECT_EQ(scores.total.nps_promoters, 300);
}

TEST_F(PostgresStore, AlertSeqsAreGlobalAndReplayOnAnyInstance) {
  auto first = open_instance();
  auto second = open_instance();
  ASSERT_TRUE(first && second);
  const store_result on_a = store_and_wait(*first, {detractor("d-a")});
  const store_result on_b = store_and_wait(*second, {detractor("d-b")});
  ASSERT_TRUE(on_a.ok && on_b.ok) << on_a.error << on_b.error;
  ASSERT_TRUE(on_a.alerts[0] && on_b.alerts[0]);
  EXPECT_LT(on_a.alerts[0]->seq, on_b.alerts[0]->seq);
  for (durable_store* store : {first.get(), second.get()}) {
    std::vector<stream_record> records;
    ASSERT_TRUE(store->replay(0, 10, records));
    ASSERT_EQ(records.size(), 2U);
    EXPECT_EQ(records[0].subject.event_id, "d-a");
    EXPECT_EQ(records[1].subject.event_id, "d-b");
  }
  // An acknowledgement on B is seen on A, and its stream record comes after both alerts.
  ASSERT_EQ(change_and_wait(*second, {on_a.alerts[0]->seq, alert_action::acknowledge, "sup", "", 5})
                .result,
            alert_change_result::outcome::changed);
  EXPECT_EQ(first->find_alert(on_a.alerts[0]->seq)->status, alert_status::acknowledged);
  std::vector<stream_record> after;
  ASSERT_TRUE(first->replay(on_b.alerts[0]->seq, 10, after));
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0].kind, stream_kind::alert_update);
}

TEST_F(PostgresStore, InstancesStartingTogetherMigrateOnce) {
  std::vector<std::unique_ptr<durable_store>> stores(4);
  std::vector<std::string> errors(stores.size());
  std::vector<std::thread> starting;
  for (std::size_t i = 0; i < stores.size(); ++i) {
    starting.emplace_back([&, i] { stores[i] = database_.open(errors[i]); });
  }
  for (std::thread& thread : starting) {
    thread.join();
  }
  for (std::size_t i = 0; i < stores.size(); ++i) {
    EXPECT_NE(stores[i], nullptr) << errors[i];
  }
  EXPECT_EQ(database_.text("SELECT COUNT(*) FROM schema_migrations"), "4");
  EXPECT_EQ(database_.text("SELECT MAX(version) FROM schema_migrations"), "4");
}

TEST_F(PostgresStore, TwoInstancesNeverClaimTheSameDelivery) {
  store_options sink;
  sink.outbound = {{"crm", severity::low}};
  auto first = open_instance(sink);
  auto second = open_instance(sink);
  ASSERT_TRUE(first && second);
  std::vector<event> batch;
  for (int i = 0; i < 60; ++i) {
    batch.push_back(detractor("d-" + std::to_string(i)));
  }
  ASSERT_TRUE(store_and_wait(*first, std::move(batch)).ok);
  ASSERT_EQ(second->pending_deliveries(), 60);
  std::vector<std::int64_t> claimed_a, claimed_b;
  const auto drain = [](durable_store& store, std::vector<std::int64_t>& ids) {
    for (;;) {
      const auto claimed = store.claim_due(nov_20_ms + 60'000, 3'600'000, 3);
      if (claimed.empty()) {
        return;
      }
      for (const auto& delivery : claimed) {
        ids.push_back(delivery.id);
      }
    }
  };
  std::thread a([&] { drain(*first, claimed_a); });
  std::thread b([&] { drain(*second, claimed_b); });
  a.join();
  b.join();
  std::set<std::int64_t> all(claimed_a.begin(), claimed_a.end());
  all.insert(claimed_b.begin(), claimed_b.end());
  EXPECT_EQ(claimed_a.size() + claimed_b.size(), 60U) << "a delivery was claimed twice";
  EXPECT_EQ(all.size(), 60U);
  // Once a lease expires, the delivery is due again: an instance that died loses nothing.
  EXPECT_EQ(first->claim_due(nov_20_ms + 60'000 + 3'600'001, 1000, 100).size(), 60U);
}

TEST_F(PostgresStore, RefusesAServerThatAcknowledgesBeforeFlushing) {
  std::string error;
  auto store = postgres_event_store::open(
      database_.location() + "&options=-csynchronous_commit%3Doff", error);
  EXPECT_EQ(store, nullptr);
  EXPECT_NE(error.find("synchronous_commit=off"), std::string::npos) << error;
}

TEST_F(PostgresStore, WhileTheDatabaseIsUnreachableBatchesFailThenTheStoreReconnects) {
  auto store = open_instance();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store_and_wait(*store, {make_survey("before")}).ok);
  // What an outage does: every connection of the store dropped, and no new one accepted.
  database_.exec_as_admin("ALTER DATABASE $db ALLOW_CONNECTIONS false");
  database_.exec_as_admin(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db'");
  const store_result lost = store_and_wait(*store, {make_survey("during")});
  EXPECT_FALSE(lost.ok);  // nothing acknowledged: the API answers 503
  EXPECT_FALSE(store->ready());
  database_.exec_as_admin("ALTER DATABASE $db ALLOW_CONNECTIONS true");
  bool recovered = false;
  for (int attempt = 0; attempt < 100 && !recovered; ++attempt) {
    recovered = store_and_wait(*store, {make_survey("after")}).ok;
    if (!recovered) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  EXPECT_TRUE(recovered);
  EXPECT_TRUE(store->ready());
  EXPECT_EQ(store->count_events(), 2);  // "during" was never stored
  EXPECT_FALSE(store->find(event_kind::survey, "api", "during"));
}

TEST_F(PostgresStore, AConnectionDroppedWhileIdleIsReplacedWithoutFailingTheNextBatch) {
  auto store = open_instance();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store_and_wait(*store, {make_survey("before")}).ok);
  // A server restart: the store's connections are gone, the server accepts new ones.
  database_.exec_as_admin(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db'");
  const store_result next = store_and_wait(*store, {make_survey("next")});
  EXPECT_TRUE(next.ok) << next.error;
  EXPECT_EQ(store->count_events(), 2);
  EXPECT_TRUE(store->ready());
}

}  // namespace
}  // namespace sentinelle
