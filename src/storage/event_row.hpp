#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "storage/event.hpp"

namespace sentinelle {

class statement;

// The columns of `events` that hold an event, in the order bind_event() and read_event() use:
// one list, so the writer and the reader cannot disagree.
extern const char* const event_columns;
inline constexpr int event_column_count = 31;

std::string_view kind_name(event_kind kind);
std::optional<event_kind> kind_from_name(std::string_view name);

// The reasons as a JSON array of strings, the form `events.reasons` holds.
std::string reasons_json(const event& stored);

// Binds parameters 1..event_column_count. `reasons` must outlive the step (bound without copy).
void bind_event(statement& insert, const event& stored, const std::string& reasons);

// Binds the event's analysis at `index`: its compact record as a BLOB when it has one
// (analyze/analysis_record.hpp), else its JSON text (an event the pipeline did not analyse).
void bind_analysis(statement& write, int index, const event& stored);

// The analysis in `column` as JSON, whichever form the row holds it in; empty when a record
// cannot be read (the event then shows no analysis rather than failing to load).
std::string analysis_json_at(const statement& row, int column);

// Reads columns 0..event_column_count-1 of the current row, except `reasons` (the caller decodes
// the JSON text of column event_column_count-1).
event read_event(const statement& row);

// Selected after event_columns from `events` (under that name): whether the event has an alert,
// and whether that alert is still open — what it counts in the rollups as it stands.
extern const char* const alert_state_columns;

// An event read back with its alert's state (event_columns, then alert_state_columns).
struct event_with_alert {
  event stored;
  bool has_alert = false;
  bool alert_open = false;
};
event_with_alert read_event_with_alert(const statement& row);

}  // namespace sentinelle
