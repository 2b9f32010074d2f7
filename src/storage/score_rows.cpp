#include "storage/score_rows.hpp"

#include <algorithm>
#include <functional>
#include <limits>

#include "storage/rollup.hpp"
#include "storage/time_keys.hpp"

namespace sentinelle {
namespace {

// Turns grouped rows into the answer's groups; time groups fold days into weeks or months
// (rows come ordered by day, so equal keys are adjacent).
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

}  // namespace

const std::string& rollup_counters() {
  static const std::string list = [] {
    std::string joined;
    for (const char* counter : rollup_counter_names) {
      joined += (joined.empty() ? "" : ", ") + std::string(counter);
    }
    return joined;
  }();
  return list;
}

namespace {

// "c1 = <row>.c1 + <added c1>, c2 = …" over the counters; `added` gives the i-th counter's
// addend (the counters' parameters follow the key's three).
std::string rollup_additions(std::string_view row,
                             const std::function<std::string(std::size_t, const char*)>& added) {
  std::string additions;
  for (std::size_t i = 0; i < rollup_counter_names.size(); ++i) {
    const char* counter = rollup_counter_names[i];
    additions += (additions.empty() ? "" : ", ") + std::string(counter) + " = " + std::string(row) +
                 counter + " + " + added(i, counter);
  }
  return additions;
}

std::string parameter(char mark, std::size_t number) {
  return mark + std::to_string(number);
}

}  // namespace

std::string rollup_upsert_sql(std::string_view table, std::string_view bucket,
                              std::string_view conflict_target, char mark) {
  const std::string target(table);
  std::string columns = std::string(bucket) + ", dimension, value";
  std::string placeholders =
      parameter(mark, 1) + ", " + parameter(mark, 2) + ", " + parameter(mark, 3);
  for (std::size_t i = 0; i < rollup_counter_names.size(); ++i) {
    columns += std::string(", ") + rollup_counter_names[i];
    placeholders += ", " + parameter(mark, i + 4);
  }
  return "INSERT INTO " + target + " (" + columns + ") VALUES (" + placeholders +
         ") ON CONFLICT (" + std::string(conflict_target) + ") DO UPDATE SET " +
         rollup_additions(target + ".", [](std::size_t, const char* counter) {
           return "EXCLUDED." + std::string(counter);
         });
}

std::string rollup_update_sql(std::string_view table, std::string_view bucket, char mark) {
  return "UPDATE " + std::string(table) + " SET " +
         rollup_additions("",
                          [mark](std::size_t i, const char*) { return parameter(mark, i + 4); }) +
         " WHERE " + std::string(bucket) + " = " + parameter(mark, 1) +
         " AND dimension = " + parameter(mark, 2) + " AND value = " + parameter(mark, 3);
}

std::string rollup_sums(const std::string& sentiment_sum) {
  std::string sums;
  for (std::size_t i = 0; i + 1 < rollup_counter_names.size(); ++i) {  // all but sentiment_sum
    sums += std::string("COALESCE(SUM(") + rollup_counter_names[i] + "), 0), ";
  }
  return sums + sentiment_sum;
}

std::pair<std::int64_t, std::int64_t> hour_range(const score_query& query) {
  constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 4;
  const std::int64_t from = std::clamp(query.from_ms, -limit, limit);
  const std::int64_t to = std::clamp(query.to_ms, -limit, limit);
  return {hour_of(from), ceil_div(to, ms_per_hour)};
}

rollup_split split_range(const score_query& query) {
  const auto [from_hour, to_hour] = hour_range(query);
  rollup_split split;
  split.first_day = ceil_div(from_hour, 24);
  split.end_day = floor_div(to_hour, 24);  // end_day <= first_day: no whole day, daily part empty
  split.head_from = from_hour;
  split.head_to = std::min(to_hour, split.first_day * 24);
  split.head_day = day_of_hour(split.head_from);
  split.tail_from = std::max(split.head_to, split.end_day * 24);
  split.tail_to = to_hour;
  split.tail_day = day_of_hour(split.tail_from);
  return split;
}

std::array<std::int64_t*, 13> counter_columns(score_totals& totals) {
  return {&totals.nps_promoters,  &totals.nps_passives,       &totals.nps_detractors,
          &totals.csat_responses, &totals.csat_satisfied,     &totals.csat_sum,
          &totals.ces_responses,  &totals.ces_easy,           &totals.ces_sum,
          &totals.verbatims,      &totals.negative_verbatims, &totals.alerts_total,
          &totals.alerts_open};
}

std::string event_groups_sql(const score_query& query, const std::string& sums,
                             const std::string& from_where) {
  std::string sql;
  if (query.group_by_dimension) {
    const std::string column = "e." + std::string(dimension_name(*query.group_by_dimension));
    sql = "SELECT " + column + ", " + sums + from_where;
  } else {
    sql = std::string("SELECT ") + event_day + ", " + sums + from_where;
  }
  return sql + " GROUP BY 1 ORDER BY 1";
}

bool is_grouped(const score_query& query) {
  return query.group_by_dimension.has_value() || query.group_by_time.has_value();
}

std::string score_query_problem(const score_query& query) {
  if (query.group_by_dimension && query.group_by_time) {
    return "scores: group by a dimension or by time, not both";
  }
  return {};
}

score_answer fold_score_answer(const score_query& query, const sums_runner& run_total,
                               const sums_runner& run_groups) {
  score_answer answer;
  std::vector<sums_row> rows;
  if (!run_total(rows, answer.error)) {
    return answer;
  }
  if (!rows.empty()) {
    answer.total = rows.front().totals;
  }
  rows.clear();
  if (is_grouped(query)) {
    if (!run_groups(rows, answer.error)) {
      return answer;
    }
    fill_groups(query, rows, answer);
  }
  answer.ok = true;
  return answer;
}

score_answer fold_events_answer(const score_query& query, const sums_runner& run_total,
                                const sums_runner& run_all_groups) {
  if (!is_grouped(query)) {
    return fold_score_answer(query, run_total, run_all_groups);
  }
  score_answer answer;
  std::vector<sums_row> rows;
  if (!run_all_groups(rows, answer.error)) {
    return answer;
  }
  for (const sums_row& row : rows) {
    add_totals(answer.total, row.totals);
  }
  if (query.group_by_dimension) {
    std::erase_if(rows, [](const sums_row& row) { return row.key_text.empty(); });
  }
  fill_groups(query, rows, answer);
  answer.ok = true;
  return answer;
}

score_answer merge_answers(score_answer first, const score_answer& second) {
  if (!first.ok || !second.ok) {
    first.ok = false;
    if (first.error.empty()) {
      first.error = second.error;
    }
    return first;
  }
  add_totals(first.total, second.total);
  std::vector<score_totals> groups;
  groups.reserve(first.groups.size() + second.groups.size());
  auto a = first.groups.begin();
  auto b = second.groups.begin();
  while (a != first.groups.end() || b != second.groups.end()) {
    if (b == second.groups.end() || (a != first.groups.end() && a->key < b->key)) {
      groups.push_back(std::move(*a++));
    } else if (a == first.groups.end() || b->key < a->key) {
      groups.push_back(*b++);
    } else {
      add_totals(*a, *b++);
      groups.push_back(std::move(*a++));
    }
  }
  first.groups = std::move(groups);
  return first;
}

}  // namespace sentinelle
