// Erasure and retention on a real SQLite file: the matching events, their alerts and
// deliveries go, the scores stop counting them, and the text leaves the file.
#include <cstdio>
#include <future>

#include "storage/score_queries.hpp"
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

}  // namespace
}  // namespace sentinelle
