#include "storage/postgres/pg_score_queries.hpp"

#include <algorithm>
#include <limits>
#include <string_view>
#include <vector>

#include "storage/postgres/pg_connection.hpp"
#include "storage/rollup.hpp"
#include "storage/score_queries.hpp"
#include "storage/time_keys.hpp"

namespace sentinelle::pg {
namespace {

constexpr const char* rollup_sums =
    "COALESCE(SUM(nps_promoters), 0), COALESCE(SUM(nps_passives), 0), "
    "COALESCE(SUM(nps_detractors), 0), COALESCE(SUM(csat_responses), 0), "
    "COALESCE(SUM(csat_satisfied), 0), COALESCE(SUM(csat_sum), 0), "
    "COALESCE(SUM(ces_responses), 0), COALESCE(SUM(ces_easy), 0), COALESCE(SUM(ces_sum), 0), "
    "COALESCE(SUM(verbatims), 0), COALESCE(SUM(negative_verbatims), 0), "
    "COALESCE(SUM(alerts_total), 0), COALESCE(SUM(alerts_open), 0), "
    "COALESCE(SUM(sentiment_sum), 0)";

// The same counts as rollup::contribution(), over events `e` joined to their alerts `a`.
constexpr const char* event_sums =
    "COUNT(*) FILTER (WHERE nps >= 9), COUNT(*) FILTER (WHERE nps BETWEEN 7 AND 8), "
    "COUNT(*) FILTER (WHERE nps <= 6), COUNT(csat), COUNT(*) FILTER (WHERE csat >= 4), "
    "COALESCE(SUM(csat), 0), COUNT(ces), COUNT(*) FILTER (WHERE ces >= 5), "
    "COALESCE(SUM(ces), 0), COUNT(sentiment_score), COUNT(*) FILTER (WHERE negative_verbatim), "
    "COUNT(a.seq), COUNT(*) FILTER (WHERE a.status = 'open'), "
    "COALESCE(SUM(sentiment_score), 0)";

constexpr const char* rollup_counters =
    "nps_promoters, nps_passives, nps_detractors, csat_responses, csat_satisfied, csat_sum, "
    "ces_responses, ces_easy, ces_sum, verbatims, negative_verbatims, alerts_total, alerts_open, "
    "sentiment_sum";

// Days since the epoch by floor division (`/` on integers truncates towards zero, and the
// numerator is made a multiple first), in bigint arithmetic.
constexpr const char* rollup_day = "(hour - ((hour % 24) + 24) % 24) / 24";
constexpr const char* event_day =
    "(e.occurred_at_ms - ((e.occurred_at_ms % 86400000) + 86400000) % 86400000) / 86400000";

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

// Hours [from, to) of the query, clamped so no arithmetic on far-away instants overflows.
std::pair<std::int64_t, std::int64_t> hour_range(const score_query& query) {
  constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 4;
  const std::int64_t from = std::clamp(query.from_ms, -limit, limit);
  const std::int64_t to = std::clamp(query.to_ms, -limit, limit);
  return {hour_of(from), ceil_div(to, ms_per_hour)};
}

// Whole days from the daily rows, the partial days at the edges from the hourly rows: three
// disjoint parts covering the range exactly (storage/score_queries.cpp explains the split).
struct rollup_split {
  std::int64_t first_day = 0, end_day = 0;
  std::int64_t head_from = 0, head_to = 0, head_day = 0;
  std::int64_t tail_from = 0, tail_to = 0, tail_day = 0;
};

rollup_split split_range(const score_query& query) {
  const auto [from_hour, to_hour] = hour_range(query);
  rollup_split split;
  split.first_day = ceil_div(from_hour, 24);
  split.end_day = floor_div(to_hour, 24);
  split.head_from = from_hour;
  split.head_to = std::min(to_hour, split.first_day * 24);
  split.head_day = day_of_hour(split.head_from);
  split.tail_from = std::max(split.head_to, split.end_day * 24);
  split.tail_to = to_hour;
  split.tail_day = day_of_hour(split.tail_from);
  return split;
}

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
    return "SELECT " + hourly_key + " AS k, " + rollup_counters +
           " FROM score_rollups WHERE dimension = " + dim + values +
           " AND hour >= " + query.add(from) + " AND hour < " + query.add(to);
  };
  std::string sql = hourly(split.head_from, split.head_to, split.head_day);
  sql += " UNION ALL SELECT " + daily_key + " AS k, " + rollup_counters +
         " FROM score_rollups_daily WHERE dimension = " + dim + value_clause +
         " AND day >= " + query.add(split.first_day) + " AND day < " + query.add(split.end_day);
  return sql + " UNION ALL " + hourly(split.tail_from, split.tail_to, split.tail_day);
}

