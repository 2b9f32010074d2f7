#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "storage/durable_store.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {
class sqlite_connection;
namespace pg {
class connection;
}
}  // namespace sentinelle

namespace sentinelle::storage_test {

// The engines the shared storage tests run against (TEST_P over both).
enum class backend { sqlite, postgres };

std::string backend_label(const ::testing::TestParamInfo<backend>& info);
// How GoogleTest and ctest name the parameter ("GetParam() = postgres").
inline void PrintTo(backend which, std::ostream* out) {
  *out << (which == backend::sqlite ? "sqlite" : "postgres");
}

// The test PostgreSQL server's `postgres` database URL: SENTINELLE_TEST_PG_URL, else the URL in
// the file SENTINELLE_TEST_PG_URL_FILE (ctest's cluster fixture writes it), else a cluster this
// process starts with tools/pg-cluster and stops at exit. Empty, with `error`, when there is
// none: PostgreSQL tests then FAIL, they never skip.
std::string test_cluster_url(std::string& error);

// One empty database for one test: a SQLite file in a temporary directory, or a database
// created for it on the test cluster (dropped at the end). Opening it again gives another store
// on the same data: a restart, or a second instance.
class test_database {
 public:
  explicit test_database(backend which);
  ~test_database();
  test_database(const test_database&) = delete;
  test_database& operator=(const test_database&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  backend which() const { return which_; }
  // What open() passes to the store: a file path for SQLite, a URL for PostgreSQL.
  const std::string& location() const { return location_; }

  std::unique_ptr<durable_store> open(std::string& error, store_options options = {}) const;

  // Plain SQL beside the store, for what it does not expose: the first cell of `sql` as text
  // ("NULL" for null, "<no row>"), and statements without rows. Portable SQL only.
  std::string text(const std::string& sql);
  void exec(const std::string& sql);
  // PostgreSQL: `sql` on the cluster's `postgres` database, with `$db` replaced by this test's
  // database name (to refuse or drop its connections).
  void exec_as_admin(const std::string& sql);
  // One path of the score planner, bypassing it: the rollups (true) or the events (false).
  score_answer scores_via(const score_query& query, bool from_rollups);

 private:
  backend which_;
  std::string directory_;
  std::string location_;
  std::string database_;  // PostgreSQL: the database created for this test
  std::string error_;
  // Kept open for scores_via(), which tests call thousands of times.
  std::unique_ptr<pg::connection> pg_reader_;
  std::unique_ptr<sqlite_connection> sqlite_reader_;
};

// Group transactions committed so far by whichever store this is.
std::int64_t committed_transactions(const durable_store& store);

// Parameterised storage tests: `database()` is fresh for each test and each backend.
class store_test : public ::testing::TestWithParam<backend> {
 protected:
  void SetUp() override;
  test_database& database() { return *database_; }
  // A store on this test's database; a failure to open fails the test.
  std::unique_ptr<durable_store> open_store(store_options options = {});

 private:
  std::unique_ptr<test_database> database_;
};

// Instantiates `suite` for both engines, named …/sqlite and …/postgres.
#define SENTINELLE_BOTH_STORES(suite)                                                         \
  INSTANTIATE_TEST_SUITE_P(                                                                   \
      Stores, suite,                                                                          \
      ::testing::Values(::sentinelle::storage_test::backend::sqlite,                          \
                        ::sentinelle::storage_test::backend::postgres),                       \
      ::sentinelle::storage_test::backend_label)

}  // namespace sentinelle::storage_test
