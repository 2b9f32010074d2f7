#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/event_store.hpp"

namespace sentinelle::pg {

class connection;

// Reads of events and alerts, on any connection of the store (a reader's, or the writer's inside
// its transaction): the SQL of storage/alert_row.hpp shared with SQLite, PostgreSQL placeholders.
std::optional<event> find_event(connection& db, event_kind kind, const std::string& source,
                                const std::string& id, std::string& error);
std::optional<std::int64_t> count_events(connection& db, std::string& error);

std::optional<alert> load_alert(connection& db, std::int64_t seq, std::string& error);
alert_page list_alerts(connection& db, const alert_filter& filter);
bool replay_stream(connection& db, std::int64_t after_seq, std::size_t limit,
                   std::vector<stream_record>& records, std::string& error);

}  // namespace sentinelle::pg