sums_query rollup_sums_query(const std::string& select_key, const std::string& hourly_key,
                             const std::string& daily_key, const rollup_split& split,
                             std::string_view dimension, const std::optional<std::string>& value) {
  sums_query query;
  const std::string rows = rollup_rows_sql(query, split, hourly_key, daily_key, dimension, value);
  query.sql = "SELECT " + select_key + ", " + rollup_sums + " FROM (" + rows + ") r";
  return query;
}

struct sums_row {
  std::string key_text;
  std::int64_t key_number = 0;
  score_totals totals;
};

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
    for (std::int64_t* count :
         {&out.totals.nps_promoters, &out.totals.nps_passives, &out.totals.nps_detractors,
          &out.totals.csat_responses, &out.totals.csat_satisfied, &out.totals.csat_sum,
          &out.totals.ces_responses, &out.totals.ces_easy, &out.totals.ces_sum,
          &out.totals.verbatims, &out.totals.negative_verbatims, &out.totals.alerts_total,
          &out.totals.alerts_open}) {
      *count = found.int64_at(row, ++column);
    }
    out.totals.sentiment_sum = found.double_at(row, ++column);
  }
  return true;
}

// Grouped rows → the answer's groups; days fold into weeks or months (rows come in day order).
void fill_groups(const score_query& query, std::vector<sums_row>& rows, score_answer& answer) {
  for (sums_row& row : rows) {
    std::string key = query.group_by_time ? time_bucket_key(row.key_number, *query.group_by_time)
                                          : std::move(row.key_text);
    if (!answer.groups.empty() && answer.groups.back().key == key) {
      add_totals(answer.groups.back(), row.totals);
      continue;
    }
    row.totals.key = std::move(key);
    answer.groups.push_back(std::move(row.totals));
  }
}

score_answer run_answer(connection& db, const score_query& query, const sums_query& total,
                        const sums_query* groups) {
  score_answer answer;
  std::vector<sums_row> rows;
  if (!run_sums(db, total, rows, answer.error)) {
    return answer;
  }
  if (!rows.empty()) {
    answer.total = rows.front().totals;
  }
  rows.clear();
  if (groups != nullptr) {
    if (!run_sums(db, *groups, rows, answer.error)) {
      return answer;
    }
    fill_groups(query, rows, answer);
  }
  answer.ok = true;
  return answer;
}

bool is_grouped(const score_query& query) {
  return query.group_by_dimension.has_value() || query.group_by_time.has_value();
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
  return run_answer(db, query, total, is_grouped(query) ? &groups : nullptr);
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
  if (query.group_by_dimension) {
    const std::string column = "e." + std::string(dimension_name(*query.group_by_dimension));
    groups.sql = "SELECT " + column + ", " + event_sums + where + " AND " + column + " <> ''";
  } else {
    groups.sql = std::string("SELECT ") + event_day + ", " + event_sums + where;
  }
  groups.sql += " GROUP BY 1 ORDER BY 1";
  return run_answer(db, query, total, is_grouped(query) ? &groups : nullptr);
}

score_answer compute_scores(connection& db, const score_query& query) {
  score_answer answer;
  if (query.group_by_dimension && query.group_by_time) {
    answer.error = "scores: group by a dimension or by time, not both";
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
