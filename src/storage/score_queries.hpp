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

// Whether the aggregate over events is worth splitting in two (split_events_scan): it goes to
// the events and spans at least two days, so each half has a sizeable index range to read.
bool worth_splitting(const score_query& query);

// The aggregate over events in two halves of the range, split on the middle hour, read at
// once on `first` (a thread of its own) and `second` (this thread), then merged: on two cores
// a scan of months of events takes about half the time. Each half reads its own snapshot,
// begun microseconds apart (Debian's SQLite has no shared snapshots), so a commit landing in
// between can count in one half and not the other; each event is in exactly one half.
score_answer split_events_scan(sqlite_connection& first, sqlite_connection& second,
                               const score_query& query);

}  // namespace sentinelle
