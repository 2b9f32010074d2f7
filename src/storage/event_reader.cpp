#include "storage/event_reader.hpp"

#include "alerts/alert.hpp"
#include "storage/event_row.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {

// Decodes the JSON array of `events.reasons` with SQLite's own JSON functions, so the reader
// needs no JSON parser of its own for one list of words.
bool decode_reasons(sqlite_connection& db, const std::string& json,
                    std::vector<std::string>& reasons, std::string& error) {
  statement* each = db.prepare("SELECT value FROM json_each(?1) ORDER BY key", error);
  if (each == nullptr) {
    return false;
  }
  statement_use use(*each);
  each->bind(1, std::string_view(json));
  int code = SQLITE_ROW;
  while ((code = each->step()) == SQLITE_ROW) {
    reasons.push_back(each->text_at(0));
  }
  if (code != SQLITE_DONE) {
    error = "cannot read reasons: " + db.error_message();
    return false;
  }
  return true;
}

std::optional<event> find_event(sqlite_connection& db, event_kind kind, const std::string& source,
                                const std::string& id, std::string& error) {
  // The alert the event raised comes in the same read (one snapshot).
  statement* select = db.prepare(
      std::string("SELECT ") + event_columns +
          ", (SELECT a.seq FROM alerts a WHERE a.event_seq = events.seq)"
          " FROM events WHERE kind = ?1 AND source = ?2 AND id = ?3",
      error);
  if (select == nullptr) {
    return std::nullopt;
  }
  statement_use use(*select);
  select->bind(1, kind_name(kind));
  select->bind(2, std::string_view(source));
  select->bind(3, std::string_view(id));
  const int code = select->step();
  if (code == SQLITE_DONE) {
    return std::nullopt;
  }
  if (code != SQLITE_ROW) {
    error = "cannot find event: " + db.error_message();
    return std::nullopt;
  }
  event found = read_event(*select);
  if (!select->is_null(event_column_count)) {
    found.alert_id = alert_id_for(select->int64_at(event_column_count));
  }
  if (!decode_reasons(db, select->text_at(event_column_count - 1), found.reasons, error)) {
    return std::nullopt;
  }
  return found;
}

std::optional<std::int64_t> count_stored_events(sqlite_connection& db, std::string& error) {
  statement* count = db.prepare("SELECT COUNT(*) FROM events", error);
  if (count == nullptr) {
    return std::nullopt;
  }
  statement_use use(*count);
  if (count->step() != SQLITE_ROW) {
    error = "cannot count events: " + db.error_message();
    return std::nullopt;
  }
  return count->int64_at(0);
}

}  // namespace sentinelle
