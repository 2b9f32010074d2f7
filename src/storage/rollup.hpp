#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "storage/event.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {

inline constexpr std::int64_t ms_per_hour = 3'600'000;
inline constexpr std::int64_t ms_per_day = 86'400'000;

inline constexpr std::array<dimension, 6> all_dimensions{
    dimension::agent_id, dimension::team_id,    dimension::queue,
    dimension::channel,  dimension::touchpoint, dimension::platform};

// Rounds towards minus infinity, so an instant before 1970 falls in the bucket that holds it.
std::int64_t floor_div(std::int64_t value, std::int64_t divisor);
std::int64_t ceil_div(std::int64_t value, std::int64_t divisor);

// The rollups' grains: hours and days since the Unix epoch, UTC.
inline std::int64_t hour_of(std::int64_t ms) {
  return floor_div(ms, ms_per_hour);
}
inline std::int64_t day_of_hour(std::int64_t hour) {
  return floor_div(hour, 24);
}

// The name of a dimension: its column in `events` and its `dimension` in `score_rollups`.
std::string_view dimension_name(dimension which);
// The dimension named so (a group_by or filter parameter, a rollup row); nullopt for others.
std::optional<dimension> dimension_from_name(std::string_view name);
const std::string& dimension_value(const event& stored, dimension which);

// What one stored event adds to each rollup row it counts in (CONTRACT §4: NPS 0-6 detractor,
// 7-8 passive, 9-10 promoter; CSAT 4-5 satisfied; CES 5-7 easy; sentiment only with a verbatim).
score_totals contribution(const event& stored);
// What an event read back from the store counts, its alert as it now stands included (an
// acknowledged alert is no longer open).
score_totals stored_contribution(const event& stored, bool has_alert, bool alert_open);
void add_totals(score_totals& into, const score_totals& from);
// The integer counters of `totals` in rollup_counter_names' order (score_rows.hpp): what both
// engines bind for a rollup row, before its sentiment_sum.
std::array<std::int64_t, 13> rollup_integer_counters(const score_totals& totals);
// `from` taken away from `into`, counter by counter (an edit's old version, an erased event).
void subtract_totals(score_totals& into, const score_totals& from);

// The rollup changes of one transaction, summed per row before they are written: a group of a
// thousand events over a few agents then costs a few upserts instead of seven per event. Hourly
// (score_rollups) and daily (score_rollups_daily) rows are summed alike from the same events, so
// the two tables cannot drift apart.
class rollup_changes {
 public:
  struct row_key {
    std::int64_t bucket = 0;     // the hour, or the day, since the Unix epoch
    std::string_view dimension;  // a dimension_name(), or "" for the all-dimensions total
    std::string value;
    auto operator<=>(const row_key&) const = default;
  };
  using rows = std::map<row_key, score_totals>;

  // Counts `stored` in its hour's and its day's total rows and in the rows of each dimension it
  // has a value for.
  void add(const event& stored);
  // Adds `counts` (which may be negative: an alert that leaves `open`) to the rows `stored`
  // counts in.
  void add(const event& stored, const score_totals& counts);
  // Takes an erased event out of the rows it counts in, its alert (open or not) included.
  void remove_erased(const event& stored, bool has_alert, bool alert_open);
  void merge(const rollup_changes& other);
  bool empty() const { return hourly_.empty(); }  // daily rows come with hourly ones
  const rows& hourly() const { return hourly_; }
  const rows& daily() const { return daily_; }

 private:
  rows hourly_;
  rows daily_;
};

}  // namespace sentinelle
