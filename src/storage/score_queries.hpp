#pragma once

#include "storage/event_store.hpp"

namespace sentinelle {

class sqlite_connection;

// Scores are read from the rollups when they can answer the query — daily rows for the whole UTC
// days of the range, hourly rows for the partial days at its edges — and aggregated over
// `events` otherwise (storage/README.md). Both paths count exactly the same events:
// - from/to are widened to whole UTC hours (from rounded down, to rounded up), the hourly
//   rollups' grain, on both paths, so the answer never depends on the path taken;
// - an event without a value for the group_by dimension is in the total, in no group;
// - groups are ordered by key; sums only, so no NaN can appear (the caller divides).

// True when the rollups hold the answer: no filter, or one filter with a value and no group_by
// of another dimension.
bool rollups_can_answer(const score_query& query);

score_answer scores_from_rollups(sqlite_connection& db, const score_query& query);
score_answer scores_from_events(sqlite_connection& db, const score_query& query);

// The rollups when they can answer, else the aggregate over events.
score_answer compute_scores(sqlite_connection& db, const score_query& query);

}  // namespace sentinelle
