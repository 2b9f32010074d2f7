#include "test_database.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_score_queries.hpp"
#include "storage/score_queries.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/postgres/postgres_event_store.hpp"
#include "storage/sqlite_event_store.hpp"

namespace sentinelle::storage_test {
namespace fs = std::filesystem;
namespace {

// A cluster started by this process, stopped when the tests end.
class own_cluster : public ::testing::Environment {
 public:
  std::string start(std::string& error) {
    directory_ = (fs::temp_directory_path() /
                  ("sentinelle-test-pg-" + std::to_string(::getpid())))
                     .string();
    const std::string command = std::string(SENTINELLE_PG_CLUSTER_TOOL) + " start " + directory_ +
                                " > " + directory_ + ".out 2>&1";
    if (std::system(command.c_str()) != 0) {
      std::ifstream output(directory_ + ".out");
      std::stringstream text;
      text << output.rdbuf();
      error = "tools/pg-cluster could not start PostgreSQL: " + text.str();
      return {};
    }
    started_ = true;
    std::ifstream url(directory_ + "/url");
    std::string line;
    std::getline(url, line);
    return line;
  }
  void TearDown() override {
    if (started_) {
      const std::string command = std::string(SENTINELLE_PG_CLUSTER_TOOL) + " stop " + directory_;
      started_ = std::system(command.c_str()) != 0;
    }
    std::error_code ignored;
    fs::remove(directory_ + ".out", ignored);
  }

 private:
  std::string directory_;
  bool started_ = false;
};

std::string read_first_line(const std::string& path) {
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);
  return line;
}

// `base` with its database name (the path after the authority) replaced by `database`.
std::string with_database(const std::string& base, const std::string& database) {
  const std::size_t query = base.find('?');
  const std::size_t slash = base.rfind('/', query == std::string::npos ? base.size() : query);
  return base.substr(0, slash + 1) + database +
         (query == std::string::npos ? "" : base.substr(query));
}

std::string unique_name(const char* prefix) {
  static std::atomic<int> counter{0};
  return std::string(prefix) + std::to_string(::getpid()) + "_" + std::to_string(counter++);
}

bool admin_sql(const std::string& sql, std::string& error) {
  const std::string base = test_cluster_url(error);
  if (base.empty()) {
    return false;
  }
  auto admin = pg::connection::open(base, error);
  return admin != nullptr && admin->exec(sql, error);
}

}  // namespace

std::string backend_label(const ::testing::TestParamInfo<backend>& info) {
  return info.param == backend::sqlite ? "sqlite" : "postgres";
}

std::string test_cluster_url(std::string& error) {
  static std::mutex mutex;
  static std::string url, failure;
  static bool tried = false;
  std::lock_guard lock(mutex);
  if (!tried) {
    tried = true;
    if (const char* given = std::getenv("SENTINELLE_TEST_PG_URL"); given && *given) {
      url = given;
    } else if (const char* file = std::getenv("SENTINELLE_TEST_PG_URL_FILE"); file && *file) {
      url = read_first_line(file);
      failure = url.empty() ? std::string("no cluster URL in ") + file +
                                  " (did the storage.pg_cluster_start fixture fail?)"
                            : "";
    } else {
      auto* cluster = new own_cluster;  // owned by GoogleTest once added
      ::testing::AddGlobalTestEnvironment(cluster);
      url = cluster->start(failure);
    }
  }
  error = failure;
  return url;
}

test_database::test_database(backend which) : which_(which) {
  if (which_ == backend::sqlite) {
    directory_ = (fs::temp_directory_path() / unique_name("sentinelle-storage-")).string();
    fs::create_directories(directory_);
    location_ = directory_ + "/events.db";
    return;
  }
  database_ = unique_name("sentinelle_test_");
  if (admin_sql("CREATE DATABASE " + database_, error_)) {
    location_ = with_database(test_cluster_url(error_), database_);
  }
}

test_database::~test_database() {
  pg_reader_.reset();  // before the database is dropped
  if (!directory_.empty()) {
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
  }
  if (!location_.empty() && which_ == backend::postgres) {
    std::string ignored;  // FORCE: a store a failed test leaked must not keep it alive
    admin_sql("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)", ignored);
  }
}

std::unique_ptr<durable_store> test_database::open(std::string& error,
                                                   store_options options) const {
  if (which_ == backend::sqlite) {
    return sqlite_event_store::open(location_, error, std::move(options));
  }
  return postgres_event_store::open(location_, error, std::move(options));
}

std::string test_database::text(const std::string& sql) {
  std::string error;
  if (which_ == backend::postgres) {
    auto db = pg::connection::open(location_, error);
    const auto found = db ? db->query_text(sql, error) : std::nullopt;
    EXPECT_TRUE(found || error.starts_with("no row")) << sql << ": " << error;
    return found.value_or("<no row>");
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2(location_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* query = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr), SQLITE_OK) << sql;
  std::string cell = "<no row>";
  if (query != nullptr && sqlite3_step(query) == SQLITE_ROW) {
    const auto* value = sqlite3_column_text(query, 0);
    cell = value != nullptr ? reinterpret_cast<const char*>(value) : "NULL";
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  return cell;
}

void test_database::exec(const std::string& sql) {
  std::string error;
  if (which_ == backend::postgres) {
    auto db = pg::connection::open(location_, error);
    EXPECT_TRUE(db && db->exec(sql, error)) << sql << ": " << error;
    return;
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2(location_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_busy_timeout(db, 5000);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << sql << ": " << (message != nullptr ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

void test_database::exec_as_admin(const std::string& sql) {
  std::string text = sql, error;
  for (std::size_t at = text.find("$db"); at != std::string::npos; at = text.find("$db")) {
    text.replace(at, 3, database_);
  }
  EXPECT_TRUE(admin_sql(text, error)) << text << ": " << error;
}

score_answer test_database::scores_via(const score_query& query, bool from_rollups) {
  std::string error;
  score_answer failed;
  if (which_ == backend::postgres) {
    if (!pg_reader_ && !(pg_reader_ = pg::connection::open(location_, error))) {
      failed.error = error;
      return failed;
    }
    return from_rollups ? pg::scores_from_rollups(*pg_reader_, query)
                        : pg::scores_from_events(*pg_reader_, query);
  }
  if (!sqlite_reader_ && !(sqlite_reader_ = sqlite_connection::open(location_, error))) {
    failed.error = error;
    return failed;
  }
  return from_rollups ? scores_from_rollups(*sqlite_reader_, query)
                      : scores_from_events(*sqlite_reader_, query);
}

std::int64_t committed_transactions(const durable_store& store) {
  if (const auto* sqlite = dynamic_cast<const sqlite_event_store*>(&store)) {
    return sqlite->committed_transactions();
  }
  return dynamic_cast<const postgres_event_store&>(store).committed_transactions();
}

void store_test::SetUp() {
  database_ = std::make_unique<test_database>(GetParam());
  ASSERT_TRUE(database_->ok()) << database_->error();
}

std::unique_ptr<durable_store> store_test::open_store(store_options options) {
  std::string error;
  auto store = database_->open(error, std::move(options));
  EXPECT_NE(store, nullptr) << error;
  return store;
}

}  // namespace sentinelle::storage_test
