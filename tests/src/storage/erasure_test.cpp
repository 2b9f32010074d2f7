// Erasure and retention on a real SQLite file: the matching events, their alerts and
// deliveries go, the scores stop counting them, and the text leaves the file.
#include <cstdio>
#include <future>
#include <string>
#include <vector>

#include "storage/event_eraser.hpp"
#include "storage/score_queries.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage_test_support.hpp"
#include "test_database.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;


// The file's bytes (stdio: GCC 12 warns falsely inside istreambuf_iterator at -O3).
std::string file_bytes(const std::string& path) {
  std::string bytes;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return bytes;
  }
  char buffer[65536];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    bytes.append(buffer, read);
  }
  std::fclose(file);
  return bytes;
}

erasure_result erase_and_wait(event_store& store, erasure_request request) {
  std::promise<erasure_result> done;
  auto result = done.get_future();
  store.erase(std::move(request), [&](erasure_result r) { done.set_value(r); });
  return result.get();
}

event customer_event(const std::string& id, const std::string& customer, bool detractor) {
  event e = make_survey(id);
  e.customer_id = customer;
  e.nps = detractor ? 1 : 10;
  e.verbatim = detractor ? "Zorglub-secret: je vais résilier" : "parfait";
  e.sentiment_score = detractor ? -0.5 : 0.5;
  e.negative_verbatim = detractor;
  e.detractor = detractor;
  if (detractor) {
    e.reasons = {"score_detractor"};
    e.alert_severity = severity::high;
  }
  return e;
}

class Erasure : public store_test {
 protected:
  void SetUp() override {
    store_test::SetUp();
    store_options options;
    options.outbound = {{"crm", severity::low}};
    store_ = open_store(options);
    ASSERT_NE(store_, nullptr);
  }

  score_totals totals() {
    return store_->scores({nov_20_ms - 30 * day_ms, nov_20_ms + day_ms, {}, {}, {}}).total;
  }

  void expect_rollups_match_events() {
    const score_query all{nov_20_ms - 30 * day_ms, nov_20_ms + day_ms, dimension::agent_id, {}, {}};
    const score_answer fast = database().scores_via(all, true);
    const score_answer slow = database().scores_via(all, false);
    ASSERT_TRUE(fast.ok && slow.ok);
    EXPECT_EQ(fast.total.nps_detractors, slow.total.nps_detractors);
    EXPECT_EQ(fast.total.nps_promoters, slow.total.nps_promoters);
    EXPECT_EQ(fast.total.verbatims, slow.total.verbatims);
    EXPECT_EQ(fast.total.alerts_total, slow.total.alerts_total);
    EXPECT_EQ(fast.total.alerts_open, slow.total.alerts_open);
  }

  std::unique_ptr<durable_store> store_;
};

SENTINELLE_BOTH_STORES(Erasure);


TEST_P(Erasure, ACustomersEventsAlertsAndDeliveriesGoAndTheScoresForgetThem) {
  const store_result stored = store_and_wait(
      *store_, {customer_event("c1-a", "c-1", true), customer_event("c1-b", "c-1", false),
                customer_event("c2-a", "c-2", true)});
  ASSERT_TRUE(stored.ok);
  ASSERT_EQ(store_->pending_deliveries(), 2);
  EXPECT_EQ(totals().nps_detractors, 2);
  const erasure_result erased =
      erase_and_wait(*store_, {erasure_request::match::customer_id, "c-1", 0, 0});
  ASSERT_TRUE(erased.ok) << erased.error;
  EXPECT_EQ(erased.events, 2);
  EXPECT_EQ(erased.alerts, 1);
  EXPECT_FALSE(store_->find(event_kind::survey, "api", "c1-a"));
  EXPECT_FALSE(store_->find(event_kind::survey, "api", "c1-b"));
  EXPECT_TRUE(store_->find(event_kind::survey, "api", "c2-a"));
  EXPECT_FALSE(store_->find_alert(stored.alerts[0]->seq));
  EXPECT_EQ(store_->pending_deliveries(), 1);
  const score_totals now = totals();
  EXPECT_EQ(now.nps_detractors, 1);
  EXPECT_EQ(now.nps_promoters, 0);
  EXPECT_EQ(now.alerts_total, 1);
  EXPECT_EQ(now.alerts_open, 1);
  expect_rollups_match_events();
  // Again: nothing left to erase, still a success.
  EXPECT_EQ(erase_and_wait(*store_, {erasure_request::match::customer_id, "c-1", 0, 0}).events, 0);
}

