#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/string_hash.hpp"

namespace sentinelle {

// A prepared statement owned by its connection. Text is bound without copying, so the caller's
// strings must outlive the step; `statement_use` resets and unbinds after each use.
class statement {
 public:
  explicit statement(sqlite3_stmt* raw) : raw_(raw) {}
  ~statement() { sqlite3_finalize(raw_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  // Binding errors are kept and returned by the next step(), so call sites stay a list of binds.
  void bind(int index, std::int64_t value);
  void bind(int index, std::string_view text);
  void bind_blob(int index, std::string_view bytes);
  void bind(int index, const std::optional<int>& value);
  void bind(int index, const std::optional<double>& value);

  int step();  // SQLITE_ROW, SQLITE_DONE or an error code
  void reset();

  bool is_null(int column) const;
  std::int64_t int64_at(int column) const;
  double double_at(int column) const;
  std::string text_at(int column) const;
  bool is_blob(int column) const;
  // The bytes of a BLOB, valid until the next step or reset.
  std::string_view blob_at(int column) const;

 private:
  void keep_error(int code);

  sqlite3_stmt* raw_;
  int bind_error_ = SQLITE_OK;
};

// Resets a statement when it goes out of scope: a SELECT left mid-way would hold its read
// transaction open and stop WAL checkpoints, and a bound pointer would outlive its string.
class statement_use {
 public:
  explicit statement_use(statement& used) : used_(used) {}
  ~statement_use() { used_.reset(); }
  statement_use(const statement_use&) = delete;
  statement_use& operator=(const statement_use&) = delete;

 private:
  statement& used_;
};

// One SQLite connection with the settings every connection of the store must have, read back
// and checked: journal_mode=WAL, synchronous=FULL, a busy timeout and foreign keys on. Used by
// one thread at a time (the writer thread, or a reader holding a lease).
class sqlite_connection {
 public:
  static constexpr int busy_timeout_ms = 5000;

  // Opens or creates `path`; nullptr and `error` when it cannot, or when a setting does not hold
  // (for instance an in-memory database, which has no WAL).
  static std::unique_ptr<sqlite_connection> open(const std::string& path, std::string& error);
  ~sqlite_connection();
  sqlite_connection(const sqlite_connection&) = delete;
  sqlite_connection& operator=(const sqlite_connection&) = delete;

  // Runs statements that return no rows; `error` gets "what: sqlite message" on failure.
  bool exec(const char* sql, std::string& error);
  // The statement for `sql`, prepared on first use and reused afterwards; nullptr on error.
  statement* prepare(const std::string& sql, std::string& error);
  // The first column of the first row of `sql`, as text; nullopt (and `error`) on failure.
  std::optional<std::string> query_text(const std::string& sql, std::string& error);

  std::string error_message() const { return sqlite3_errmsg(db_); }
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  std::int64_t changes() const { return sqlite3_changes64(db_); }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  explicit sqlite_connection(sqlite3* db) : db_(db) {}
  bool apply_settings(std::string& error);
  bool check_setting(const char* pragma, const char* expected, std::string& error);

  sqlite3* db_;
  string_map<std::unique_ptr<statement>> statements_;
};

}  // namespace sentinelle
