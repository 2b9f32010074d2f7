#include "storage/alert_writer.hpp"

#include "storage/rollup.hpp"

#include "storage/alert_row.hpp"
#include "storage/event_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {
namespace {

bool step_done(sqlite_connection& db, statement& command, std::string& error) {
  if (command.step() != SQLITE_DONE) {
    error = db.error_message();
    return false;
  }
  return true;
}

}  // namespace

alert alert_from_event(const event& stored, std::int64_t seq, std::int64_t created_at_ms) {
  alert raised;
  raised.seq = seq;
  raised.id = alert_id_for(seq);
  raised.created_at_ms = created_at_ms;
  raised.level = stored.alert_severity.value_or(severity::low);
  raised.reasons = stored.reasons;
  raised.event_kind = std::string(kind_name(stored.kind));
  raised.event_id = stored.id;
  raised.source = stored.source;
  raised.channel = stored.channel;
  raised.platform = stored.platform;
  raised.agent_id = stored.agent_id;
  raised.team_id = stored.team_id;
  raised.queue = stored.queue;
  raised.touchpoint = stored.touchpoint;
  raised.customer_id = stored.customer_id;
  raised.nps = stored.nps;
  raised.csat = stored.csat;
  raised.ces = stored.ces;
  raised.occurred_at_ms = stored.occurred_at_ms;
  raised.excerpt = stored.verbatim;
  raised.analysis_json = stored.analysis_json;
  return raised;
}

std::optional<std::int64_t> alert_writer::append_log(std::optional<std::int64_t> alert_seq,
                                                     std::string_view kind, std::int64_t at_ms,
                                                     std::string& error) {
  statement* insert =
      db_.prepare("INSERT INTO alert_log (alert_seq, kind, at_ms) VALUES (?1, ?2, ?3)", error);
  if (insert == nullptr) {
    return std::nullopt;
  }
  statement_use use(*insert);
  if (alert_seq) {
    insert->bind(1, *alert_seq);
  } else {
    insert->bind(1, std::optional<int>());
  }
  insert->bind(2, kind);
  insert->bind(3, at_ms);
  if (!step_done(db_, *insert, error)) {
    return std::nullopt;
  }
  return db_.last_insert_rowid();
}

std::optional<stream_record> alert_writer::raise(const event& stored, std::int64_t event_seq,
                                                 std::string& error) {
  const std::int64_t now = stored.received_at_ms;
  const auto seq = append_log(std::nullopt, "alert", now, error);
  if (!seq) {
    return std::nullopt;
  }
  statement* insert = db_.prepare(
      "INSERT INTO alerts (seq, event_seq, created_at_ms, severity, status, team_id, agent_id) "
      "VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6)",
      error);
  if (insert == nullptr) {
    return std::nullopt;
  }
  const severity level = stored.alert_severity.value_or(severity::low);
  {
    statement_use use(*insert);
    insert->bind(1, *seq);
    insert->bind(2, event_seq);
    insert->bind(3, now);
    insert->bind(4, static_cast<std::int64_t>(level));
    insert->bind(5, std::string_view(stored.team_id));
    insert->bind(6, std::string_view(stored.agent_id));
    if (!step_done(db_, *insert, error) || !queue_deliveries(*seq, level, now, error)) {
      return std::nullopt;
    }
  }
  return stream_record{*seq, stream_kind::alert, alert_from_event(stored, *seq, now)};
}

bool alert_writer::queue_deliveries(std::int64_t alert_seq, severity level, std::int64_t now_ms,
                                    std::string& error) {
  for (const planned_delivery& delivery : deliveries_for(routes_, alert_seq, level)) {
    statement* insert = db_.prepare(
        "INSERT INTO outbox (webhook_id, sink, alert_seq, created_at_ms, next_attempt_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?4)",
        error);
    if (insert == nullptr) {
      return false;
    }
    statement_use use(*insert);
    insert->bind(1, std::string_view(delivery.webhook_id));
    insert->bind(2, std::string_view(delivery.sink));
    insert->bind(3, alert_seq);
    insert->bind(4, now_ms);
    if (!step_done(db_, *insert, error)) {
      return false;
    }
  }
  return true;
}

std::optional<alert> alert_writer::load_alert(std::int64_t seq, std::string& error) {
  return sentinelle::load_alert(db_, seq, error);
}

std::optional<std::int64_t> alert_writer::log_update(const alert_change& change,
                                                     std::string& error) {
  return append_log(change.seq, "alert_update", change.at_ms, error);
}

bool alert_writer::store_change(const alert_change& change, std::string& error) {
  const bool acknowledge = change.action == alert_action::acknowledge;
  statement* update = db_.prepare(
      acknowledge ? "UPDATE alerts SET status = 'acknowledged', acknowledged_by = ?2, "
                    "acknowledged_at_ms = ?3 WHERE seq = ?1"
                  : "UPDATE alerts SET status = 'resolved', resolved_by = ?2, "
                    "resolved_at_ms = ?3, note = ?4 WHERE seq = ?1",
      error);
  if (update == nullptr) {
    return false;
  }
  statement_use use(*update);
  update->bind(1, change.seq);
  update->bind(2, std::string_view(change.by));
  update->bind(3, change.at_ms);
  if (!acknowledge) {
    update->bind(4, std::string_view(change.note));
  }
  return step_done(db_, *update, error);
}

}  // namespace sentinelle
