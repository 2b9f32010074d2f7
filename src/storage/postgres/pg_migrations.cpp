#include "storage/postgres/pg_migrations.hpp"

#include "storage/postgres/embedded_pg_migrations.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "util/time.hpp"

namespace sentinelle::pg {
namespace {

// Any constant will do as long as every sentinelle uses the same one: "sentinelle migrations".
constexpr const char* lock_migrations = "SELECT pg_advisory_xact_lock(7358301120641)";

bool record(connection& db, const migration& step, std::string& error) {
  const result inserted =
      db.run("INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES ($1, $2, $3)",
             params().add(std::int64_t{step.version}).add(step.name).add(now_unix_ms()));
  if (!inserted.ok()) {
    error = "cannot record migration " + std::string(step.name) + ": " + inserted.error();
    return false;
  }
  return true;
}

bool migrate_locked(connection& db, std::span<const migration> migrations, std::string& error) {
  if (!db.exec(lock_migrations, error) ||
      !db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)",
               error)) {
    return false;
  }
  const auto text = db.query_text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", error);
  if (!text) {
    return false;
  }
  return apply_missing_migrations(
      migrations, std::stoll(*text),
      [&](const migration& step, std::string& failure) {
        return db.exec(std::string(step.sql), failure);
      },
      [&](const migration& step, std::string& failure) { return record(db, step, failure); },
      error);
}

}  // namespace

std::span<const migration> embedded_migrations() {
  return pg_generated::embedded_migrations;
}

bool apply_migrations(connection& db, std::span<const migration> migrations, std::string& error) {
  if (!db.exec("BEGIN", error)) {
    return false;
  }
  if (!migrate_locked(db, migrations, error)) {
    std::string ignored;
    db.exec("ROLLBACK", ignored);
    return false;
  }
  return db.exec("COMMIT", error);
}

}  // namespace sentinelle::pg
