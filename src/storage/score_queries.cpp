#include "storage/score_queries.hpp"

#include <exception>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "storage/rollup.hpp"
#include "storage/score_rows.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {
namespace {

// The same counts as rollup::contribution(), computed over events `e` joined to their alerts `a`.
constexpr const char* event_sums =
    "COALESCE(SUM(nps >= 9), 0), COALESCE(SUM(nps BETWEEN 7 AND 8), 0), "
    "COALESCE(SUM(nps <= 6), 0), COUNT(csat), COALESCE(SUM(csat >= 4), 0), "
    "COALESCE(SUM(csat), 0), COUNT(ces), COALESCE(SUM(ces >= 5), 0), COALESCE(SUM(ces), 0), "
    "COUNT(sentiment_score), COALESCE(SUM(negative_verbatim), 0), COUNT(a.seq), "
    "COALESCE(SUM(a.status = 'open'), 0), TOTAL(sentiment_score)";

using sql_parameter = std::variant<std::int64_t, std::string>;

struct sums_query {
  std::string sql;
  std::vector<sql_parameter> parameters;
};

// The rollup rows of one dimension (and one value when `one_value`) in the split range, as
// (k, counters...). Parameters: ?1 value, ?2-?3 head and tail days (the ones a query may not
// use come first: binding past the last one used is an error), ?4 dimension, ?5-?6 whole days,
// ?7-?8 head hours, ?9-?10 tail hours.
std::string rollup_rows_sql(const std::string& hourly_key, const std::string& daily_key,
                            bool one_value) {
  const std::string value = one_value ? " AND value = ?1" : "";
  const auto hourly = [&](const char* from, const char* to, const char* day) {
    // Without a value, look the hours up per value that has a row that day: the key
    // (dimension, value, hour) then seeks, instead of reading every hour of the dimension.
    std::string values = value;
    if (!one_value) {
      values =
          " AND value IN (SELECT value FROM score_rollups_daily WHERE dimension = ?4 AND day = ";
      values += std::string(day) + ")";
    }
    return "SELECT " + hourly_key + " AS k, " + rollup_counters() +
           " FROM score_rollups WHERE dimension = ?4" + values + " AND hour >= " + from +
           " AND hour < " + to;
  };
  return hourly("?7", "?8", "?2") + " UNION ALL SELECT " + daily_key + " AS k, " + rollup_counters() +
         " FROM score_rollups_daily WHERE dimension = ?4" + value +
         " AND day >= ?5 AND day < ?6 UNION ALL " + hourly("?9", "?10", "?3");
}

// The events above the fold mark, which the rollups do not hold yet (storage/README.md,
// "Rollups"), as rows like the rollups' (k, counters...): at most a few thousand recent events,
// read by seq (NOT INDEXED keeps the planner off the time index, which a long range would read
// whole). `conditions` may use ?1, the filter's value; ?11-?12 are the range in ms.
std::string unfolded_rows_sql(const std::string& key, const std::string& conditions) {
  return "SELECT " + key + " AS k, " + event_sums +
         " FROM events e NOT INDEXED LEFT JOIN alerts a ON a.event_seq = e.seq"
         " WHERE e.seq > (SELECT folded_seq FROM rollup_watermark)"
         " AND e.occurred_at_ms >= ?11 AND e.occurred_at_ms < ?12" +
         conditions + " GROUP BY 1";
}

// `rows_sql` (the rollup rows and the unfolded events) summed per `select_key`.
sums_query rollup_sums_query(const std::string& select_key, const std::string& rows_sql,
                             const rollup_split& split, std::string_view dimension,
                             const std::string& value, std::pair<std::int64_t, std::int64_t> ms) {
  return {"SELECT " + select_key + ", " + rollup_sums("TOTAL(sentiment_sum)") + " FROM (" +
              rows_sql + ")",
          {value, split.head_day, split.tail_day, std::string(dimension), split.first_day,
           split.end_day, split.head_from, split.head_to, split.tail_from, split.tail_to, ms.first,
           ms.second}};
}

bool run_sums(sqlite_connection& db, const sums_query& query, std::vector<sums_row>& rows,
              std::string& error) {
  statement* select = db.prepare(query.sql, error);
  if (select == nullptr) {
    return false;
  }
  statement_use use(*select);
  int index = 0;
  for (const sql_parameter& parameter : query.parameters) {
    ++index;
    std::visit([&](const auto& value) { select->bind(index, value); }, parameter);
  }
  int code = SQLITE_ROW;
  while ((code = select->step()) == SQLITE_ROW) {
    sums_row& row = rows.emplace_back();
    row.key_text = select->text_at(0);
    row.key_number = select->int64_at(0);
    int column = 0;
    for (std::int64_t* count : counter_columns(row.totals)) {
      *count = select->int64_at(++column);
    }
    row.totals.sentiment_sum = select->double_at(++column);
  }
  if (code != SQLITE_DONE) {
    error = "scores query failed: " + db.error_message();
    return false;
  }
  return true;
}

// Ends the read transaction however the query ends: a pooled connection must not keep an old
// snapshot (it would serve stale scores and hold back WAL checkpoints).
class read_transaction {
 public:
  explicit read_transaction(sqlite_connection& db) : db_(db) {}
  ~read_transaction() {
    if (open_) {
      std::string ignored;  // read-only: ending it cannot lose anything
      db_.exec("COMMIT", ignored);
    }
  }
  read_transaction(const read_transaction&) = delete;
  read_transaction& operator=(const read_transaction&) = delete;

