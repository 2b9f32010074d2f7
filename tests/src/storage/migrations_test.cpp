#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "storage/score_queries.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage_test_support.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

std::vector<std::string> expected_records() {
  std::vector<std::string> records;
  for (const migration& step : embedded_migrations()) {
    records.push_back(std::to_string(step.version) + "|" + std::string(step.name));
  }
  return records;
}

// What each migration from 0003 on added, undone: rewind() takes a database back to an older
// schema with its data kept, as a file written by an older binary would be.
const std::map<int, std::string> undo_migration = {
    {3, "DROP TABLE score_rollups_daily;"},
    {4,
     "DROP TABLE alerts; DROP TABLE alert_log; DROP TABLE outbox; DROP TABLE dead_letters; "
     "DROP TABLE disabled_sinks;"},
    {5,
     "ALTER TABLE score_rollups DROP COLUMN alerts_total; "
     "ALTER TABLE score_rollups DROP COLUMN alerts_open; "
     "ALTER TABLE score_rollups_daily DROP COLUMN alerts_total; "
     "ALTER TABLE score_rollups_daily DROP COLUMN alerts_open;"},
    {6, "DROP INDEX events_by_author;"},
    {7,
     "CREATE INDEX alert_log_by_alert ON alert_log (alert_seq); "
     "DROP INDEX alerts_by_status; CREATE INDEX alerts_by_status ON alerts (status, seq); "
     "CREATE INDEX alerts_by_team ON alerts (team_id, seq); "
     "CREATE INDEX alerts_by_agent ON alerts (agent_id, seq);"},
    {8, "CREATE INDEX events_by_time ON events (occurred_at_ms); DROP INDEX events_for_scores;"},
    {9,
     "CREATE TABLE alerts_old (seq INTEGER PRIMARY KEY, "
     "event_seq INTEGER NOT NULL UNIQUE REFERENCES events (seq) ON DELETE CASCADE, "
     "created_at_ms INTEGER NOT NULL, severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3), "
     "status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')), "
     "team_id TEXT NOT NULL, agent_id TEXT NOT NULL, acknowledged_by TEXT NOT NULL DEFAULT '', "
     "acknowledged_at_ms INTEGER, resolved_by TEXT NOT NULL DEFAULT '', resolved_at_ms INTEGER, "
     "note TEXT NOT NULL DEFAULT ''); "
     "INSERT INTO alerts_old SELECT * FROM alerts; DROP TABLE alerts; "
     "ALTER TABLE alerts_old RENAME TO alerts; "
     "CREATE INDEX alerts_by_status ON alerts (status, seq, severity, team_id, agent_id);"},
    {10, "DROP TABLE rollup_watermark;"},
    {11,
     "DROP INDEX events_people; CREATE INDEX events_by_customer ON events (customer_id); "
     "CREATE INDEX events_by_author ON events (author_id) WHERE author_id <> '';"},
    {12,
     "CREATE TABLE alert_log_old (seq INTEGER PRIMARY KEY AUTOINCREMENT, alert_seq INTEGER, "
     "kind TEXT NOT NULL CHECK (kind IN ('alert', 'alert_update')), at_ms INTEGER NOT NULL); "
     "INSERT INTO alert_log_old SELECT * FROM alert_log; DROP TABLE alert_log; "
     "ALTER TABLE alert_log_old RENAME TO alert_log;"},
};

void rewind(const std::string& path, int version) {
  for (auto step = undo_migration.rbegin(); step != undo_migration.rend(); ++step) {
    if (step->first > version) {
      raw_db(path).exec(step->second);
    }
  }
  raw_db(path).exec("DELETE FROM schema_migrations WHERE version > " + std::to_string(version));
}

TEST(Migrations, EveryMigrationCanBeUndoneByTheUpgradeTests) {
  EXPECT_EQ(undo_migration.rbegin()->first, static_cast<int>(embedded_migrations().size()));
}

