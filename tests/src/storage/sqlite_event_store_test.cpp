// What only the SQLite store has: its file, its pragmas (the shared contract: event_store_test).
#include "storage/sqlite_event_store.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "storage/sqlite_connection.hpp"
#include "storage_test_support.hpp"

namespace sentinelle {
namespace {

using namespace storage_test;

TEST(SqliteEventStore, OpensAndCreatesTheParentDirectory) {
  temp_dir dir;
  const std::string path = dir.file("nested/deeper/events.db");
  std::string error;
  auto store = sqlite_event_store::open(path, error);
  ASSERT_NE(store, nullptr) << error;
  EXPECT_TRUE(fs::exists(path));
  EXPECT_TRUE(store->ready());
  EXPECT_EQ(store->count_events(), 0);
}

TEST(SqliteEventStore, EveryConnectionIsWalWithFullSyncReadBack) {
  temp_dir dir;
  std::string error;
  auto connection = sqlite_connection::open(dir.file("events.db"), error);
  ASSERT_NE(connection, nullptr) << error;
  EXPECT_EQ(connection->query_text("PRAGMA journal_mode", error), "wal");
  EXPECT_EQ(connection->query_text("PRAGMA synchronous", error), "2");  // FULL
  EXPECT_EQ(connection->query_text("PRAGMA foreign_keys", error), "1");
  EXPECT_EQ(connection->query_text("PRAGMA busy_timeout", error), "5000");
  EXPECT_EQ(connection->query_text("PRAGMA temp_store", error), "2");  // MEMORY: no temp files

  auto store = sqlite_event_store::open(dir.file("events.db"), error);
  ASSERT_NE(store, nullptr) << error;
  raw_db raw(dir.file("events.db"));
  EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");  // WAL is a property of the file too
}

// Two processes on one file would fold each other's pending rollup counts (storage/README.md):
// the second open is refused while the first store lives, in this process or another.
TEST(SqliteEventStore, OneStoreAtATimeOpensAFile) {
  temp_dir dir;
  const std::string path = dir.file("events.db");
  std::string error;
  auto first = sqlite_event_store::open(path, error);
  ASSERT_NE(first, nullptr) << error;
  EXPECT_EQ(sqlite_event_store::open(path, error), nullptr);
  EXPECT_NE(error.find("another sentinelle has this database open"), std::string::npos) << error;
  first.reset();
  auto second = sqlite_event_store::open(path, error);
  EXPECT_NE(second, nullptr) << error;
}

TEST(SqliteEventStore, SaysWhyItCannotTakeTheLock) {
  temp_dir dir;
  fs::create_directories(dir.file("events.db-lock"));
  std::string error;
  EXPECT_EQ(sqlite_event_store::open(dir.file("events.db"), error), nullptr);
  EXPECT_NE(error.find("cannot open " + dir.file("events.db-lock") + ": Is a directory"),
            std::string::npos)
      << error;
  EXPECT_FALSE(fs::exists(dir.file("events.db"))) << "the lock comes before the database";
}

TEST(SqliteEventStore, RefusesADatabaseThatCannotUseWal) {
  std::string error;
  EXPECT_EQ(sqlite_event_store::open(":memory:", error), nullptr);
  EXPECT_NE(error.find("journal_mode=WAL gave 'memory'"), std::string::npos) << error;
}

TEST(SqliteEventStore, ReportsAPathThatCannotBeCreated) {
  temp_dir dir;
  std::ofstream(dir.file("a-file")) << "x";
  std::string error;
  EXPECT_EQ(sqlite_event_store::open(dir.file("a-file/events.db"), error), nullptr);
  EXPECT_NE(error.find("cannot create directory"), std::string::npos) << error;
  EXPECT_EQ(sqlite_event_store::open("", error), nullptr);
  EXPECT_EQ(error, "storage path is empty");
}

}  // namespace
}  // namespace sentinelle
