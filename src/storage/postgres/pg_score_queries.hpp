#pragma once

#include "storage/event_store.hpp"

namespace sentinelle::pg {

class connection;

// Scores as storage/score_queries.hpp computes them on SQLite — the same planner
// (rollups_can_answer), the same widening to whole hours, the same split of the range into
// whole days (daily rows) and edge hours (hourly rows), the same fallback over events — in
// PostgreSQL's SQL, inside one REPEATABLE READ read-only transaction (one snapshot).
score_answer compute_scores(connection& db, const score_query& query);

score_answer scores_from_rollups(connection& db, const score_query& query);
score_answer scores_from_events(connection& db, const score_query& query);

}  // namespace sentinelle::pg
