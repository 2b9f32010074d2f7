#include "storage/event_eraser.hpp"

#include "storage/event_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {
namespace {

// The events an erasure takes, with their alert, kept for the statements that follow.
constexpr const char* victims_table =
    "CREATE TEMP TABLE IF NOT EXISTS erasure_victims "
    "(seq INTEGER PRIMARY KEY, alert_seq INTEGER)";

// Customers and authors are found by a scan of `events_people` (migration 0011), ~30 bytes an
// event in arrival order; the planner, left to itself, scans the table's ~1 KB rows instead.
std::string select_sql(erasure_request::match by) {
  std::string sql =
      "INSERT INTO temp.erasure_victims SELECT e.seq, a.seq FROM events e "
      "LEFT JOIN alerts a ON a.event_seq = e.seq WHERE ";
  switch (by) {
    case erasure_request::match::customer_id:
      sql += "e.seq IN (SELECT seq FROM events INDEXED BY events_people WHERE customer_id = ?1)";
      break;
    case erasure_request::match::author_id:
      sql += "e.seq IN (SELECT seq FROM events INDEXED BY events_people WHERE author_id = ?1)";
      break;
    case erasure_request::match::occurred_before:
      sql += "e.occurred_at_ms < ?2";
      break;
  }
  return sql + " ORDER BY e.occurred_at_ms LIMIT ?3";
}

bool run(sqlite_connection& db, const char* sql, std::string& error) {
  return db.exec(sql, error);
}

}  // namespace

erasure_result event_eraser::erase(const erasure_request& request, rollup_changes& rollups) {
  erasure_result result;
  std::string error;
  if (!run(db_, victims_table, error) || !run(db_, "DELETE FROM temp.erasure_victims", error) ||
      !select_victims(request, rollups, result, error) || !delete_victims(error)) {
    result.error = "cannot erase: " + error;
    return result;
  }
  result.ok = true;
  return result;
}

bool event_eraser::select_victims(const erasure_request& request, rollup_changes& rollups,
                                  erasure_result& result, std::string& error) {
  statement* choose = db_.prepare(select_sql(request.by), error);
  if (choose == nullptr) {
    return false;
  }
  {
    statement_use use(*choose);
    choose->bind(1, std::string_view(request.value));
    choose->bind(2, request.before_ms);
    choose->bind(3, request.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(request.limit));
    if (choose->step() != SQLITE_DONE) {
      error = db_.error_message();
      return false;
    }
  }
  statement* read =
      db_.prepare(std::string("SELECT ") + event_columns + ", " + alert_state_columns +
                      " FROM temp.erasure_victims v JOIN events ON events.seq = v.seq",
                  error);
  if (read == nullptr) {
    return false;
  }
  statement_use use(*read);
  int code = SQLITE_ROW;
  while ((code = read->step()) == SQLITE_ROW) {
    const event_with_alert victim = read_event_with_alert(*read);
    rollups.remove_erased(victim.stored, victim.has_alert, victim.alert_open);
    ++result.events;
    result.alerts += victim.has_alert ? 1 : 0;
  }
  if (code != SQLITE_DONE) {
    error = db_.error_message();
    return false;
  }
  return true;
}

// Deliveries first (they name alerts, without a foreign key), then the events: their alerts
// follow by ON DELETE CASCADE.
bool event_eraser::delete_victims(std::string& error) {
  return run(db_,
             "DELETE FROM outbox WHERE alert_seq IN "
             "(SELECT alert_seq FROM temp.erasure_victims WHERE alert_seq IS NOT NULL)",
             error) &&
         run(db_,
             "DELETE FROM dead_letters WHERE alert_seq IN "
             "(SELECT alert_seq FROM temp.erasure_victims WHERE alert_seq IS NOT NULL)",
             error) &&
         run(db_, "DELETE FROM events WHERE seq IN (SELECT seq FROM temp.erasure_victims)",
             error) &&
         run(db_, "DELETE FROM temp.erasure_victims", error);
}

}  // namespace sentinelle