TEST_P(Erasure, ErasedTextLeavesTheFile) {
  ASSERT_TRUE(store_and_wait(*store_, {customer_event("s-1", "c-9", true)}).ok);
  ASSERT_TRUE(erase_and_wait(*store_, {erasure_request::match::customer_id, "c-9", 0, 0}).ok);
  if (GetParam() == backend::postgres) {
    GTEST_SKIP() << "PostgreSQL frees a deleted row's bytes at VACUUM (storage/postgres/README.md)";
  }
  store_.reset();  // closing checkpoints the WAL into the database file
  for (const std::string& file : {database().location(), database().location() + "-wal"}) {
    EXPECT_EQ(file_bytes(file).find("Zorglub-secret"), std::string::npos) << file;
  }
}

TEST_P(Erasure, AnAuthorsMessagesGo) {
  event comment = customer_event("m-1", "", true);
  comment.kind = event_kind::message;
  comment.author_id = "fb-user-7";
  ASSERT_TRUE(store_and_wait(*store_, {comment, customer_event("m-2", "", false)}).ok);
  const erasure_result erased =
      erase_and_wait(*store_, {erasure_request::match::author_id, "fb-user-7", 0, 0});
  ASSERT_TRUE(erased.ok);
  EXPECT_EQ(erased.events, 1);
  EXPECT_FALSE(store_->find(event_kind::message, "api", "m-1"));
  EXPECT_TRUE(store_->find(event_kind::survey, "api", "m-2"));
  expect_rollups_match_events();
}

TEST_P(Erasure, RetentionPurgesOlderEventsInSlices) {
  std::vector<event> batch;
  for (int n = 0; n < 25; ++n) {
    batch.push_back(customer_event("old-" + std::to_string(n), "c-old", n % 2 == 0));
    batch.back().occurred_at_ms = nov_20_ms - 20 * day_ms + n * hour_ms;
  }
  batch.push_back(customer_event("recent", "c-new", true));
  ASSERT_TRUE(store_and_wait(*store_, batch).ok);
  const std::int64_t cutoff = nov_20_ms - 10 * day_ms;  // the injected clock's "now − retention"
  std::int64_t purged = 0;
  for (;;) {
    const erasure_result slice =
        erase_and_wait(*store_, {erasure_request::match::occurred_before, "", cutoff, 10});
    ASSERT_TRUE(slice.ok);
    EXPECT_LE(slice.events, 10);
    purged += slice.events;
    if (slice.events < 10) {
      break;
    }
  }
  EXPECT_EQ(purged, 25);
  EXPECT_EQ(store_->count_events(), 1);
  EXPECT_EQ(totals().nps_detractors, 1);
  expect_rollups_match_events();
}

// SQLite scans the store for a customer's events one slice per writer task, ingestion going on
// between slices (storage/README.md, "Erasure and retention"): slices of two events find what
// one scan finds, and an event stored while the scan runs goes with the others or, stored
// after the erasure's transaction, stays.
TEST(SqliteErasure, ASlicedScanFindsEveryEventOfTheCustomer) {
  temp_dir dir;
  std::string error;
  store_options options;
  options.erasure_scan_slice = 2;
  auto store = sqlite_event_store::open(dir.file("events.db"), error, options);
  ASSERT_NE(store, nullptr) << error;
  std::vector<event> batch;
  for (int n = 0; n < 9; ++n) {
    batch.push_back(customer_event("e-" + std::to_string(n), n % 2 == 0 ? "c-1" : "c-2", true));
  }
  ASSERT_TRUE(store_and_wait(*store, batch).ok);
  std::promise<erasure_result> done;
  auto erased = done.get_future();
  store->erase({erasure_request::match::customer_id, "c-1", 0, 0},
               [&](erasure_result result) { done.set_value(result); });
  ASSERT_TRUE(store_and_wait(*store, {customer_event("meanwhile", "c-1", true)}).ok);
  const erasure_result result = erased.get();
  ASSERT_TRUE(result.ok) << result.error;
  const bool meanwhile_kept = store->find(event_kind::survey, "api", "meanwhile").has_value();
  EXPECT_EQ(result.events, meanwhile_kept ? 5 : 6);
  EXPECT_EQ(result.alerts, result.events);
  for (int n = 0; n < 9; ++n) {
    EXPECT_EQ(store->find(event_kind::survey, "api", "e-" + std::to_string(n)).has_value(),
              n % 2 == 1)
        << n;
  }
}

// A connection of its own to a file holding `events`, written by a store now closed.
std::unique_ptr<sqlite_connection> connection_to_file_of(const std::string& path,
                                                         std::vector<event> events) {
  std::string error;
  {
    auto store = sqlite_event_store::open(path, error);
    if (store == nullptr || !store_and_wait(*store, std::move(events)).ok) {
      ADD_FAILURE() << "cannot store the events: " << error;
      return nullptr;
    }
  }
  auto db = sqlite_connection::open(path, error);
  EXPECT_NE(db, nullptr) << error;
  return db;
}

