#include "storage/postgres/pg_alert_writer.hpp"

#include "storage/alert_writer.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_reads.hpp"
#include "storage/rollup.hpp"

namespace sentinelle::pg {
std::optional<stream_record> alert_writer::raise(const event& stored, std::int64_t event_seq,
                                                 std::string& error) {
  const std::int64_t now = stored.received_at_ms;
  const severity level = stored.alert_severity.value_or(severity::low);
  // The log row and the alert in one round trip: the alert's seq is its creation's log seq.
  const result raised = db_.run(
      "WITH logged AS (INSERT INTO alert_log (alert_seq, kind, at_ms) VALUES (NULL, 'alert', $1) "
      "RETURNING seq) "
      "INSERT INTO alerts (seq, event_seq, created_at_ms, severity, status, team_id, agent_id) "
      "SELECT seq, $2, $1, $3, 'open', $4, $5 FROM logged RETURNING seq",
      params()
          .add(now)
          .add(event_seq)
          .add(static_cast<std::int64_t>(level))
          .add(stored.team_id)
          .add(stored.agent_id));
  if (!raised.ok() || raised.rows() != 1) {
    error = raised.ok() ? "the alert was not inserted" : raised.error();
    return std::nullopt;
  }
  const std::int64_t seq = raised.int64_at(0, 0);
  if (!queue_deliveries(seq, level, now, error)) {
    return std::nullopt;
  }
  return stream_record{seq, stream_kind::alert, alert_from_event(stored, seq, now)};
}

bool alert_writer::queue_deliveries(std::int64_t alert_seq, severity level, std::int64_t now_ms,
                                    std::string& error) {
  for (const planned_delivery& delivery : deliveries_for(routes_, alert_seq, level)) {
    const result inserted = db_.run(
        "INSERT INTO outbox (webhook_id, sink, alert_seq, created_at_ms, next_attempt_ms) "
        "VALUES ($1, $2, $3, $4, $4)",
        params().add(delivery.webhook_id).add(delivery.sink).add(alert_seq).add(now_ms));
    if (!inserted.ok()) {
      error = inserted.error();
      return false;
    }
  }
  return true;
}

std::optional<alert> alert_writer::load_alert(std::int64_t seq, std::string& error) {
  return pg::load_alert(db_, seq, error);
}

std::optional<std::int64_t> alert_writer::log_update(const alert_change& change,
                                                     std::string& error) {
  const result logged = db_.run(
      "INSERT INTO alert_log (alert_seq, kind, at_ms) VALUES ($1, 'alert_update', $2) "
      "RETURNING seq",
      params().add(change.seq).add(change.at_ms));
  if (!logged.ok()) {
    error = logged.error();
    return std::nullopt;
  }
  return logged.int64_at(0, 0);
}

bool alert_writer::store_change(const alert_change& change, std::string& error) {
  const bool acknowledge = change.action == alert_action::acknowledge;
  params values;
  values.add(change.seq).add(change.by).add(change.at_ms);
  if (!acknowledge) {
    values.add(change.note);
  }
  const result updated = db_.run(acknowledge
                                     ? "UPDATE alerts SET status = 'acknowledged', "
                                       "acknowledged_by = $2, acknowledged_at_ms = $3 "
                                       "WHERE seq = $1"
                                     : "UPDATE alerts SET status = 'resolved', resolved_by = $2, "
                                       "resolved_at_ms = $3, note = $4 WHERE seq = $1",
                                 values);
  if (!updated.ok()) {
    error = updated.error();
    return false;
  }
  return true;
}

}  // namespace sentinelle::pg
