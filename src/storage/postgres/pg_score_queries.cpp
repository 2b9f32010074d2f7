#include "storage/postgres/pg_score_queries.hpp"

#include <string_view>
#include <vector>

#include "storage/postgres/pg_connection.hpp"
#include "storage/rollup.hpp"
#include "storage/score_queries.hpp"
#include "storage/score_rows.hpp"

namespace sentinelle::pg {
namespace {

// The same counts as rollup::contribution(), over events `e` joined to their alerts `a`.
constexpr const char* event_sums =
    "COUNT(*) FILTER (WHERE nps >= 9), COUNT(*) FILTER (WHERE nps BETWEEN 7 AND 8), "
    "COUNT(*) FILTER (WHERE nps <= 6), COUNT(csat), COUNT(*) FILTER (WHERE csat >= 4), "
    "COALESCE(SUM(csat), 0), COUNT(ces), COUNT(*) FILTER (WHERE ces >= 5), "
    "COALESCE(SUM(ces), 0), COUNT(sentiment_score), COUNT(*) FILTER (WHERE negative_verbatim), "
    "COUNT(a.seq), COUNT(*) FILTER (WHERE a.status = 'open'), "
    "COALESCE(SUM(sentiment_score), 0)";

// SQL and its parameters built together: each value is added once and named by its `$n`, so a
// query only declares the parameters it uses (PostgreSQL must infer every one's type).
struct sums_query {
  std::string sql;
  params values;
  std::string add(std::int64_t value) {
    values.add(value);
    return values.last_placeholder();
  }
  std::string add(std::string_view text) {
    values.add(text);
    return values.last_placeholder();
  }
};

// The rows (k, counters…) of one dimension — and one value when `value` is set — in the split.
std::string rollup_rows_sql(sums_query& query, const rollup_split& split,
                            const std::string& hourly_key, const std::string& daily_key,
                            std::string_view dimension, const std::optional<std::string>& value) {
  const std::string dim = query.add(dimension);
  const std::string value_clause = value ? " AND value = " + query.add(*value) : "";
  const auto hourly = [&](std::int64_t from, std::int64_t to, std::int64_t day) {
    // Without a value, the hours are looked up per value that has a daily row that day: seeks
    // on (dimension, value, hour) instead of every hour of the dimension.
    std::string values = value_clause;
    if (!value) {
      values = " AND value IN (SELECT value FROM score_rollups_daily WHERE dimension = " + dim +
               " AND day = " + query.add(day) + ")";
    }
    return "SELECT " + hourly_key + " AS k, " + rollup_counters() +
           " FROM score_rollups WHERE dimension = " + dim + values +
           " AND hour >= " + query.add(from) + " AND hour < " + query.add(to);
  };
  std::string sql = hourly(split.head_from, split.head_to, split.head_day);
  sql += " UNION ALL SELECT " + daily_key + " AS k, " + rollup_counters() +
         " FROM score_rollups_daily WHERE dimension = " + dim + value_clause +
         " AND day >= " + query.add(split.first_day) + " AND day < " + query.add(split.end_day);
  return sql + " UNION ALL " + hourly(split.tail_from, split.tail_to, split.tail_day);
}

sums_query rollup_sums_query(const std::string& select_key, const std::string& hourly_key,
                             const std::string& daily_key, const rollup_split& split,
                             std::string_view dimension, const std::optional<std::string>& value) {
  sums_query query;
  const std::string rows = rollup_rows_sql(query, split, hourly_key, daily_key, dimension, value);
  query.sql = "SELECT " + select_key + ", " + rollup_sums("COALESCE(SUM(sentiment_sum), 0)") +
              " FROM (" + rows + ") r";
  return query;
}

bool run_sums(connection& db, const sums_query& query, std::vector<sums_row>& rows,
              std::string& error) {
  const result found = db.run(query.sql, query.values);
  if (!found.ok()) {
    error = "scores query failed: " + found.error();
    return false;
  }
  for (int row = 0; row < found.rows(); ++row) {
    sums_row& out = rows.emplace_back();
    out.key_text = found.text(row, 0);
    out.key_number = found.int64_at(row, 0);
    int column = 0;
    for (std::int64_t* count : counter_columns(out.totals)) {
      *count = found.int64_at(row, ++column);
    }
    out.totals.sentiment_sum = found.double_at(row, ++column);
  }
  return true;
}

}  // namespace

score_answer scores_from_rollups(connection& db, const score_query& query) {
  const rollup_split split = split_range(query);
  std::string_view dimension;
  std::optional<std::string> value = std::string();  // the total row: dimension '' value ''
  if (!query.filters.empty()) {
    dimension = dimension_name(query.filters.front().first);
    value = query.filters.front().second;
  }
  const sums_query total = rollup_sums_query("''", "''", "''", split, dimension, value);
  sums_query groups;
  if (query.group_by_dimension) {
    const std::optional<std::string> one = query.filters.empty() ? std::nullopt : value;
    groups = rollup_sums_query("k", "value", "value", split,
                               dimension_name(*query.group_by_dimension), one);
  } else {
    groups = rollup_sums_query("k", rollup_day, "day", split, dimension, value);
  }
  groups.sql += " GROUP BY 1 ORDER BY 1";
  return fold_score_answer(db, query, total, groups, run_sums);
}

score_answer scores_from_events(connection& db, const score_query& query) {
  const auto [from_hour, to_hour] = hour_range(query);
  sums_query total;
  // An event has at most one alert (alerts.event_seq is UNIQUE): the join multiplies nothing.
  std::string where = " FROM events e LEFT JOIN alerts a ON a.event_seq = e.seq"
                      " WHERE e.occurred_at_ms >= " + total.add(from_hour * ms_per_hour) +
                      " AND e.occurred_at_ms < " + total.add(to_hour * ms_per_hour);
  for (const auto& [which, value] : query.filters) {
    where += " AND e." + std::string(dimension_name(which)) + " = " + total.add(value);
  }
  total.sql = std::string("SELECT '', ") + event_sums + where;
  sums_query groups = total;
  groups.sql = event_groups_sql(query, event_sums, where);
  return fold_events_answer(db, query, total, groups, run_sums);
}

score_answer compute_scores(connection& db, const score_query& query) {
  score_answer answer;
  answer.error = score_query_problem(query);
  if (!answer.error.empty()) {
    return answer;
  }
  // One snapshot, so that the total and the groups see the same commits.
  if (!db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", answer.error)) {
    return answer;
  }
  answer = rollups_can_answer(query) ? scores_from_rollups(db, query)
                                     : scores_from_events(db, query);
  std::string ignored;  // read-only: ending it cannot lose anything
  db.exec(answer.ok ? "COMMIT" : "ROLLBACK", ignored);
  return answer;
}

}  // namespace sentinelle::pg
