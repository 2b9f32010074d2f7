#include "storage/postgres/pg_rollup_upsert.hpp"

#include <string_view>

#include "storage/postgres/pg_connection.hpp"
#include "storage/rollup.hpp"
#include "storage/score_rows.hpp"

namespace sentinelle::pg {
namespace {

bool upsert_rows(connection& db, const std::string& sql, const rollup_changes::rows& rows,
                 std::string& error) {
  for (const auto& [key, counts] : rows) {
    params values;
    values.add(key.bucket).add(key.dimension).add(std::string_view(key.value));
    for (const std::int64_t count : rollup_integer_counters(counts)) {
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
      rollup_upsert_sql("score_rollups", "hour", "dimension, value, hour", '$');
  static const std::string daily =
      rollup_upsert_sql("score_rollups_daily", "day", "dimension, day, value", '$');
  return upsert_rows(db, hourly, changes.hourly(), error) &&
         upsert_rows(db, daily, changes.daily(), error);
}

}  // namespace sentinelle::pg
