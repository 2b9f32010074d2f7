#include "storage/postgres/pg_outbox_queries.hpp"

#include <functional>

#include "alerts/alert.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/transaction.hpp"

namespace sentinelle::pg::outbox_sql {
namespace {

// Runs one statement; false and `error` on failure. `changed` gets the rows it changed.
bool run(connection& db, const std::string& sql, const params& values, std::string& error,
         std::int64_t* changed = nullptr) {
  const result done = db.run(sql, values);
  if (!done.ok()) {
    error = done.error();
    return false;
  }
  if (changed != nullptr) {
    *changed = done.affected();
  }
  return true;
}

}  // namespace

bool claim_due(connection& db, std::int64_t now_ms, std::int64_t lease_ms, std::size_t limit,
               std::vector<outbound_delivery>& claimed, std::string& error) {
  // The rows another instance is claiming right now are locked: SKIP LOCKED passes them by
  // instead of waiting, and re-checks a row committed meanwhile (its lease makes it not due).
  const result rows = db.run(
      "WITH claimed AS (UPDATE outbox SET next_attempt_ms = $2 WHERE id IN (SELECT id FROM outbox "
      "WHERE next_attempt_ms <= $1 AND sink NOT IN (SELECT sink FROM disabled_sinks) "
      "ORDER BY next_attempt_ms, id LIMIT $3 FOR UPDATE SKIP LOCKED) "
      "RETURNING id, webhook_id, sink, alert_seq, attempts, created_at_ms, last_error) "
      "SELECT * FROM claimed ORDER BY id",
      params().add(now_ms).add(now_ms + lease_ms).add(static_cast<std::int64_t>(limit)));
  if (!rows.ok()) {
    error = rows.error();
    return false;
  }
  for (int row = 0; row < rows.rows(); ++row) {
    outbound_delivery delivery;
    delivery.id = rows.int64_at(row, 0);
    delivery.webhook_id = rows.text(row, 1);
    delivery.sink = rows.text(row, 2);
    delivery.alert_id = alert_id_for(rows.int64_at(row, 3));
    delivery.attempts = static_cast<int>(rows.int64_at(row, 4));
    delivery.created_at_ms = rows.int64_at(row, 5);
    delivery.next_attempt_ms = now_ms + lease_ms;
    delivery.last_error = rows.text(row, 6);
    claimed.push_back(std::move(delivery));
  }
  return true;
}

std::optional<std::int64_t> next_due_ms(connection& db, std::string& error) {
  const result rows = db.run(
      "SELECT MIN(next_attempt_ms) FROM outbox WHERE sink NOT IN (SELECT sink FROM disabled_sinks)");
  if (!rows.ok()) {
    error = rows.error();
    return std::nullopt;
  }
  return rows.optional_int64(0, 0);
}

bool mark_delivered(connection& db, std::int64_t id, std::string& error) {
  return run(db, "DELETE FROM outbox WHERE id = $1", params().add(id), error);
}

bool reschedule(connection& db, std::int64_t id, int attempts, std::int64_t next_ms,
                const std::string& last_error, std::string& error) {
  return run(db,
             "UPDATE outbox SET attempts = $2, next_attempt_ms = $3, last_error = $4 WHERE id = $1",
             params().add(id).add(std::int64_t{attempts}).add(next_ms).add(last_error), error);
}

bool bury(connection& db, std::int64_t id, int attempts, std::int64_t now_ms,
          const std::string& last_error, std::string& error) {
  return in_transaction(
      db, "BEGIN",
      [&] {
        return run(db,
                   "INSERT INTO dead_letters (webhook_id, sink, alert_seq, attempts, "
                   "created_at_ms, died_at_ms, last_error) SELECT webhook_id, sink, alert_seq, "
                   "$2, created_at_ms, $3, $4 FROM outbox WHERE id = $1",
                   params().add(id).add(std::int64_t{attempts}).add(now_ms).add(last_error),
                   error) &&
               run(db, "DELETE FROM outbox WHERE id = $1", params().add(id), error);
      },
      error);
}

bool disable_sink(connection& db, const std::string& sink, std::int64_t now_ms,
                  const std::string& reason, std::string& error) {
  return run(db,
             "INSERT INTO disabled_sinks (sink, disabled_at_ms, reason) VALUES ($1, $2, $3) "
             "ON CONFLICT (sink) DO NOTHING",
             params().add(sink).add(now_ms).add(reason), error);
}

std::optional<bool> sink_disabled(connection& db, const std::string& sink, std::string& error) {
  const result rows = db.run("SELECT 1 FROM disabled_sinks WHERE sink = $1", params().add(sink));
  if (!rows.ok()) {
    error = rows.error();
    return std::nullopt;
  }
  return rows.rows() > 0;
}

bool dead_letters(connection& db, std::size_t limit, std::vector<dead_letter>& out,
                  std::string& error) {
  const result rows = db.run(
      "SELECT id, webhook_id, sink, alert_seq, attempts, created_at_ms, died_at_ms, last_error "
      "FROM dead_letters ORDER BY id DESC LIMIT $1",
      params().add(static_cast<std::int64_t>(limit)));
  if (!rows.ok()) {
    error = rows.error();
    return false;
  }
  for (int row = 0; row < rows.rows(); ++row) {
    out.push_back({rows.int64_at(row, 0), rows.text(row, 1), rows.text(row, 2),
                   alert_id_for(rows.int64_at(row, 3)), static_cast<int>(rows.int64_at(row, 4)),
                   rows.int64_at(row, 5), rows.int64_at(row, 6), rows.text(row, 7)});
  }
  return true;
}

bool replay_dead_letter(connection& db, std::int64_t id, std::int64_t now_ms,
                        std::string& error) {
  std::int64_t moved = 0;
  const bool ok = in_transaction(
      db, "BEGIN",
      [&] {
        return run(db,
                   "INSERT INTO outbox (webhook_id, sink, alert_seq, attempts, created_at_ms, "
                   "next_attempt_ms) SELECT webhook_id, sink, alert_seq, 0, created_at_ms, $2 "
                   "FROM dead_letters WHERE id = $1",
                   params().add(id).add(now_ms), error, &moved) &&
               run(db, "DELETE FROM dead_letters WHERE id = $1", params().add(id), error);
      },
      error);
  return ok && moved == 1;
}

std::optional<std::int64_t> pending(connection& db, std::string& error) {
  const result rows = db.run("SELECT COUNT(*) FROM outbox");
  if (!rows.ok()) {
    error = rows.error();
    return std::nullopt;
  }
  return rows.int64_at(0, 0);
}

}  // namespace sentinelle::pg::outbox_sql
