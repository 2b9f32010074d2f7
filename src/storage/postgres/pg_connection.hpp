#pragma once

#include <libpq-fe.h>

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/string_hash.hpp"

namespace sentinelle::pg {

// Query parameters in libpq's text format, in $1..$n order; nullopt is SQL NULL. Values are
// always parameters, never spliced into SQL text.
class params {
 public:
  params& add(std::int64_t value);
  params& add(std::string_view text);
  params& add(const char* text) { return add(std::string_view(text)); }  // not the bool one
  params& add(const std::optional<int>& value);
  params& add(const std::optional<double>& value);  // a non-finite value is NULL, as in SQLite
  params& add(double value) = delete;  // say std::optional<double>: no silent int64 conversion
  // Only a real bool: a double or a pointer must not turn into one silently.
  template <typename Bool>
    requires std::same_as<Bool, bool>
  params& add(Bool value) {
    return add_flag(value);
  }
  params& add_null();
  std::size_t size() const { return values_.size(); }
  // The `$n` that names the parameter just added: lets a query builder use it at once.
  std::string last_placeholder() const { return "$" + std::to_string(values_.size()); }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  params& add_flag(bool value);

  std::vector<std::optional<std::string>> values_;
};

// One PGresult, freed with it. Cells are read as text (the text protocol) and converted here.
class result {
 public:
  explicit result(PGresult* raw) : raw_(raw) {}
  ~result() { PQclear(raw_); }
  result(result&& other) noexcept : raw_(other.raw_) { other.raw_ = nullptr; }
  result& operator=(result&&) = delete;
  result(const result&) = delete;
  result& operator=(const result&) = delete;

  // Commands and queries that completed (PGRES_COMMAND_OK or PGRES_TUPLES_OK).
  bool ok() const;
  std::string error() const;     // the server's message, one line
  std::string sqlstate() const;  // "23505"…; empty when the failure was not the server's
  int rows() const { return raw_ == nullptr ? 0 : PQntuples(raw_); }
  std::int64_t affected() const;  // rows changed by an INSERT / UPDATE / DELETE

  bool is_null(int row, int column) const { return PQgetisnull(raw_, row, column) != 0; }
  std::string text(int row, int column) const;
  std::int64_t int64_at(int row, int column) const;  // 0 for NULL or a non-number
  double double_at(int row, int column) const;
  bool bool_at(int row, int column) const { return text(row, column) == "t"; }
  std::optional<int> optional_int(int row, int column) const;
  std::optional<std::int64_t> optional_int64(int row, int column) const;

 private:
  PGresult* raw_;
};

// One libpq connection, used by one thread at a time. Statements with parameters are prepared
// once per connection (named by a counter) and reused; a broken connection is never repaired
// in place: its owner opens a new one, which starts with no prepared statement.
class connection {
 public:
  // Connects to `url` (a libpq URI or key=value string) and checks that commits are durable:
  // `synchronous_commit` and `fsync` are read back, and a server that would acknowledge a commit
  // before it is flushed is refused. nullptr and `error` otherwise.
  static std::unique_ptr<connection> open(const std::string& url, std::string& error);
  ~connection();
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;

  // Runs `sql` with `values`, prepared on first use on this connection.
  result run(const std::string& sql, const params& values = {});
  // Runs a statement without parameters through the simple protocol (several statements
  // allowed: migrations); false and `error` ("what: server message") on failure.
  bool exec(const std::string& sql, std::string& error);
  // The first cell of `sql`, nullopt and `error` on failure or no row.
  std::optional<std::string> query_text(const std::string& sql, std::string& error);

  // The SQLSTATE of the last run() that failed ("40P01"…), empty after one that succeeded.
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  bool broken() const { return PQstatus(raw_) != CONNECTION_OK; }
  bool in_transaction() const { return PQtransactionStatus(raw_) != PQTRANS_IDLE; }
  std::string error_message() const;
  PGconn* raw() { return raw_; }

 private:
  explicit connection(PGconn* raw) : raw_(raw) {}
  bool check_durability(std::string& error);

  PGconn* raw_;
  string_map<std::string> prepared_;  // SQL text → statement name
  std::string last_sqlstate_;
};

}  // namespace sentinelle::pg
