#pragma once

#include <string>

#include "storage/rollup.hpp"

namespace sentinelle::pg {

class connection;

// Adds a transaction's summed rollup changes to score_rollups and score_rollups_daily with
// INSERT … ON CONFLICT DO UPDATE, one statement per row. Rows go in key order (rollup_changes is
// a sorted map), so two instances updating the same rows lock them in the same order and wait
// for each other instead of deadlocking.
bool upsert_rollups(connection& db, const rollup_changes& changes, std::string& error);

}  // namespace sentinelle::pg
