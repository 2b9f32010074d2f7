#include "storage/postgres/pg_event_eraser.hpp"

#include "storage/event_row.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_event_row.hpp"

namespace sentinelle::pg {
namespace {

// Oldest first, at most $3 (NULL: LIMIT NULL is no limit), locked against concurrent revisions.
std::string select_sql(erasure_request::match by) {
  std::string sql = std::string("SELECT ") + event_columns +
                    ", (SELECT a.seq FROM alerts a WHERE a.event_seq = events.seq),"
                    " (SELECT a.status = 'open' FROM alerts a WHERE a.event_seq = events.seq),"
                    " seq FROM events WHERE ";
  switch (by) {
    case erasure_request::match::customer_id:
      sql += "customer_id = $1 AND $2::bigint IS NOT NULL";
      break;
    case erasure_request::match::author_id:
      sql += "author_id = $1 AND $2::bigint IS NOT NULL";
      break;
    case erasure_request::match::occurred_before:
      sql += "occurred_at_ms < $2 AND $1::text IS NOT NULL";
      break;
  }
  return sql + " ORDER BY occurred_at_ms LIMIT $3 FOR UPDATE";
}

// A PostgreSQL array literal of the ids: one parameter, however many rows go.
std::string array_literal(const std::vector<std::int64_t>& ids) {
  std::string text = "{";
  for (const std::int64_t id : ids) {
    text += (text.size() > 1 ? "," : "") + std::to_string(id);
  }
  return text + "}";
}

bool delete_victims(connection& db, const std::vector<std::int64_t>& events,
                    const std::vector<std::int64_t>& alerts, std::string& error) {
  const std::string alert_ids = array_literal(alerts);
  for (const char* sql : {"DELETE FROM outbox WHERE alert_seq = ANY($1::bigint[])",
                          "DELETE FROM dead_letters WHERE alert_seq = ANY($1::bigint[])"}) {
    const result done = db.run(sql, params().add(alert_ids));
    if (!done.ok()) {
      error = done.error();
      return false;
    }
  }
  const result done =
      db.run("DELETE FROM events WHERE seq = ANY($1::bigint[])", params().add(array_literal(events)));
  if (!done.ok()) {
    error = done.error();
    return false;
  }
  return true;
}

}  // namespace

erasure_result erase_events(connection& db, const erasure_request& request,
                            rollup_changes& rollups) {
  erasure_result answer;
  params values;
  values.add(request.value).add(request.before_ms);
  if (request.limit == 0) {
    values.add_null();
  } else {
    values.add(static_cast<std::int64_t>(request.limit));
  }
  const result rows = db.run(select_sql(request.by), values);
  if (!rows.ok()) {
    answer.error = "cannot erase: " + rows.error();
    return answer;
  }
  std::vector<std::int64_t> events, alerts;
  for (int row = 0; row < rows.rows(); ++row) {
    event stored;
    if (!read_event_row(rows, row, stored, answer.error)) {
      return answer;
    }
    const auto alert_seq = rows.optional_int64(row, event_column_count);
    const bool alert_open = alert_seq && rows.bool_at(row, event_column_count + 1);
    rollups.remove_erased(stored, alert_seq.has_value(), alert_open);
    events.push_back(rows.int64_at(row, event_column_count + 2));
    if (alert_seq) {
      alerts.push_back(*alert_seq);
    }
  }
  std::string error;
  if (!delete_victims(db, events, alerts, error)) {
    answer.error = "cannot erase: " + error;
    return answer;
  }
  answer.ok = true;
  answer.events = static_cast<std::int64_t>(events.size());
  answer.alerts = static_cast<std::int64_t>(alerts.size());
  return answer;
}

}  // namespace sentinelle::pg
