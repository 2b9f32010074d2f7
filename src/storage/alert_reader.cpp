#include "storage/alert_reader.hpp"

#include "storage/alert_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {
namespace {

// The WHERE clause of the filters that are set, with numbered parameters in a fixed order:
// ?1 status, ?2 severity, ?3 team, ?4 agent, ?5 cursor, ?6 limit.
std::string list_sql(const alert_filter& filter) {
  std::string where = "WHERE a.severity >= ?2";
  if (filter.status) {
    where += " AND a.status = ?1";
  }
  if (!filter.team_id.empty()) {
    where += " AND a.team_id = ?3";
  }
  if (!filter.agent_id.empty()) {
    where += " AND a.agent_id = ?4";
  }
  if (filter.before_seq) {
    where += " AND a.seq < ?5";
  }
  return alert_select_sql() + where + " ORDER BY a.seq DESC LIMIT ?6";
}

}  // namespace

alert_page list_alerts(sqlite_connection& db, const alert_filter& filter) {
  alert_page page;
  statement* select = db.prepare(list_sql(filter), page.error);
  if (select == nullptr) {
    return page;
  }
  statement_use use(*select);
  const std::string status(filter.status ? alert_status_name(*filter.status) : "");
  select->bind(1, std::string_view(status));
  select->bind(2, static_cast<std::int64_t>(filter.min_severity));
  select->bind(3, std::string_view(filter.team_id));
  select->bind(4, std::string_view(filter.agent_id));
  select->bind(5, filter.before_seq.value_or(0));
  // One more than asked: whether a next page exists is known without a second query.
  select->bind(6, static_cast<std::int64_t>(filter.limit + 1));
  int code = SQLITE_ROW;
  while ((code = select->step()) == SQLITE_ROW) {
    if (page.alerts.size() == filter.limit) {
      page.next_before_seq = page.alerts.back().seq;
      break;
    }
    alert found;
    if (!read_alert(db, *select, 0, found, page.error)) {
      return page;
    }
    page.alerts.push_back(std::move(found));
  }
  if (code != SQLITE_ROW && code != SQLITE_DONE) {
    page.error = "cannot list alerts: " + db.error_message();
    return page;
  }
  page.ok = true;
  return page;
}

bool replay_stream(sqlite_connection& db, std::int64_t after_seq, std::size_t limit,
                   std::vector<stream_record>& records, std::string& error) {
  statement* select = db.prepare(
      alert_select_sql("l.seq, l.kind, ",
                       "alert_log l JOIN alerts a ON a.seq = COALESCE(l.alert_seq, l.seq)") +
          "WHERE l.seq > ?1 ORDER BY l.seq LIMIT ?2",
      error);
  if (select == nullptr) {
    return false;
  }
  statement_use use(*select);
  select->bind(1, after_seq);
  select->bind(2, static_cast<std::int64_t>(limit));
  int code = SQLITE_ROW;
  while ((code = select->step()) == SQLITE_ROW) {
    stream_record record;
    record.seq = select->int64_at(0);
    record.kind = select->text_at(1) == "alert" ? stream_kind::alert : stream_kind::alert_update;
    if (!read_alert(db, *select, 2, record.subject, error)) {
      return false;
    }
    records.push_back(std::move(record));
  }
  if (code != SQLITE_DONE) {
    error = "cannot replay alerts: " + db.error_message();
    return false;
  }
  return true;
}

}  // namespace sentinelle
