#pragma once

#include <string>
#include <vector>

#include "storage/event.hpp"
#include "storage/postgres/pg_connection.hpp"

namespace sentinelle::pg {

// The parameters of an event's row, in the order of storage/event_row.hpp's `event_columns`
// (shared with SQLite, so the two schemas cannot name their columns differently).
void add_event_params(params& values, const event& stored);

// "$1, $2, … $n" for the event's columns.
std::string event_placeholders();

// Reads the event columns (in `event_columns` order) starting at column 0 of `row`, reasons
// included; false and `error` when the reasons are not a JSON array of strings.
bool read_event_row(const result& rows, int row, event& out, std::string& error);

// `["a","b"]` (the JSONB text of events.reasons) → its strings, in order.
bool decode_reasons_json(const std::string& json, std::vector<std::string>& reasons,
                         std::string& error);

}  // namespace sentinelle::pg
