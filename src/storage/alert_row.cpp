#include "storage/alert_row.hpp"

#include "storage/event_reader.hpp"
#include "storage/event_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {
namespace {

std::optional<int> optional_int(const statement& row, int column) {
  if (row.is_null(column)) {
    return std::nullopt;
  }
  return static_cast<int>(row.int64_at(column));
}

std::optional<std::int64_t> optional_ms(const statement& row, int column) {
  if (row.is_null(column)) {
    return std::nullopt;
  }
  return row.int64_at(column);
}

}  // namespace

std::string alert_select_sql(const std::string& prefix, const std::string& from) {
  return "SELECT " + prefix +
         "a.seq, a.created_at_ms, a.severity, a.status, a.acknowledged_by, a.acknowledged_at_ms, "
         "a.resolved_by, a.resolved_at_ms, a.note, e.kind, e.id, e.source, e.channel, "
         "e.platform, e.agent_id, e.team_id, e.queue, e.touchpoint, e.customer_id, e.nps, e.csat, "
         "e.ces, "
         "e.occurred_at_ms, e.verbatim, e.analysis_json, e.reasons "
         "FROM " + from + " JOIN events e ON e.seq = a.event_seq ";
}

bool read_alert(sqlite_connection& db, const statement& row, int first, alert& out,
                std::string& error) {
  int column = first;
  out.seq = row.int64_at(column++);
  out.id = alert_id_for(out.seq);
  out.created_at_ms = row.int64_at(column++);
  out.level = static_cast<severity>(row.int64_at(column++) & 3);
  out.status = parse_alert_status(row.text_at(column++)).value_or(alert_status::open);
  out.acknowledged_by = row.text_at(column++);
  out.acknowledged_at_ms = optional_ms(row, column++);
  out.resolved_by = row.text_at(column++);
  out.resolved_at_ms = optional_ms(row, column++);
  out.note = row.text_at(column++);
  for (std::string* text : {&out.event_kind, &out.event_id, &out.source, &out.channel,
                            &out.platform, &out.agent_id, &out.team_id, &out.queue,
                            &out.touchpoint, &out.customer_id}) {
    *text = row.text_at(column++);
  }
  for (std::optional<int>* answer : {&out.nps, &out.csat, &out.ces}) {
    *answer = optional_int(row, column++);
  }
  out.occurred_at_ms = row.int64_at(column++);
  out.excerpt = row.text_at(column++);
  out.analysis_json = analysis_json_at(row, column++);
  out.reasons.clear();
  return decode_reasons(db, row.text_at(column), out.reasons, error);
}

std::optional<alert> load_alert(sqlite_connection& db, std::int64_t seq, std::string& error) {
  statement* select = db.prepare(alert_select_sql() + "WHERE a.seq = ?1", error);
  if (select == nullptr) {
    return std::nullopt;
  }
  statement_use use(*select);
  select->bind(1, seq);
  const int code = select->step();
  if (code != SQLITE_ROW) {
    if (code != SQLITE_DONE) {
      error = "cannot read alert: " + db.error_message();
    }
    return std::nullopt;
  }
  alert found;
  if (!read_alert(db, *select, 0, found, error)) {
    return std::nullopt;
  }
  return found;
}

}  // namespace sentinelle
