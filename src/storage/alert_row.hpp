#pragma once

#include <optional>
#include <string>

#include "alerts/alert.hpp"

namespace sentinelle {

class sqlite_connection;
class statement;

// "SELECT <alert columns> FROM alerts a JOIN events e …": an alert is its row and its event's.
// Callers append WHERE / ORDER BY; extra leading columns go in `prefix` ("l.seq, l.kind, ") and
// `from` may join more tables as long as it names the alerts `a`.
std::string alert_select_sql(const std::string& prefix = "",
                             const std::string& from = "alerts a");
inline constexpr int alert_column_count = 25;

// Reads the alert columns starting at `first` of the current row (reasons decoded on `db`);
// false and `error` when the row cannot be read.
bool read_alert(sqlite_connection& db, const statement& row, int first, alert& out,
                std::string& error);

// The alert `seq` as stored now, on any connection of the store; nullopt when there is none
// (or on error, then `error` is set).
std::optional<alert> load_alert(sqlite_connection& db, std::int64_t seq, std::string& error);

}  // namespace sentinelle
