#include "storage/sqlite_connection.hpp"

#include <climits>
#include <cmath>

namespace sentinelle {

void statement::keep_error(int code) {
  if (code != SQLITE_OK && bind_error_ == SQLITE_OK) {
    bind_error_ = code;
  }
}

void statement::bind(int index, std::int64_t value) {
  keep_error(sqlite3_bind_int64(raw_, index, value));
}

namespace {

// Text and blobs are bound without copying. SQLite takes their size as an int, and a null data
// pointer would bind SQL NULL: an empty view must stay empty text or an empty blob.
template <typename Bind>
int bind_bytes(std::string_view bytes, Bind bind) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return SQLITE_TOOBIG;
  }
  return bind(bytes.data() != nullptr ? bytes.data() : "", static_cast<int>(bytes.size()));
}

}  // namespace

void statement::bind(int index, std::string_view text) {
  keep_error(bind_bytes(text, [&](const char* data, int size) {
    return sqlite3_bind_text(raw_, index, data, size, SQLITE_STATIC);
  }));
}

void statement::bind_blob(int index, std::string_view bytes) {
  keep_error(bind_bytes(bytes, [&](const char* data, int size) {
    return sqlite3_bind_blob(raw_, index, data, size, SQLITE_STATIC);
  }));
}

void statement::bind(int index, const std::optional<int>& value) {
  keep_error(value ? sqlite3_bind_int(raw_, index, *value) : sqlite3_bind_null(raw_, index));
}

void statement::bind(int index, const std::optional<double>& value) {
  // SQLite would store NaN as NULL anyway; infinities are no score either.
  const bool finite = value && std::isfinite(*value);
  keep_error(finite ? sqlite3_bind_double(raw_, index, *value) : sqlite3_bind_null(raw_, index));
}

int statement::step() {
  if (bind_error_ != SQLITE_OK) {
    return bind_error_;
  }
  return sqlite3_step(raw_);
}

void statement::reset() {
  sqlite3_reset(raw_);
  sqlite3_clear_bindings(raw_);
  bind_error_ = SQLITE_OK;
}

bool statement::is_null(int column) const {
  return sqlite3_column_type(raw_, column) == SQLITE_NULL;
}

std::int64_t statement::int64_at(int column) const {
  return sqlite3_column_int64(raw_, column);
}

double statement::double_at(int column) const {
  return sqlite3_column_double(raw_, column);
}

bool statement::is_blob(int column) const {
  return sqlite3_column_type(raw_, column) == SQLITE_BLOB;
}

std::string_view statement::blob_at(int column) const {
  const void* bytes = sqlite3_column_blob(raw_, column);  // before _bytes, as SQLite asks
  if (bytes == nullptr) {
    return {};
  }
  return {static_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(raw_, column))};
}

std::string statement::text_at(int column) const {
  const auto* text = sqlite3_column_text(raw_, column);
  if (text == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(raw_, column))};
}

namespace {

// Once per process, before SQLite initialises: no memory statistics. With them (SQLite's
// default), every sqlite3_malloc and sqlite3_free takes one global mutex to count bytes that
// nothing here reads; the writer allocates ~90 times per ingested event (callgrind under
// tools/bench/ingest's load). SQLITE_MISUSE if SQLite was already initialised: then it stays.
void configure_sqlite_once() {
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(configured);
}

}  // namespace

std::unique_ptr<sqlite_connection> sqlite_connection::open(const std::string& path,
                                                           std::string& error) {
  configure_sqlite_once();
  sqlite3* db = nullptr;
  // NOMUTEX: each connection is used by one thread at a time, guarded by the store.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    error =
        "cannot open " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<sqlite_connection> connection(new sqlite_connection(db));
  sqlite3_extended_result_codes(db, 1);
  if (!connection->apply_settings(error)) {
    error = path + ": " + error;
    return nullptr;
  }
  return connection;
}

sqlite_connection::~sqlite_connection() {
  statements_.clear();  // finalized before the close, or the close would fail
  sqlite3_close(db_);
}

bool sqlite_connection::apply_settings(std::string& error) {
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  // WAL lets readers run beside the writer; FULL syncs the WAL at every commit, so an
  // acknowledged event survives a power loss, not only a crash of the process.
  return check_setting("PRAGMA journal_mode=WAL", "wal", error) &&
         exec("PRAGMA synchronous=FULL", error) &&
         check_setting("PRAGMA synchronous", "2", error) && exec("PRAGMA foreign_keys=ON", error) &&
         check_setting("PRAGMA foreign_keys", "1", error) &&
         // Erased text is overwritten with zeros, not only unlinked: an erasure request
         // (CONTRACT §4) must not leave the customer's words readable in the file.
         exec("PRAGMA secure_delete=ON", error) &&
         check_setting("PRAGMA secure_delete", "1", error) &&
         // Statement journals stay in memory. With the default, once one statement's journal
         // outgrows the 64 KiB SQLite keeps in memory it moves to an unlinked temporary file
         // for the connection's life, and every later statement of every group commit wrote
         // its page copies there: four times the bytes written per event (66 KB → 16 KB,
         // storage/README.md), and copies of stored pages, verbatims included, in /var/tmp.
         exec("PRAGMA temp_store=MEMORY", error) &&
         check_setting("PRAGMA temp_store", "2", error) &&
         check_setting("PRAGMA busy_timeout", std::to_string(busy_timeout_ms).c_str(), error);
}

bool sqlite_connection::check_setting(const char* pragma, const char* expected,
                                      std::string& error) {
  const std::optional<std::string> actual = query_text(pragma, error);
  if (!actual) {
    return false;
  }
  if (*actual != expected) {
    error = std::string(pragma) + " gave '" + *actual + "', expected '" + expected +
            "': refusing a connection that would not be durable as promised";
    return false;
  }
  return true;
}

bool sqlite_connection::exec(const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) {
    return true;
  }
  error =
      std::string(sql).substr(0, 60) + ": " + (message != nullptr ? message : sqlite3_errmsg(db_));
  sqlite3_free(message);
  return false;
}

statement* sqlite_connection::prepare(const std::string& sql, std::string& error) {
  if (auto found = statements_.find(sql); found != statements_.end()) {
    return found->second.get();
  }
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
      SQLITE_OK) {
    error = "cannot prepare '" + sql.substr(0, 60) + "': " + sqlite3_errmsg(db_);
    sqlite3_finalize(raw);
    return nullptr;
  }
  auto& slot = statements_[sql];
  slot = std::make_unique<statement>(raw);
  return slot.get();
}

std::optional<std::string> sqlite_connection::query_text(const std::string& sql,
                                                         std::string& error) {
  statement* query = prepare(sql, error);
  if (query == nullptr) {
    return std::nullopt;
  }
  statement_use use(*query);
  const int code = query->step();
  if (code == SQLITE_ROW) {
    return query->text_at(0);
  }
  error = sql + ": " + (code == SQLITE_DONE ? std::string("no row") : error_message());
  return std::nullopt;
}

}  // namespace sentinelle
