// A batch is all-or-nothing even inside a group transaction, and nothing is acknowledged unless
// its transaction committed.
#include <gtest/gtest.h>

#include <future>
#include <mutex>

#include "storage/sqlite_event_store.hpp"
#include "storage_test_support.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

struct group_fixture {
  temp_dir dir;
  std::string path = dir.file("events.db");
  std::unique_ptr<sqlite_event_store> store;

  group_fixture() {
    std::string error;
    store = sqlite_event_store::open(path, error);
    EXPECT_NE(store, nullptr) << error;
  }
};

// Stores two batches while the writer is held, so both land in one group; returns their results.
std::pair<store_result, store_result> store_in_one_group(sqlite_event_store& store,
                                                         std::vector<event> first,
                                                         std::vector<event> second) {
  std::promise<store_result> first_done;
  std::promise<store_result> second_done;
  std::int64_t transactions = 0;
  {
    writer_gate gate(store);
    transactions = store.committed_transactions();
    store.store(std::move(first), [&](store_result r) { first_done.set_value(std::move(r)); });
    store.store(std::move(second), [&](store_result r) { second_done.set_value(std::move(r)); });
  }
  store.flush();
  EXPECT_LE(store.committed_transactions() - transactions, 1) << "the two batches were not grouped";
  return {first_done.get_future().get(), second_done.get_future().get()};
}

// Test-only failure: a trigger aborts the insert of the event whose id is "poison".
void poison_the_id_poison(const std::string& path) {
  raw_db(path).exec(
      "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.id = 'poison' "
      "BEGIN SELECT RAISE(ABORT, 'poisoned for the test'); END");
}

TEST(BatchAtomicity, AFailingBatchRollsBackAloneWhileItsGroupCommits) {
  group_fixture fixture;
  ASSERT_NE(fixture.store, nullptr);
  poison_the_id_poison(fixture.path);

  event good = make_survey("good-1");
  good.nps = 0;  // would show in the detractors if it leaked
  const auto [failed, committed] =
      store_in_one_group(*fixture.store, {good, make_survey("poison")}, {make_survey("good-2")});

  EXPECT_FALSE(failed.ok);
  EXPECT_NE(failed.error.find("cannot store event 'poison': poisoned for the test"),
            std::string::npos)
      << failed.error;
  EXPECT_TRUE(failed.outcomes.empty());
  ASSERT_TRUE(committed.ok) << committed.error;
  EXPECT_EQ(committed.outcomes, std::vector<store_outcome>{store_outcome::stored});

  EXPECT_FALSE(fixture.store->find(event_kind::survey, "api", "good-1").has_value());
  EXPECT_TRUE(fixture.store->find(event_kind::survey, "api", "good-2").has_value());
  EXPECT_EQ(fixture.store->count_events(), 2);  // the gate and good-2
  const score_answer scores = fixture.store->scores({nov_20_ms, nov_20_ms + day_ms, {}, {}, {}});
  EXPECT_EQ(scores.total.nps_promoters, 1);
  EXPECT_EQ(scores.total.nps_detractors, 0);
}

// The group is first written without savepoints and, when a batch fails, written again with
// each batch isolated: the alert of the good batch must be raised and published once, with the
// seq its acknowledgement names.
TEST(BatchAtomicity, AFailingLaterBatchLeavesTheEarlierAlertRaisedOnce) {
  group_fixture fixture;
  ASSERT_NE(fixture.store, nullptr);
  poison_the_id_poison(fixture.path);
  std::mutex published_mutex;
  std::vector<std::int64_t> published;
  fixture.store->on_commit([&](const commit_notice& notice) {
    const std::lock_guard lock(published_mutex);
    for (const stream_record& record : notice.records) {
      published.push_back(record.seq);
    }
  });
  event detractor = make_survey("detractor");
  detractor.nps = 2;
  detractor.alert_severity = severity::high;
  event poisoned_detractor = detractor;
  poisoned_detractor.id = "poisoned-detractor";
  const auto [committed, failed] =
      store_in_one_group(*fixture.store, {detractor}, {poisoned_detractor, make_survey("poison")});

  ASSERT_TRUE(committed.ok) << committed.error;
  ASSERT_EQ(committed.alerts.size(), 1U);
  ASSERT_TRUE(committed.alerts[0].has_value());
  EXPECT_FALSE(failed.ok);
  EXPECT_EQ(raw_db(fixture.path).text("SELECT COUNT(*) FROM alerts"), "1");
  EXPECT_EQ(raw_db(fixture.path).text("SELECT seq FROM alerts"),
            std::to_string(committed.alerts[0]->seq));
  EXPECT_FALSE(fixture.store->find(event_kind::survey, "api", "poisoned-detractor").has_value());
  const std::lock_guard lock(published_mutex);
  EXPECT_EQ(published, std::vector<std::int64_t>{committed.alerts[0]->seq});
}

TEST(BatchAtomicity, ACheckConstraintFailsOnlyItsBatch) {
  group_fixture fixture;
  ASSERT_NE(fixture.store, nullptr);
  event out_of_range = make_survey("bad-nps");
  out_of_range.nps = 11;
  const store_result result = store_and_wait(*fixture.store, {make_survey("fine"), out_of_range});
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("CHECK constraint failed"), std::string::npos) << result.error;
  EXPECT_EQ(fixture.store->count_events(), 0);
  EXPECT_TRUE(store_and_wait(*fixture.store, {make_survey("fine")}).ok);
}

TEST(BatchAtomicity, AFailedCommitFailsEveryBatchOfTheGroup) {
  group_fixture fixture;
  ASSERT_NE(fixture.store, nullptr);
  // Test-only failure at COMMIT: a deferred foreign key is only checked there.
  raw_db(fixture.path)
      .exec(
          "CREATE TABLE poison_parent (id INTEGER PRIMARY KEY);"
          "CREATE TABLE poison_child (parent INTEGER "
          "  REFERENCES poison_parent (id) DEFERRABLE INITIALLY DEFERRED);"
          "CREATE TRIGGER poison AFTER INSERT ON events WHEN NEW.id = 'poison-commit' "
          "BEGIN INSERT INTO poison_child VALUES (42); END");

  const auto [first, second] =
      store_in_one_group(*fixture.store, {make_survey("poison-commit")}, {make_survey("innocent")});

  for (const store_result& result : {first, second}) {
    EXPECT_FALSE(result.ok);
    EXPECT_NE(result.error.find("commit failed: FOREIGN KEY constraint failed"), std::string::npos)
        << result.error;
  }
  EXPECT_EQ(fixture.store->count_events(), 1);  // only the gate
  EXPECT_FALSE(fixture.store->find(event_kind::survey, "api", "innocent").has_value());
  const score_answer scores = fixture.store->scores({nov_20_ms, nov_20_ms + day_ms, {}, {}, {}});
  EXPECT_EQ(scores.total.nps_promoters, 0);  // no rollup of the group either

  // The writer recovers: the next group commits.
  EXPECT_TRUE(store_and_wait(*fixture.store, {make_survey("innocent")}).ok);
  EXPECT_EQ(fixture.store->count_events(), 2);
}

}  // namespace
}  // namespace sentinelle
