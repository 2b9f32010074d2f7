#include "storage/postgres/pg_rollup_upsert.hpp"

#include <string_view>

#include "storage/postgres/pg_connection.hpp"

namespace sentinelle::pg {
namespace {

constexpr const char* counters[] = {
    "nps_promoters", "nps_passives", "nps_detractors", "csat_responses", "csat_satisfied",
    "csat_sum",      "ces_responses", "ces_easy",     "ces_sum",        "verbatims",
    "negative_verbatims", "alerts_total", "alerts_open", "sentiment_sum"};

std::string upsert_sql(std::string_view table, std::string_view bucket,
                       std::string_view conflict_target) {
  std::string columns = std::string(bucket) + ", dimension, value";
  std::string placeholders = "$1, $2, $3";
  std::string updates;
  int index = 3;
  for (const char* counter : counters) {
    columns += std::string(", ") + counter;
    placeholders += ", $" + std::to_string(++index);
    updates += (updates.empty() ? "" : ", ") + std::string(counter) + " = " + std::string(table) +
               "." + counter + " + EXCLUDED." + counter;
  }
  return "INSERT INTO " + std::string(table) + " (" + columns + ") VALUES (" + placeholders +
         ") ON CONFLICT (" + std::string(conflict_target) + ") DO UPDATE SET " + updates;
}

bool upsert_rows(connection& db, const std::string& sql, const rollup_changes::rows& rows,
                 std::string& error) {
  for (const auto& [key, counts] : rows) {
    params values;
    values.add(key.bucket).add(key.dimension).add(std::string_view(key.value));
    for (const std::int64_t count :
         {counts.nps_promoters, counts.nps_passives, counts.nps_detractors, counts.csat_responses,
          counts.csat_satisfied, counts.csat_sum, counts.ces_responses, counts.ces_easy,
          counts.ces_sum, counts.verbatims, counts.negative_verbatims, counts.alerts_total,
          counts.alerts_open}) {
      values.add(count);
    }
    // A sum of finite scores (contribution() counts no other) is finite, so never NULL.
    values.add(std::optional<double>(counts.sentiment_sum));
    const result done = db.run(sql, values);
    if (!done.ok()) {
      error = done.error();
      return false;
    }
  }
  return true;
}

}  // namespace

bool upsert_rollups(connection& db, const rollup_changes& changes, std::string& error) {
  static const std::string hourly =
      upsert_sql("score_rollups", "hour", "dimension, value, hour");
  static const std::string daily =
      upsert_sql("score_rollups_daily", "day", "dimension, day, value");
  return upsert_rows(db, hourly, changes.hourly(), error) &&
         upsert_rows(db, daily, changes.daily(), error);
}

}  // namespace sentinelle::pg