// An IN list of three or more values in a CHECK makes SQLite fill a temporary b-tree at every
// write of the row (migration 0009): raising an alert must not, nor may a status it rejects
// get in.
TEST(Migrations, TheAlertStatusCheckBuildsNoTemporaryTable) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    event detractor = make_survey("detractor");
    detractor.nps = 2;
    detractor.alert_severity = severity::high;
    ASSERT_TRUE(store_and_wait(*store, {detractor}).ok);
  }
  raw_db db(path);
  for (const std::string write :
       {"INSERT INTO alerts (seq, event_seq, created_at_ms, severity, status, team_id, agent_id) "
        "VALUES (2, 1, 0, 1, 'open', '', '')",
        "UPDATE alerts SET status = 'resolved' WHERE seq = 1"}) {
    for (const std::string& step : db.rows("EXPLAIN " + write)) {
      EXPECT_EQ(step.find("OpenEphemeral"), std::string::npos) << write << ": " << step;
    }
  }
  EXPECT_EQ(db.code("UPDATE alerts SET status = 'lost'"), SQLITE_CONSTRAINT_CHECK);
  EXPECT_EQ(db.code("UPDATE alerts SET status = 'acknowledged'"), SQLITE_OK);
  EXPECT_EQ(db.text("SELECT status FROM alerts"), "acknowledged");
}

// An index led by an id that arrives out of order puts each new event on a page of its own,
// and a commit rewrites every page it touches (migration 0011): customers and authors are
// found for erasure by a scan of a narrow index in arrival order instead.
TEST(Migrations, NoEventIndexIsLedByACustomerOrAnAuthor) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  ASSERT_NE(sqlite_event_store::open(path, error), nullptr) << error;
  raw_db db(path);
  const std::vector<std::string> leading = db.rows(
      "SELECT l.name, i.name FROM pragma_index_list('events') l, pragma_index_info(l.name) i "
      "WHERE i.seqno = 0 ORDER BY l.name");
  ASSERT_FALSE(leading.empty());
  for (const std::string& index : leading) {
    EXPECT_EQ(index.find("|customer_id"), std::string::npos) << index;
    EXPECT_EQ(index.find("|author_id"), std::string::npos) << index;
  }
  EXPECT_EQ(db.rows("SELECT name FROM pragma_index_info('events_people') ORDER BY seqno"),
            (std::vector<std::string>{"seq", "customer_id", "author_id"}));
}

TEST(Migrations, AreEmbeddedInOrderWithoutGaps) {
  const auto all = embedded_migrations();
  ASSERT_GE(all.size(), 2U);
  for (std::size_t index = 0; index < all.size(); ++index) {
    EXPECT_EQ(all[index].version, static_cast<int>(index) + 1);
    EXPECT_FALSE(all[index].sql.empty());
  }
  EXPECT_EQ(all[0].name, "0001_events");
  EXPECT_NE(all[0].sql.find("CREATE TABLE events"), std::string_view::npos);
}

TEST(Migrations, AreRecordedAndNotReappliedOnReopen) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    ASSERT_TRUE(store_and_wait(*store, {make_survey("kept")}).ok);
  }
  const std::string first_record = raw_db(path).text(
      "SELECT group_concat(version || ':' || applied_at_ms) FROM schema_migrations");
  EXPECT_EQ(raw_db(path).rows("SELECT version, name FROM schema_migrations ORDER BY version"),
            expected_records());

  auto reopened = sqlite_event_store::open(path, error);
  ASSERT_NE(reopened, nullptr) << error;
  EXPECT_EQ(reopened->count_events(), 1);
  EXPECT_TRUE(reopened->find(event_kind::survey, "api", "kept").has_value());
  raw_db raw(path);
  EXPECT_EQ(raw.rows("SELECT version, name FROM schema_migrations ORDER BY version"),
            expected_records());
  EXPECT_EQ(raw.text("SELECT group_concat(version || ':' || applied_at_ms) "
                     "FROM schema_migrations"),
            first_record);  // the same records, not new ones
}

