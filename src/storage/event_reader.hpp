#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/event.hpp"

namespace sentinelle {

class sqlite_connection;

// The stored event of (kind, source, id), with its reasons; nullopt when there is none, or on
// error (then `error` is set).
std::optional<event> find_event(sqlite_connection& db, event_kind kind, const std::string& source,
                                const std::string& id, std::string& error);

// Decodes a JSON array of strings as `events.reasons` holds it, with SQLite's JSON functions.
bool decode_reasons(sqlite_connection& db, const std::string& json,
                    std::vector<std::string>& reasons, std::string& error);

// Stored events; nullopt (and `error`) on failure.
std::optional<std::int64_t> count_stored_events(sqlite_connection& db, std::string& error);

}  // namespace sentinelle
