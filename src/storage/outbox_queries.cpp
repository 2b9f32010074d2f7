#include "storage/outbox_queries.hpp"

#include <functional>

#include "alerts/alert.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/transaction.hpp"

namespace sentinelle::outbox_sql {
namespace {

// Runs `sql` with int64 / text parameters that need no further reading.
bool run(sqlite_connection& db, const std::string& sql,
         std::initializer_list<std::int64_t> numbers, std::initializer_list<std::string_view> texts,
         std::string& error) {
  statement* command = db.prepare(sql, error);
  if (command == nullptr) {
    return false;
  }
  statement_use use(*command);
  int index = 0;
  for (const std::int64_t number : numbers) {
    command->bind(++index, number);
  }
  for (const std::string_view text : texts) {
    command->bind(++index, text);
  }
  if (command->step() != SQLITE_DONE) {
    error = db.error_message();
    return false;
  }
  return true;
}

std::optional<std::int64_t> single_int(sqlite_connection& db, const std::string& sql,
                                       std::string& error) {
  statement* select = db.prepare(sql, error);
  if (select == nullptr) {
    return std::nullopt;
  }
  statement_use use(*select);
  if (select->step() != SQLITE_ROW) {
    error = db.error_message();
    return std::nullopt;
  }
  return select->is_null(0) ? std::optional<std::int64_t>(INT64_MIN) : select->int64_at(0);
}

}  // namespace

bool claim_due(sqlite_connection& db, std::int64_t now_ms, std::int64_t lease_ms,
               std::size_t limit, std::vector<outbound_delivery>& claimed, std::string& error) {
  statement* claim = db.prepare(
      "UPDATE outbox SET next_attempt_ms = ?2 WHERE id IN (SELECT id FROM outbox "
      "WHERE next_attempt_ms <= ?1 AND sink NOT IN (SELECT sink FROM disabled_sinks) "
      "ORDER BY next_attempt_ms, id LIMIT ?3) "
      "RETURNING id, webhook_id, sink, alert_seq, attempts, created_at_ms, last_error",
      error);
  if (claim == nullptr) {
    return false;
  }
  statement_use use(*claim);
  claim->bind(1, now_ms);
  claim->bind(2, now_ms + lease_ms);
  claim->bind(3, static_cast<std::int64_t>(limit));
  int code = SQLITE_ROW;
  while ((code = claim->step()) == SQLITE_ROW) {
    outbound_delivery delivery;
    delivery.id = claim->int64_at(0);
    delivery.webhook_id = claim->text_at(1);
    delivery.sink = claim->text_at(2);
    delivery.alert_id = alert_id_for(claim->int64_at(3));
    delivery.attempts = static_cast<int>(claim->int64_at(4));
    delivery.created_at_ms = claim->int64_at(5);
    delivery.next_attempt_ms = now_ms + lease_ms;
    delivery.last_error = claim->text_at(6);
    claimed.push_back(std::move(delivery));
  }
  if (code != SQLITE_DONE) {
    error = db.error_message();
    claimed.clear();
    return false;
  }
  return true;
}

std::optional<std::int64_t> next_due_ms(sqlite_connection& db, std::string& error) {
  const auto earliest = single_int(db,
                                   "SELECT MIN(next_attempt_ms) FROM outbox WHERE sink NOT IN "
                                   "(SELECT sink FROM disabled_sinks)",
                                   error);
  if (!earliest || *earliest == INT64_MIN) {
    return std::nullopt;
  }
  return earliest;
}

bool mark_delivered(sqlite_connection& db, std::int64_t id, std::string& error) {
  return run(db, "DELETE FROM outbox WHERE id = ?1", {id}, {}, error);
}

bool reschedule(sqlite_connection& db, std::int64_t id, int attempts, std::int64_t next_ms,
                const std::string& last_error, std::string& error) {
  return run(db,
             "UPDATE outbox SET attempts = ?2, next_attempt_ms = ?3, last_error = ?4 "
             "WHERE id = ?1",
             {id, attempts, next_ms}, {last_error}, error);
}

bool bury(sqlite_connection& db, std::int64_t id, int attempts, std::int64_t now_ms,
          const std::string& last_error, std::string& error) {
  return in_transaction(
      db, "BEGIN IMMEDIATE",
      [&] {
        return run(db,
                   "INSERT INTO dead_letters (webhook_id, sink, alert_seq, attempts, "
                   "created_at_ms, died_at_ms, last_error) SELECT webhook_id, sink, alert_seq, "
                   "?2, created_at_ms, ?3, ?4 FROM outbox WHERE id = ?1",
                   {id, attempts, now_ms}, {last_error}, error) &&
               run(db, "DELETE FROM outbox WHERE id = ?1", {id}, {}, error);
      },
      error);
}

bool disable_sink(sqlite_connection& db, const std::string& sink, std::int64_t now_ms,
                  const std::string& reason, std::string& error) {
  return run(db,
             "INSERT INTO disabled_sinks (sink, disabled_at_ms, reason) VALUES (?2, ?1, ?3) "
             "ON CONFLICT (sink) DO NOTHING",
             {now_ms}, {sink, reason}, error);
}

std::optional<bool> sink_disabled(sqlite_connection& db, const std::string& sink,
                                  std::string& error) {
  statement* select = db.prepare("SELECT 1 FROM disabled_sinks WHERE sink = ?1", error);
  if (select == nullptr) {
    return std::nullopt;
  }
  statement_use use(*select);
  select->bind(1, std::string_view(sink));
  const int code = select->step();
  if (code != SQLITE_ROW && code != SQLITE_DONE) {
    error = db.error_message();
    return std::nullopt;
  }
  return code == SQLITE_ROW;
}

bool dead_letters(sqlite_connection& db, std::size_t limit, std::vector<dead_letter>& out,
                  std::string& error) {
  statement* select = db.prepare(
      "SELECT id, webhook_id, sink, alert_seq, attempts, created_at_ms, died_at_ms, last_error "
      "FROM dead_letters ORDER BY id DESC LIMIT ?1",
      error);
  if (select == nullptr) {
    return false;
  }
  statement_use use(*select);
  select->bind(1, static_cast<std::int64_t>(limit));
  int code = SQLITE_ROW;
  while ((code = select->step()) == SQLITE_ROW) {
    out.push_back({select->int64_at(0), select->text_at(1), select->text_at(2),
                   alert_id_for(select->int64_at(3)), static_cast<int>(select->int64_at(4)),
                   select->int64_at(5), select->int64_at(6), select->text_at(7)});
  }
  if (code != SQLITE_DONE) {
    error = db.error_message();
    return false;
  }
  return true;
}

bool replay_dead_letter(sqlite_connection& db, std::int64_t id, std::int64_t now_ms,
                        std::string& error) {
  bool found = false;
  const bool ok = in_transaction(
      db, "BEGIN IMMEDIATE",
      [&] {
        if (!run(db,
                 "INSERT INTO outbox (webhook_id, sink, alert_seq, attempts, created_at_ms, "
                 "next_attempt_ms) SELECT webhook_id, sink, alert_seq, 0, created_at_ms, ?2 "
                 "FROM dead_letters WHERE id = ?1",
                 {id, now_ms}, {}, error)) {
          return false;
        }
        found = db.changes() == 1;
        return run(db, "DELETE FROM dead_letters WHERE id = ?1", {id}, {}, error);
      },
      error);
  return ok && found;
}

std::optional<std::int64_t> pending(sqlite_connection& db, std::string& error) {
  return single_int(db, "SELECT COUNT(*) FROM outbox", error);
}

}  // namespace sentinelle::outbox_sql