TEST(Migrations, ApplyOnlyWhatIsMissingInOrder) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  auto connection = sqlite_connection::open(path, error);
  ASSERT_NE(connection, nullptr) << error;
  ASSERT_TRUE(apply_migrations(*connection, embedded_migrations().first(1), error)) << error;
  EXPECT_EQ(raw_db(path).rows("SELECT version FROM schema_migrations"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(raw_db(path).text("SELECT count(*) FROM sqlite_schema WHERE name = 'score_rollups'"),
            "0");

  ASSERT_TRUE(apply_migrations(*connection, embedded_migrations(), error)) << error;
  EXPECT_EQ(raw_db(path).rows("SELECT version, name FROM schema_migrations ORDER BY version"),
            expected_records());
  EXPECT_EQ(raw_db(path).text("SELECT count(*) FROM sqlite_schema WHERE name = 'score_rollups'"),
            "1");
}

TEST(Migrations, AFailingMigrationLeavesNothingBehind) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  auto connection = sqlite_connection::open(path, error);
  ASSERT_NE(connection, nullptr) << error;
  const migration broken[] = {{1, "0001_good", "CREATE TABLE good (x INTEGER)"},
                              {2, "0002_bad", "CREATE TABLE oops (x INTEGER); NOT SQL"}};
  EXPECT_FALSE(apply_migrations(*connection, broken, error));
  EXPECT_NE(error.find("migration 0002_bad failed"), std::string::npos) << error;
  EXPECT_EQ(raw_db(path).text("SELECT count(*) FROM sqlite_schema WHERE name IN "
                              "('good', 'oops', 'schema_migrations')"),
            "0");
}

TEST(Migrations, ANewerSchemaIsRefused) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  ASSERT_NE(sqlite_event_store::open(path, error), nullptr) << error;
  const auto newer = std::to_string(embedded_migrations().size() + 1);
  raw_db(path).exec("INSERT INTO schema_migrations VALUES (" + newer + ", 'future', 0)");

  EXPECT_EQ(sqlite_event_store::open(path, error), nullptr);
  EXPECT_NE(error.find("database schema version " + newer + " is newer than this binary knows"),
            std::string::npos)
      << error;
}

// An upgraded database answers scores from daily rows it had no writer for: 0003 must fill them
// from the hourly rows, exactly as the writer would have.
TEST(Migrations, UpgradingFromVersionTwoBackfillsTheDailyRollups) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  std::vector<event> batch{make_survey("before-1970", -hour_ms - 1)};  // floor, not truncation
  for (int n = 0; n < 2000; ++n) {
    batch.push_back(varied_event(n, "v-" + std::to_string(n)));
  }
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    ASSERT_TRUE(store_and_wait(*store, std::move(batch)).ok);
  }
  // The alert counters are not compared: going back to version 2 drops the alerts themselves.
  const std::string daily_rows =
      "SELECT day, dimension, value, nps_promoters, nps_passives, nps_detractors, csat_responses, "
      "csat_satisfied, csat_sum, ces_responses, ces_easy, ces_sum, verbatims, negative_verbatims, "
      "sentiment_sum FROM score_rollups_daily ORDER BY dimension, day, value";
  const std::vector<std::string> maintained = raw_db(path).rows(daily_rows);
  ASSERT_FALSE(maintained.empty());
  rewind(path, 2);
  ASSERT_EQ(raw_db(path).text("SELECT MAX(version) FROM schema_migrations"), "2");

  auto upgraded = sqlite_event_store::open(path, error);
  ASSERT_NE(upgraded, nullptr) << error;
  EXPECT_EQ(raw_db(path).rows(daily_rows), maintained);
  const score_query by_agent{nov_20_ms - 3 * day_ms + 5 * hour_ms,
                             nov_20_ms + 6 * day_ms + 7,
                             dimension::agent_id,
                             {},
                             {}};
  const score_answer fast = upgraded->scores(by_agent);
  auto db = sqlite_connection::open(path, error);
  ASSERT_NE(db, nullptr) << error;
  const score_answer slow = scores_from_events(*db, by_agent);
  ASSERT_TRUE(fast.ok && slow.ok) << fast.error << slow.error;
  ASSERT_EQ(fast.groups.size(), slow.groups.size());
  ASSERT_FALSE(fast.groups.empty());
  for (std::size_t index = 0; index < fast.groups.size(); ++index) {
    EXPECT_EQ(fast.groups[index].key, slow.groups[index].key);
    EXPECT_EQ(fast.groups[index].nps_promoters, slow.groups[index].nps_promoters);
    EXPECT_EQ(fast.groups[index].csat_sum, slow.groups[index].csat_sum);
    EXPECT_EQ(fast.groups[index].sentiment_sum, slow.groups[index].sentiment_sum);
  }
  EXPECT_EQ(fast.total.nps_detractors, slow.total.nps_detractors);
  EXPECT_EQ(fast.total.verbatims, slow.total.verbatims);
}

