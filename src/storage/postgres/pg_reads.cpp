#include "storage/postgres/pg_reads.hpp"

#include "storage/alert_row.hpp"
#include "storage/event_row.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_event_row.hpp"

namespace sentinelle::pg {
namespace {

// The alert columns (storage/alert_row.hpp's order) from column `first` of `row`.
bool read_alert_row(const result& rows, int row, int first, alert& out, std::string& error) {
  int column = first;
  out.seq = rows.int64_at(row, column++);
  out.id = alert_id_for(out.seq);
  out.created_at_ms = rows.int64_at(row, column++);
  out.level = static_cast<severity>(rows.int64_at(row, column++) & 3);
  out.status = parse_alert_status(rows.text(row, column++)).value_or(alert_status::open);
  out.acknowledged_by = rows.text(row, column++);
  out.acknowledged_at_ms = rows.optional_int64(row, column++);
  out.resolved_by = rows.text(row, column++);
  out.resolved_at_ms = rows.optional_int64(row, column++);
  out.note = rows.text(row, column++);
  for (std::string* text : {&out.event_kind, &out.event_id, &out.source, &out.channel,
                            &out.platform, &out.agent_id, &out.team_id, &out.queue,
                            &out.touchpoint, &out.customer_id}) {
    *text = rows.text(row, column++);
  }
  for (std::optional<int>* answer : {&out.nps, &out.csat, &out.ces}) {
    *answer = rows.optional_int(row, column++);
  }
  out.occurred_at_ms = rows.int64_at(row, column++);
  out.excerpt = rows.text(row, column++);
  out.analysis_json = rows.text(row, column++);
  out.reasons.clear();
  return decode_reasons_json(rows.text(row, column), out.reasons, error);
}

// The list's WHERE clause with the filters that are set; parameters in a fixed order.
std::string list_sql(const alert_filter& filter) {
  std::string where = "WHERE a.severity >= $2";
  where += filter.status ? " AND a.status = $1" : " AND $1 = ''";
  where += filter.team_id.empty() ? " AND $3 = ''" : " AND a.team_id = $3";
  where += filter.agent_id.empty() ? " AND $4 = ''" : " AND a.agent_id = $4";
  where += filter.before_seq ? " AND a.seq < $5" : " AND $5 = 0";
  return alert_select_sql() + where + " ORDER BY a.seq DESC LIMIT $6";
}

}  // namespace

std::optional<event> find_event(connection& db, event_kind kind, const std::string& source,
                                const std::string& id, std::string& error) {
  // The alert the event raised comes in the same read (one snapshot).
  const result rows = db.run(std::string("SELECT ") + event_columns +
                                 ", (SELECT a.seq FROM alerts a WHERE a.event_seq = events.seq)"
                                 " FROM events WHERE kind = $1 AND source = $2 AND id = $3",
                             params().add(kind_name(kind)).add(source).add(id));
  if (!rows.ok()) {
    error = "cannot find event: " + rows.error();
    return std::nullopt;
  }
  if (rows.rows() == 0) {
    return std::nullopt;
  }
  event found;
  if (!read_event_row(rows, 0, found, error)) {
    return std::nullopt;
  }
  if (!rows.is_null(0, event_column_count)) {
    found.alert_id = alert_id_for(rows.int64_at(0, event_column_count));
  }
  return found;
}

std::optional<std::int64_t> count_events(connection& db, std::string& error) {
  const result rows = db.run("SELECT COUNT(*) FROM events");
  if (!rows.ok()) {
    error = "cannot count events: " + rows.error();
    return std::nullopt;
  }
  return rows.int64_at(0, 0);
}

std::optional<alert> load_alert(connection& db, std::int64_t seq, std::string& error) {
  const result rows = db.run(alert_select_sql() + "WHERE a.seq = $1", params().add(seq));
  if (!rows.ok()) {
    error = "cannot read alert: " + rows.error();
    return std::nullopt;
  }
  alert found;
  if (rows.rows() == 0 || !read_alert_row(rows, 0, 0, found, error)) {
    return std::nullopt;
  }
  return found;
}

alert_page list_alerts(connection& db, const alert_filter& filter) {
  alert_page page;
  const std::string status(filter.status ? alert_status_name(*filter.status) : "");
  // One more than asked: whether a next page exists is known without a second query.
  const result rows = db.run(list_sql(filter),
                             params()
                                 .add(std::string_view(status))
                                 .add(static_cast<std::int64_t>(filter.min_severity))
                                 .add(filter.team_id)
                                 .add(filter.agent_id)
                                 .add(filter.before_seq.value_or(0))
                                 .add(static_cast<std::int64_t>(filter.limit + 1)));
  if (!rows.ok()) {
    page.error = "cannot list alerts: " + rows.error();
    return page;
  }
  for (int row = 0; row < rows.rows(); ++row) {
    if (page.alerts.size() == filter.limit) {
      page.next_before_seq = page.alerts.back().seq;
      break;
    }
    alert found;
    if (!read_alert_row(rows, row, 0, found, page.error)) {
      return page;
    }
    page.alerts.push_back(std::move(found));
  }
  page.ok = true;
  return page;
}

bool replay_stream(connection& db, std::int64_t after_seq, std::size_t limit,
                   std::vector<stream_record>& records, std::string& error) {
  const result rows = db.run(
      alert_select_sql("l.seq, l.kind, ",
                       "alert_log l JOIN alerts a ON a.seq = COALESCE(l.alert_seq, l.seq)") +
          "WHERE l.seq > $1 ORDER BY l.seq LIMIT $2",
      params().add(after_seq).add(static_cast<std::int64_t>(limit)));
  if (!rows.ok()) {
    error = "cannot replay alerts: " + rows.error();
    return false;
  }
  for (int row = 0; row < rows.rows(); ++row) {
    stream_record record;
    record.seq = rows.int64_at(row, 0);
    record.kind = rows.text(row, 1) == "alert" ? stream_kind::alert : stream_kind::alert_update;
    if (!read_alert_row(rows, row, 2, record.subject, error)) {
      return false;
    }
    records.push_back(std::move(record));
  }
  return true;
}

}  // namespace sentinelle::pg
