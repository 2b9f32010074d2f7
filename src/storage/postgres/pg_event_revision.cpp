#include "storage/postgres/pg_event_revision.hpp"

#include "storage/event_row.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_event_row.hpp"

namespace sentinelle::pg {

std::optional<stored_event> event_reviser::load(const event& key, std::string& error) {
  const result rows = db_.run(
      std::string("SELECT ") + event_columns +
          ", seq, (SELECT a.seq FROM alerts a WHERE a.event_seq = events.seq), "
          "(SELECT a.status = 'resolved' FROM alerts a WHERE a.event_seq = events.seq) "
          "FROM events WHERE kind = $1 AND source = $2 AND id = $3 FOR UPDATE",
      params().add(kind_name(key.kind)).add(key.source).add(key.id));
  if (!rows.ok()) {
    error = "cannot read the stored event: " + rows.error();
    return std::nullopt;
  }
  if (rows.rows() == 0) {
    return std::nullopt;
  }
  stored_event row;
  if (!read_event_row(rows, 0, row.current, error)) {
    return std::nullopt;
  }
  row.seq = rows.int64_at(0, event_column_count);
  row.alert_seq = rows.optional_int64(0, event_column_count + 1);
  row.alert_resolved = row.alert_seq && rows.bool_at(0, event_column_count + 2);
  return row;
}

bool event_reviser::update_text(std::int64_t seq, const event& updated, std::string& error) {
  const result done = db_.run(
      "UPDATE events SET verbatim = $2, analysis_json = $3, sentiment_score = $4, "
      "negative_verbatim = $5, detractor = $6, reasons = $7 WHERE seq = $1",
      params()
          .add(seq)
          .add(updated.verbatim)
          .add(updated.analysis_json)
          .add(updated.sentiment_score)
          .add(updated.negative_verbatim)
          .add(updated.detractor)
          .add(std::string_view(reasons_json(updated))));
  if (!done.ok()) {
    error = done.error();
    return false;
  }
  return true;
}

}  // namespace sentinelle::pg