  bool begin(std::string& error) {
    open_ = db_.exec("BEGIN", error);
    return open_;
  }

 private:
  sqlite_connection& db_;
  bool open_ = false;
};

}  // namespace

bool rollups_can_answer(const score_query& query) {
  if (query.filters.empty()) {
    return true;
  }
  if (query.filters.size() > 1 || query.filters.front().second.empty()) {
    return false;  // rows hold one dimension each, and none for "no value"
  }
  return !query.group_by_dimension || *query.group_by_dimension == query.filters.front().first;
}

score_answer scores_from_rollups(sqlite_connection& db, const score_query& query) {
  const rollup_split split = split_range(query);
  const auto [from_hour, to_hour] = hour_range(query);
  const std::pair<std::int64_t, std::int64_t> ms{from_hour * ms_per_hour, to_hour * ms_per_hour};
  std::string_view dimension;
  std::string value;
  std::string filtered;  // the filter, on the unfolded events
  if (!query.filters.empty()) {
    dimension = dimension_name(query.filters.front().first);
    value = query.filters.front().second;
    filtered = " AND e." + std::string(dimension) + " = ?1";
  }
  const auto with_unfolded = [](const std::string& rollup_rows, const std::string& key,
                                const std::string& conditions) {
    return rollup_rows + " UNION ALL " + unfolded_rows_sql(key, conditions);
  };
  const sums_query total =
      rollup_sums_query("''", with_unfolded(rollup_rows_sql("''", "''", true), "''", filtered),
                        split, dimension, value, ms);
  sums_query groups;
  if (query.group_by_dimension) {
    // Rollup rows exist only for values; an event without one counts in the total alone.
    const std::string column = "e." + std::string(dimension_name(*query.group_by_dimension));
    groups = rollup_sums_query("k",
                               with_unfolded(rollup_rows_sql("value", "value", !value.empty()),
                                             column, filtered + " AND " + column + " <> ''"),
                               split, dimension_name(*query.group_by_dimension), value, ms);
  } else {
    groups = rollup_sums_query(
        "k", with_unfolded(rollup_rows_sql(rollup_day, "day", true), event_day, filtered), split,
        dimension, value, ms);
  }
  groups.sql += " GROUP BY 1 ORDER BY 1";
  return fold_score_answer(db, query, total, groups, run_sums);
}

score_answer scores_from_events(sqlite_connection& db, const score_query& query) {
  const auto [from_hour, to_hour] = hour_range(query);
  // An event has at most one alert (alerts.event_seq is UNIQUE): the join multiplies nothing.
  std::string where =
      " FROM events e LEFT JOIN alerts a ON a.event_seq = e.seq"
      " WHERE e.occurred_at_ms >= ?1 AND e.occurred_at_ms < ?2";
  sums_query total{"", {from_hour * ms_per_hour, to_hour * ms_per_hour}};
  for (const auto& [which, value] : query.filters) {
    total.parameters.emplace_back(value);
    where += " AND e." + std::string(dimension_name(which)) + " = ?" +
             std::to_string(total.parameters.size());
  }
  total.sql = std::string("SELECT '', ") + event_sums + where;
  sums_query groups = total;
  groups.sql = event_groups_sql(query, event_sums, where);
  return fold_events_answer(db, query, total, groups, run_sums);
}

score_answer compute_scores(sqlite_connection& db, const score_query& query) {
  if (std::string problem = score_query_problem(query); !problem.empty()) {
    score_answer answer;
    answer.error = std::move(problem);
    return answer;
  }
  // One read transaction, so that the total and the groups see the same commits.
  score_answer answer;
  read_transaction snapshot(db);
  if (!snapshot.begin(answer.error)) {
    return answer;
  }
  return rollups_can_answer(query) ? scores_from_rollups(db, query) : scores_from_events(db, query);
}

bool worth_splitting(const score_query& query) {
  constexpr std::int64_t minimum_hours = 48;
  const auto [from_hour, to_hour] = hour_range(query);
  return !rollups_can_answer(query) && score_query_problem(query).empty() &&
         to_hour - from_hour >= minimum_hours;
}

score_answer split_events_scan(sqlite_connection& first, sqlite_connection& second,
                               const score_query& query) {
  const auto [from_hour, to_hour] = hour_range(query);
  const std::int64_t middle_ms = (from_hour + (to_hour - from_hour) / 2) * ms_per_hour;
  score_query early = query;
  early.to_ms = middle_ms;
  score_query late = query;
  late.from_ms = middle_ms;
  // An exception in the thread would end the program; in either half it fails the answer.
  const auto half = [](sqlite_connection& db, const score_query& range) {
    try {
      return compute_scores(db, range);
    } catch (const std::exception& problem) {  // allocation failure while building a query
      score_answer failed;
      failed.error = std::string("scores: ") + problem.what();
      return failed;
    }
  };
  score_answer early_answer;
  std::thread reader([&] { early_answer = half(first, early); });
  const score_answer late_answer = half(second, late);
  reader.join();
  return merge_answers(std::move(early_answer), late_answer);
}

}  // namespace sentinelle
