#include "storage/migrations.hpp"

#include <charconv>
#include <cstdint>

#include "storage/embedded_migrations.hpp"
#include "storage/sqlite_connection.hpp"
#include "util/time.hpp"

namespace sentinelle {
namespace {

// The version the database is at: the highest recorded migration, 0 for a new database.
bool current_version(sqlite_connection& db, std::int64_t& version, std::string& error) {
  const std::optional<std::string> text =
      db.query_text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", error);
  if (!text) {
    return false;
  }
  const auto [end, failure] = std::from_chars(text->data(), text->data() + text->size(), version);
  if (failure != std::errc{} || end != text->data() + text->size()) {
    error = "schema_migrations holds a version that is not a number: " + *text;
    return false;
  }
  return true;
}

bool record(sqlite_connection& db, const migration& step, std::string& error) {
  statement* insert = db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (?1, ?2, ?3)", error);
  if (insert == nullptr) {
    return false;
  }
  statement_use use(*insert);
  insert->bind(1, std::int64_t{step.version});
  insert->bind(2, step.name);
  insert->bind(3, now_unix_ms());
  if (insert->step() != SQLITE_DONE) {
    error = "cannot record migration " + std::string(step.name) + ": " + db.error_message();
    return false;
  }
  return true;
}

bool migrate_in_transaction(sqlite_connection& db, std::span<const migration> migrations,
                            std::string& error) {
  if (!db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)",
               error)) {
    return false;
  }
  std::int64_t version = 0;
  if (!current_version(db, version, error)) {
    return false;
  }
  return apply_missing_migrations(
      migrations, version,
      [&](const migration& step, std::string& failure) {
        return db.exec(std::string(step.sql).c_str(), failure);
      },
      [&](const migration& step, std::string& failure) { return record(db, step, failure); },
      error);
}

}  // namespace

std::span<const migration> embedded_migrations() {
  return generated::embedded_migrations;
}

bool apply_migrations(sqlite_connection& db, std::span<const migration> migrations,
                      std::string& error) {
  // IMMEDIATE takes the write lock first, so two processes opening a new file do not both
  // migrate it.
  if (!db.exec("BEGIN IMMEDIATE", error)) {
    return false;
  }
  if (!migrate_in_transaction(db, migrations, error)) {
    std::string ignored;
    db.exec("ROLLBACK", ignored);
    return false;
  }
  return db.exec("COMMIT", error);
}

}  // namespace sentinelle