// SQLite would give the seq of a deleted newest event to the next one; the writer gives seqs
// itself, so they only grow while the store is open and a scan that went past a seq never sees
// a new event arrive below it.
TEST(SqliteErasure, AnErasedNewestEventsSeqIsNotGivenAgain) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    ASSERT_TRUE(store_and_wait(*store, {customer_event("first", "c-1", false),
                                        customer_event("newest", "c-2", false)})
                    .ok);
    ASSERT_TRUE(erase_and_wait(*store, {erasure_request::match::customer_id, "c-2", 0, 0}).ok);
    ASSERT_TRUE(store_and_wait(*store, {customer_event("next", "c-1", false)}).ok);
  }
  raw_db check(path);
  EXPECT_EQ(check.rows("SELECT seq, id FROM events ORDER BY seq"),
            (std::vector<std::string>{"1|first", "3|next"}));
}

// A console resumes the stream from the last seq it saw (Last-Event-ID): a seq must never come
// back for something else, even once the newest alert was erased and the store reopened.
TEST(SqliteErasure, AStreamSeqIsNotGivenAgainAfterTheNewestAlertWasErased) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  std::int64_t erased_seq = 0;
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    const store_result stored = store_and_wait(
        *store, {customer_event("kept", "c-1", true), customer_event("newest", "c-2", true)});
    ASSERT_TRUE(stored.ok && stored.alerts[1]);
    erased_seq = stored.alerts[1]->seq;
    ASSERT_TRUE(erase_and_wait(*store, {erasure_request::match::customer_id, "c-2", 0, 0}).ok);
    ASSERT_FALSE(store->find_alert(erased_seq));
  }
  auto reopened = sqlite_event_store::open(path, error);
  ASSERT_NE(reopened, nullptr) << error;
  const store_result next = store_and_wait(*reopened, {customer_event("next", "c-3", true)});
  ASSERT_TRUE(next.ok && next.alerts[0]);
  EXPECT_GT(next.alerts[0]->seq, erased_seq);
  std::vector<stream_record> after;
  ASSERT_TRUE(reopened->replay(erased_seq, 10, after));
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0].seq, next.alerts[0]->seq);
}

// Each slice reads the events after the previous one, `slice` of them, and says when it
// reached the last event stored: the writer goes back to ingestion in between.
TEST(SqliteErasure, EachSliceOfTheScanReadsItsShareOfTheEvents) {
  std::vector<event> batch;
  for (int n = 0; n < 5; ++n) {
    batch.push_back(customer_event("e-" + std::to_string(n), n < 3 ? "c-1" : "c-2", false));
  }
  temp_dir dir;
  const auto db = connection_to_file_of(dir.file("events.db"), batch);
  ASSERT_NE(db, nullptr);
  std::string error;
  event_eraser eraser(*db);
  const erasure_request request{erasure_request::match::customer_id, "c-1", 0, 0};
  erasure_prescan prescan;
  std::vector<bool> finished_after;
  for (bool finished = false; !finished;) {
    ASSERT_TRUE(eraser.scan_slice(request, 2, 5, prescan, finished, error)) << error;
    finished_after.push_back(finished);
    ASSERT_LE(finished_after.size(), 5U);
  }
  EXPECT_EQ(finished_after, (std::vector<bool>{false, false, true}));
  EXPECT_EQ(prescan.seqs, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(prescan.through, 6);
}

// The erasure's own transaction trusts the prescan up to where it went, checks that each event
// it found is still the customer's (a deleted last event's seq is given anew), and scans the
// events stored after it.
TEST(SqliteErasure, TheErasureTakesThePrescanAndTheEventsStoredAfterIt) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  const auto db = connection_to_file_of(
      path, {customer_event("s1", "c-1", false), customer_event("s2", "c-2", false),
             customer_event("s3", "c-1", false), customer_event("s4", "c-1", false),
             customer_event("s5", "c-2", false)});
  ASSERT_NE(db, nullptr);
  std::string error;
  ASSERT_TRUE(db->exec("BEGIN", error)) << error;
  erasure_prescan prescan;
  prescan.seqs = {1, 2, 3};  // 2 is c-2's: as if c-1's was erased and, after a restart, its
                             // seq given anew
  prescan.through = 3;       // event 4 came after the scan
  rollup_changes rollups;
  const erasure_result result =
      event_eraser(*db).erase({erasure_request::match::customer_id, "c-1", 0, 0}, rollups, prescan);
  ASSERT_TRUE(result.ok) << result.error;
  ASSERT_TRUE(db->exec("COMMIT", error)) << error;
  EXPECT_EQ(result.events, 3);
  raw_db check(path);
  EXPECT_EQ(check.rows("SELECT id FROM events ORDER BY seq"),
            (std::vector<std::string>{"s2", "s5"}));
}

}  // namespace
}  // namespace sentinelle
