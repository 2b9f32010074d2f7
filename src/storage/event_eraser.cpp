#include "storage/event_eraser.hpp"

#include <algorithm>

#include "storage/event_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {
namespace {

// The events an erasure takes, with their alert, kept for the statements that follow.
constexpr const char* victims_table =
    "CREATE TEMP TABLE IF NOT EXISTS erasure_victims "
    "(seq INTEGER PRIMARY KEY, alert_seq INTEGER)";
// A person's events the prescan found.
constexpr const char* candidates_table =
    "CREATE TEMP TABLE IF NOT EXISTS erasure_candidates (seq INTEGER PRIMARY KEY)";

const char* person_column(erasure_request::match by) {
  return by == erasure_request::match::author_id ? "author_id" : "customer_id";
}

// Customers and authors are found by a scan of `events_people` (migration 0011), ~30 bytes an
// event in arrival order; the planner, left to itself, scans the table's ~1 KB rows instead.
// The prescan's candidates are checked again (seqs only grow while the store is open, but a
// deleted newest event's seq is given anew after a restart) and the events stored after it
// are scanned here.
std::string select_sql(erasure_request::match by) {
  std::string sql =
      "INSERT INTO temp.erasure_victims SELECT e.seq, a.seq FROM events e "
      "LEFT JOIN alerts a ON a.event_seq = e.seq WHERE ";
  if (by == erasure_request::match::occurred_before) {
    sql += "e.occurred_at_ms < ?2";
  } else {
    const std::string column = person_column(by);
    sql +=
        "e.seq IN (SELECT seq FROM temp.erasure_candidates UNION ALL "
        "SELECT seq FROM events INDEXED BY events_people WHERE seq > ?4 AND " +
        column + " = ?1) AND e." + column + " = ?1";
  }
  return sql + " ORDER BY e.occurred_at_ms LIMIT ?3";
}

std::string scan_sql(erasure_request::match by) {
  return std::string(
             "SELECT seq FROM events INDEXED BY events_people "
             "WHERE seq > ?1 AND seq <= ?2 AND ") +
         person_column(by) + " = ?3";
}

bool run(sqlite_connection& db, const char* sql, std::string& error) {
  return db.exec(sql, error);
}

}  // namespace

bool event_eraser::scan_slice(const erasure_request& request, std::int64_t slice,
                              std::int64_t last_seq, erasure_prescan& prescan, bool& finished,
                              std::string& error) {
  statement* scan = db_.prepare(scan_sql(request.by), error);
  if (scan == nullptr) {
    return false;
  }
  const std::int64_t until = prescan.through + std::max<std::int64_t>(slice, 1);
  statement_use use(*scan);
  scan->bind(1, prescan.through);
  scan->bind(2, until);
  scan->bind(3, std::string_view(request.value));
  int code = SQLITE_ROW;
  while ((code = scan->step()) == SQLITE_ROW) {
    prescan.seqs.push_back(scan->int64_at(0));
  }
  if (code != SQLITE_DONE) {
    error = db_.error_message();
    return false;
  }
  prescan.through = until;
  finished = until >= last_seq;
  return true;
}

erasure_result event_eraser::erase(const erasure_request& request, rollup_changes& rollups,
                                   const erasure_prescan& prescan) {
  erasure_result result;
  std::string error;
  const bool person = request.by != erasure_request::match::occurred_before;
  if (!run(db_, victims_table, error) || !run(db_, "DELETE FROM temp.erasure_victims", error) ||
      (person && !list_candidates(prescan, error)) ||
      !select_victims(request, prescan.through, rollups, result, error) || !delete_victims(error)) {
    result.error = "cannot erase: " + error;
    return result;
  }
  result.ok = true;
  return result;
}

// Emptied before each person's erasure, not after: the table holds only seqs.
bool event_eraser::list_candidates(const erasure_prescan& prescan, std::string& error) {
  if (!run(db_, candidates_table, error) ||
      !run(db_, "DELETE FROM temp.erasure_candidates", error)) {
    return false;
  }
  statement* add = db_.prepare("INSERT OR IGNORE INTO temp.erasure_candidates VALUES (?1)", error);
  if (add == nullptr) {
    return false;
  }
  for (const std::int64_t seq : prescan.seqs) {
    statement_use use(*add);
    add->bind(1, seq);
    if (add->step() != SQLITE_DONE) {
      error = db_.error_message();
      return false;
    }
  }
  return true;
}

bool event_eraser::select_victims(const erasure_request& request, std::int64_t scanned_through,
                                  rollup_changes& rollups, erasure_result& result,
                                  std::string& error) {
  statement* choose = db_.prepare(select_sql(request.by), error);
  if (choose == nullptr) {
    return false;
  }
  {
    statement_use use(*choose);
    choose->bind(1, std::string_view(request.value));
    choose->bind(2, request.before_ms);
    choose->bind(3, request.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(request.limit));
    if (request.by != erasure_request::match::occurred_before) {
      choose->bind(4, scanned_through);  // the retention's statement has no ?4
    }
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
