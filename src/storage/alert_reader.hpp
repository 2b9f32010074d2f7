#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/event_store.hpp"

namespace sentinelle {

class sqlite_connection;

// GET /v1/alerts: newest first, filtered; one statement per filter combination (so each uses
// its index) prepared once per connection.
alert_page list_alerts(sqlite_connection& db, const alert_filter& filter);

// The console stream after `after_seq`: creations and changes in seq order, each with the
// alert's current state. Records whose alert was erased are skipped.
bool replay_stream(sqlite_connection& db, std::int64_t after_seq, std::size_t limit,
                   std::vector<stream_record>& records, std::string& error);

}  // namespace sentinelle
