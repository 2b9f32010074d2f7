#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/event_store.hpp"

namespace sentinelle {

// What both engines' score queries share (score_queries.cpp, postgres/pg_score_queries.cpp):
// the range of hours they read, its split into whole days and edge hours, the columns they
// select and how their rows fold into an answer. Only the SQL dialect is the engine's.

// The counters of score_totals, as the columns of both rollup tables name them, in the order
// both engines read and write them: rollup_integer_counters()'s, then sentiment_sum, the one
// double.
inline constexpr std::array<const char*, 14> rollup_counter_names = {
    "nps_promoters", "nps_passives",       "nps_detractors", "csat_responses", "csat_satisfied",
    "csat_sum",      "ces_responses",      "ces_easy",       "ces_sum",        "verbatims",
    "negative_verbatims", "alerts_total", "alerts_open",    "sentiment_sum"};

// The same names as one comma-separated column list, for SELECTs.
const std::string& rollup_counters();

// The upsert of one rollup row in `table`, keyed by (dimension, value, `bucket`) in the order of
// `conflict_target`, for both engines: parameter `mark`1 is the bucket, 2 the dimension, 3 the
// value, then the counters in rollup_counter_names' order (`mark`: '?' SQLite, '$' PostgreSQL).
std::string rollup_upsert_sql(std::string_view table, std::string_view bucket,
                              std::string_view conflict_target, char mark);

// The addition to a rollup row that exists, with the upsert's parameters: as an UPDATE it costs
// SQLite about half the upsert's work, which tries the INSERT, meets the conflict and seeks the
// row again (callgrind: ~14,500 instructions an upsert). Changes no row when there is none.
std::string rollup_update_sql(std::string_view table, std::string_view bucket, char mark);

// The sums of the rollup counters in column order, each 0 when no row matches; the double
// sentiment_sum is summed by `sentiment_sum` (the engines differ there: TOTAL vs COALESCE).
std::string rollup_sums(const std::string& sentiment_sum);

// Days since the epoch by floor division (`/` on integers truncates towards zero in both SQLs,
// so the numerator is made a multiple first).
inline constexpr const char* rollup_day = "(hour - ((hour % 24) + 24) % 24) / 24";
inline constexpr const char* event_day =
    "(e.occurred_at_ms - ((e.occurred_at_ms % 86400000) + 86400000) % 86400000) / 86400000";

// The query's range as whole hours [from, to): the rollups' grain, on both paths, so the answer
// never depends on the path taken. Clamped so that no arithmetic on far-away instants overflows.
std::pair<std::int64_t, std::int64_t> hour_range(const score_query& query);

// A rollup query's hour range, split so that whole UTC days are read from the daily rows (one
// row per day instead of 24) and only the partial days at the edges from the hourly rows. The
// three parts are disjoint and cover the range exactly; each hourly part lies within one day.
struct rollup_split {
  std::int64_t first_day = 0, end_day = 0;                // daily rows [first_day, end_day)
  std::int64_t head_from = 0, head_to = 0, head_day = 0;  // hourly rows before first_day
  std::int64_t tail_from = 0, tail_to = 0, tail_day = 0;  // hourly rows from end_day on
};

rollup_split split_range(const score_query& query);

// One row of a sums query: its key (a dimension's value, or a day number) and its sums.
struct sums_row {
  std::string key_text;
  std::int64_t key_number = 0;
  score_totals totals;
};

// The integer counters of `totals` in the order the sums columns select them (after the key);
// sentiment_sum, a double, comes last.
std::array<std::int64_t*, 13> counter_columns(score_totals& totals);

// The groups query over events: the engine's `sums` per value of the group_by dimension or per
// day, from `from_where` (FROM events e … WHERE …). Events without a value for the dimension
// make a '' row of their own: fold_events_answer counts them in the total, in no group.
std::string event_groups_sql(const score_query& query, const std::string& sums,
                             const std::string& from_where);

bool is_grouped(const score_query& query);
// Why `query` cannot be answered; empty when it can.
std::string score_query_problem(const score_query& query);

// Runs one sums query of the engine, appending its rows; false and `error` on failure.
using sums_runner = std::function<bool(std::vector<sums_row>& rows, std::string& error)>;

// The answer: the total from `run_total`, and when the query is grouped, the groups from
// `run_groups` (time groups fold days into weeks or months).
score_answer fold_score_answer(const score_query& query, const sums_runner& run_total,
                               const sums_runner& run_groups);

// The answer over events in one scan of the range instead of two: when grouped, the total is
// the sum of `run_all_groups`' rows (event_groups_sql: every event is in one row; the
// counters are additive), and the '' row is then dropped. Not grouped: `run_total`.
score_answer fold_events_answer(const score_query& query, const sums_runner& run_total,
                                const sums_runner& run_all_groups);

// The answer over the union of two disjoint ranges from the answers over each: the counters
// add up, groups with the same key (a week across both) merge, the order by key is kept.
// Fails when either failed.
score_answer merge_answers(score_answer first, const score_answer& second);

// A sums_runner for the engine's `run_sums(db, sums_query, rows, error)` on `query`.
template <typename Connection, typename SumsQuery>
sums_runner runner_of(Connection& db, const SumsQuery& query,
                      bool (*run_sums)(Connection&, const SumsQuery&, std::vector<sums_row>&,
                                       std::string&)) {
  return [&db, &query, run_sums](std::vector<sums_row>& rows, std::string& error) {
    return run_sums(db, query, rows, error);
  };
}

// The two folds with the engine's `run_sums`.
template <typename Connection, typename SumsQuery>
score_answer fold_score_answer(Connection& db, const score_query& query, const SumsQuery& total,
                               const SumsQuery& groups,
                               bool (*run_sums)(Connection&, const SumsQuery&,
                                                std::vector<sums_row>&, std::string&)) {
  return fold_score_answer(query, runner_of(db, total, run_sums), runner_of(db, groups, run_sums));
}

template <typename Connection, typename SumsQuery>
score_answer fold_events_answer(Connection& db, const score_query& query, const SumsQuery& total,
                                const SumsQuery& all_groups,
                                bool (*run_sums)(Connection&, const SumsQuery&,
                                                 std::vector<sums_row>&, std::string&)) {
  return fold_events_answer(query, runner_of(db, total, run_sums),
                            runner_of(db, all_groups, run_sums));
}

}  // namespace sentinelle
