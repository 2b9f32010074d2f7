#include "storage/event_revision.hpp"

#include "storage/event_reader.hpp"
#include "storage/event_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {

std::optional<stored_event> event_reviser::load(const event& key, std::string& error) {
  std::optional<event> current = find_event(db_, key.kind, key.source, key.id, error);
  if (!current) {
    return std::nullopt;
  }
  statement* select = db_.prepare(
      "SELECT e.seq, a.seq, a.status = 'resolved' FROM events e "
      "LEFT JOIN alerts a ON a.event_seq = e.seq WHERE e.kind = ?1 AND e.source = ?2 AND e.id = ?3",
      error);
  if (select == nullptr) {
    return std::nullopt;
  }
  statement_use use(*select);
  select->bind(1, kind_name(key.kind));
  select->bind(2, std::string_view(key.source));
  select->bind(3, std::string_view(key.id));
  if (select->step() != SQLITE_ROW) {
    error = "cannot read the stored event: " + db_.error_message();
    return std::nullopt;
  }
  stored_event row{std::move(*current), select->int64_at(0), std::nullopt, false};
  if (!select->is_null(1)) {
    row.alert_seq = select->int64_at(1);
    row.alert_resolved = select->int64_at(2) != 0;
  }
  return row;
}

bool event_reviser::update_text(std::int64_t seq, const event& updated, std::string& error) {
  statement* update = db_.prepare(
      "UPDATE events SET verbatim = ?2, analysis_json = ?3, sentiment_score = ?4, "
      "negative_verbatim = ?5, detractor = ?6, reasons = ?7 WHERE seq = ?1",
      error);
  if (update == nullptr) {
    return false;
  }
  const std::string reasons = reasons_json(updated);
  statement_use use(*update);
  update->bind(1, seq);
  update->bind(2, std::string_view(updated.verbatim));
  bind_analysis(*update, 3, updated);
  update->bind(4, updated.sentiment_score);
  update->bind(5, std::int64_t{updated.negative_verbatim ? 1 : 0});
  update->bind(6, std::int64_t{updated.detractor ? 1 : 0});
  update->bind(7, std::string_view(reasons));
  if (update->step() != SQLITE_DONE) {
    error = db_.error_message();
    return false;
  }
  return true;
}

}  // namespace sentinelle
