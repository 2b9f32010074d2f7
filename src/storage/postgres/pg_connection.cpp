#include "storage/postgres/pg_connection.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace sentinelle::pg {
namespace {

// libpq's messages end with a newline and may span lines: one line for our errors and logs.
std::string one_line(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  for (char& c : text) {
    c = c == '\n' ? ' ' : c;
  }
  return text;
}

// The settings with which the server acknowledges a COMMIT only once it is flushed to disk
// (`local` and the `remote_*` values flush locally too; only `off` does not).
bool commit_is_flushed(const std::string& synchronous_commit) {
  return synchronous_commit != "off";
}

}  // namespace

params& params::add(std::int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

params& params::add(std::string_view text) {
  values_.emplace_back(std::string(text));
  return *this;
}

params& params::add(const std::optional<int>& value) {
  return value ? add(static_cast<std::int64_t>(*value)) : add_null();
}

params& params::add(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) {
    return add_null();
  }
  char buffer[32];
  // Shortest text that reads back as the same double: the value round-trips exactly.
  const auto [end, failure] = std::to_chars(buffer, buffer + sizeof buffer, *value);
  values_.emplace_back(std::string(buffer, failure == std::errc{} ? end : buffer));
  return *this;
}

params& params::add_flag(bool value) {
  values_.emplace_back(value ? "t" : "f");
  return *this;
}

params& params::add_null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

bool result::ok() const {
  const ExecStatusType status = PQresultStatus(raw_);
  return raw_ != nullptr && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK);
}

std::string result::error() const {
  return raw_ == nullptr ? "out of memory or connection lost" : one_line(PQresultErrorMessage(raw_));
}

std::string result::sqlstate() const {
  const char* state = raw_ == nullptr ? nullptr : PQresultErrorField(raw_, PG_DIAG_SQLSTATE);
  return state != nullptr ? state : "";
}

std::int64_t result::affected() const {
  const char* count = PQcmdTuples(raw_);
  std::int64_t value = 0;
  std::from_chars(count, count + std::strlen(count), value);
  return value;
}

std::string result::text(int row, int column) const {
  return {PQgetvalue(raw_, row, column),
          static_cast<std::size_t>(PQgetlength(raw_, row, column))};
}

std::int64_t result::int64_at(int row, int column) const {
  const char* cell = PQgetvalue(raw_, row, column);
  std::int64_t value = 0;
  std::from_chars(cell, cell + PQgetlength(raw_, row, column), value);
  return value;
}

double result::double_at(int row, int column) const {
  const char* cell = PQgetvalue(raw_, row, column);
  double value = 0.0;
  std::from_chars(cell, cell + PQgetlength(raw_, row, column), value);
  return value;
}

std::optional<int> result::optional_int(int row, int column) const {
  if (is_null(row, column)) {
    return std::nullopt;
  }
  return static_cast<int>(int64_at(row, column));
}

std::optional<std::int64_t> result::optional_int64(int row, int column) const {
  if (is_null(row, column)) {
    return std::nullopt;
  }
  return int64_at(row, column);
}

std::unique_ptr<connection> connection::open(const std::string& url, std::string& error) {
  PGconn* raw = PQconnectdb(url.c_str());
  if (raw == nullptr) {
    error = "cannot allocate a PostgreSQL connection";
    return nullptr;
  }
  std::unique_ptr<connection> opened(new connection(raw));
  // Notices ("relation … already exists, skipping") are not errors: keep them off stderr, whose
  // lines are the server's JSON log.
  PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
  if (opened->broken()) {
    error = "cannot connect to PostgreSQL: " + opened->error_message();
    return nullptr;
  }
  if (!opened->check_durability(error)) {
    return nullptr;
  }
  return opened;
}

connection::~connection() {
  PQfinish(raw_);
}

bool connection::check_durability(std::string& error) {
  const auto synchronous_commit = query_text("SHOW synchronous_commit", error);
  const auto fsync = query_text("SHOW fsync", error);
  if (!synchronous_commit || !fsync) {
    return false;
  }
  if (!commit_is_flushed(*synchronous_commit)) {
    error = "synchronous_commit=" + *synchronous_commit +
            ": PostgreSQL would acknowledge commits before they are durable; set it to on";
    return false;
  }
  if (*fsync != "on") {
    error = "fsync=" + *fsync + ": PostgreSQL would not flush commits to disk; set it to on";
    return false;
  }
  return true;
}

std::string connection::error_message() const {
  return one_line(PQerrorMessage(raw_));
}

result connection::run(const std::string& sql, const params& values) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    const std::string name = "s" + std::to_string(prepared_.size() + 1);
    result prepared(PQprepare(raw_, name.c_str(), sql.c_str(),
                              static_cast<int>(values.size()), nullptr));
    if (!prepared.ok()) {
      last_sqlstate_ = prepared.sqlstate();
      return prepared;
    }
    found = prepared_.emplace(sql, name).first;
  }
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& value : values.values()) {
    pointers.push_back(value ? value->c_str() : nullptr);
  }
  result done(PQexecPrepared(raw_, found->second.c_str(), static_cast<int>(pointers.size()),
                             pointers.data(), nullptr, nullptr, 0));
  last_sqlstate_ = done.ok() ? "" : done.sqlstate();
  return done;
}

bool connection::exec(const std::string& sql, std::string& error) {
  const result done(PQexec(raw_, sql.c_str()));
  if (!done.ok()) {
    error = done.error();
    return false;
  }
  return true;
}

std::optional<std::string> connection::query_text(const std::string& sql, std::string& error) {
  const result rows(PQexec(raw_, sql.c_str()));
  if (!rows.ok() || rows.rows() == 0) {
    error = rows.ok() ? "no row: " + sql : rows.error();
    return std::nullopt;
  }
  return rows.text(0, 0);
}

}  // namespace sentinelle::pg