// 0012 rebuilds alert_log without AUTOINCREMENT: the stream a console resumes from is kept,
// and the next alert's seq follows the last one.
TEST(Migrations, UpgradingFromVersionElevenKeepsTheAlertStream) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  std::vector<event> batch;
  for (int n = 0; n < 5; ++n) {
    event detractor = make_survey("d-" + std::to_string(n));
    detractor.nps = 2;
    detractor.alert_severity = severity::high;
    batch.push_back(std::move(detractor));
  }
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    const store_result stored = store_and_wait(*store, std::move(batch));
    ASSERT_TRUE(stored.ok);
    change_and_wait(*store, {stored.alerts[4]->seq, alert_action::acknowledge, "s", "", 1});
  }
  const std::string log = "SELECT seq, alert_seq, kind, at_ms FROM alert_log ORDER BY seq";
  const std::vector<std::string> before = raw_db(path).rows(log);
  ASSERT_EQ(before.size(), 6U);
  rewind(path, 11);
  ASSERT_NE(raw_db(path)
                .text("SELECT sql FROM sqlite_schema WHERE name = 'alert_log'")
                .find("AUTOINCREMENT"),
            std::string::npos);

  auto upgraded = sqlite_event_store::open(path, error);
  ASSERT_NE(upgraded, nullptr) << error;
  EXPECT_EQ(raw_db(path).rows(log), before);
  EXPECT_EQ(raw_db(path)
                .text("SELECT sql FROM sqlite_schema WHERE name = 'alert_log'")
                .find("AUTOINCREMENT"),
            std::string::npos);
  EXPECT_EQ(raw_db(path).text("SELECT COUNT(*) FROM sqlite_sequence WHERE name = 'alert_log'"),
            "0");
  event next = make_survey("next");
  next.nps = 1;
  next.alert_severity = severity::high;
  const store_result stored = store_and_wait(*upgraded, {next});
  ASSERT_TRUE(stored.ok && stored.alerts[0]);
  EXPECT_EQ(stored.alerts[0]->seq, 7);
}

// An upgraded database counts the alerts it already had in its score groups: 0005 must fill the
// counters of both rollup tables exactly as the writer would have, open ones apart.
TEST(Migrations, UpgradingFromVersionFourCountsTheAlertsAlreadyRaised) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  std::vector<event> batch{make_survey("before-1970", -hour_ms - 1)};  // floor, not truncation
  batch.front().alert_severity = severity::high;
  for (int n = 0; n < 2000; ++n) {
    batch.push_back(varied_event(n, "v-" + std::to_string(n)));
  }
  {
    auto store = sqlite_event_store::open(path, error);
    ASSERT_NE(store, nullptr) << error;
    const store_result stored = store_and_wait(*store, std::move(batch));
    ASSERT_TRUE(stored.ok);
    for (std::size_t index = 0; index < stored.alerts.size(); index += 8) {
      if (stored.alerts[index]) {
        change_and_wait(*store, {stored.alerts[index]->seq, alert_action::resolve, "s", "", 1});
      }
    }
  }
  const std::string counters[] = {
      "SELECT hour, dimension, value, alerts_total, alerts_open FROM score_rollups "
      "WHERE alerts_total > 0 ORDER BY 1, 2, 3",
      "SELECT day, dimension, value, alerts_total, alerts_open FROM score_rollups_daily "
      "WHERE alerts_total > 0 ORDER BY 1, 2, 3"};
  std::vector<std::string> maintained[2];
  for (int table = 0; table < 2; ++table) {
    maintained[table] = raw_db(path).rows(counters[table]);
    ASSERT_GT(maintained[table].size(), 100U);
  }
  EXPECT_NE(raw_db(path).text("SELECT SUM(alerts_open) FROM score_rollups"),
            raw_db(path).text("SELECT SUM(alerts_total) FROM score_rollups"));
  rewind(path, 4);

  auto upgraded = sqlite_event_store::open(path, error);
  ASSERT_NE(upgraded, nullptr) << error;
  for (int table = 0; table < 2; ++table) {
    EXPECT_EQ(raw_db(path).rows(counters[table]), maintained[table]);
  }
  EXPECT_EQ(raw_db(path).rows("SELECT name FROM sqlite_schema WHERE tbl_name IN "
                              "('alerts', 'alert_log') AND type = 'index' AND sql IS NOT NULL"),
            std::vector<std::string>{"alerts_by_status"});
}

}  // namespace
}  // namespace sentinelle
