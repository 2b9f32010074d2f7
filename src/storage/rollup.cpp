#include "storage/rollup.hpp"

#include <cmath>

namespace sentinelle {

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  const std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

std::int64_t ceil_div(std::int64_t value, std::int64_t divisor) {
  return -floor_div(-value, divisor);
}

std::optional<dimension> dimension_from_name(std::string_view name) {
  for (const dimension which : all_dimensions) {
    if (dimension_name(which) == name) {
      return which;
    }
  }
  return std::nullopt;
}

std::string_view dimension_name(dimension which) {
  switch (which) {
    case dimension::agent_id:
      return "agent_id";
    case dimension::team_id:
      return "team_id";
    case dimension::queue:
      return "queue";
    case dimension::channel:
      return "channel";
    case dimension::touchpoint:
      return "touchpoint";
    case dimension::platform:
      return "platform";
  }
  return "agent_id";  // unreachable: every enumerator is handled above
}

const std::string& dimension_value(const event& stored, dimension which) {
  switch (which) {
    case dimension::agent_id:
      return stored.agent_id;
    case dimension::team_id:
      return stored.team_id;
    case dimension::queue:
      return stored.queue;
    case dimension::channel:
      return stored.channel;
    case dimension::touchpoint:
      return stored.touchpoint;
    case dimension::platform:
      return stored.platform;
  }
  return stored.agent_id;  // unreachable: every enumerator is handled above
}

score_totals contribution(const event& stored) {
  score_totals counts;
  if (stored.nps) {
    const int nps = *stored.nps;
    counts.nps_promoters = nps >= 9 ? 1 : 0;
    counts.nps_passives = (nps == 7 || nps == 8) ? 1 : 0;
    counts.nps_detractors = nps <= 6 ? 1 : 0;
  }
  if (stored.csat) {
    counts.csat_responses = 1;
    counts.csat_satisfied = *stored.csat >= 4 ? 1 : 0;
    counts.csat_sum = *stored.csat;
  }
  if (stored.ces) {
    counts.ces_responses = 1;
    counts.ces_easy = *stored.ces >= 5 ? 1 : 0;
    counts.ces_sum = *stored.ces;
  }
  // A non-finite score is stored as NULL (no verbatim score), so it must not count here either.
  if (stored.sentiment_score && std::isfinite(*stored.sentiment_score)) {
    counts.verbatims = 1;
    counts.sentiment_sum = *stored.sentiment_score;
  }
  counts.negative_verbatims = stored.negative_verbatim ? 1 : 0;
  // A new event's alert is raised with it, in the same transaction, and starts open.
  counts.alerts_total = stored.alert_severity ? 1 : 0;
  counts.alerts_open = counts.alerts_total;
  return counts;
}

score_totals stored_contribution(const event& stored, bool has_alert, bool alert_open) {
  event counted = stored;
  counted.alert_severity.reset();  // the alert is counted from its row, not from the event
  score_totals counts = contribution(counted);
  counts.alerts_total = has_alert ? 1 : 0;
  counts.alerts_open = alert_open ? 1 : 0;
  return counts;
}

std::array<std::int64_t, 13> rollup_integer_counters(const score_totals& totals) {
  return {totals.nps_promoters,  totals.nps_passives,   totals.nps_detractors,
          totals.csat_responses, totals.csat_satisfied, totals.csat_sum,
          totals.ces_responses,  totals.ces_easy,       totals.ces_sum,
          totals.verbatims,      totals.negative_verbatims, totals.alerts_total,
          totals.alerts_open};
}

void add_totals(score_totals& into, const score_totals& from) {
  into.nps_promoters += from.nps_promoters;
  into.nps_passives += from.nps_passives;
  into.nps_detractors += from.nps_detractors;
  into.csat_responses += from.csat_responses;
  into.csat_satisfied += from.csat_satisfied;
  into.csat_sum += from.csat_sum;
  into.ces_responses += from.ces_responses;
  into.ces_easy += from.ces_easy;
  into.ces_sum += from.ces_sum;
  into.verbatims += from.verbatims;
  into.negative_verbatims += from.negative_verbatims;
  into.sentiment_sum += from.sentiment_sum;
  into.alerts_total += from.alerts_total;
  into.alerts_open += from.alerts_open;
}

void subtract_totals(score_totals& into, const score_totals& from) {
  into.nps_promoters -= from.nps_promoters;
  into.nps_passives -= from.nps_passives;
  into.nps_detractors -= from.nps_detractors;
  into.csat_responses -= from.csat_responses;
  into.csat_satisfied -= from.csat_satisfied;
  into.csat_sum -= from.csat_sum;
  into.ces_responses -= from.ces_responses;
  into.ces_easy -= from.ces_easy;
  into.ces_sum -= from.ces_sum;
  into.verbatims -= from.verbatims;
  into.negative_verbatims -= from.negative_verbatims;
  into.sentiment_sum -= from.sentiment_sum;
  into.alerts_total -= from.alerts_total;
  into.alerts_open -= from.alerts_open;
}

namespace {

// Counts `counts` in the bucket's total row and in the row of each dimension `stored` has.
void add_to(rollup_changes::rows& rows, std::int64_t bucket, const event& stored,
            const score_totals& counts) {
  add_totals(rows[rollup_changes::row_key{bucket, "", ""}], counts);
  // An event without a value for a dimension counts only in the total, not in an "empty" group.
  for (const dimension which : all_dimensions) {
    const std::string& value = dimension_value(stored, which);
    if (!value.empty()) {
      add_totals(rows[rollup_changes::row_key{bucket, dimension_name(which), value}], counts);
    }
  }
}

void merge_rows(rollup_changes::rows& into, const rollup_changes::rows& from) {
  for (const auto& [key, counts] : from) {
    add_totals(into[key], counts);
  }
}

}  // namespace

void rollup_changes::add(const event& stored) {
  add(stored, contribution(stored));
}

void rollup_changes::add(const event& stored, const score_totals& counts) {
  const std::int64_t hour = hour_of(stored.occurred_at_ms);
  add_to(hourly_, hour, stored, counts);
  add_to(daily_, day_of_hour(hour), stored, counts);
}

void rollup_changes::remove_erased(const event& stored, bool has_alert, bool alert_open) {
  score_totals removed;
  subtract_totals(removed, stored_contribution(stored, has_alert, alert_open));
  add(stored, removed);
}

void rollup_changes::merge(const rollup_changes& other) {
  merge_rows(hourly_, other.hourly_);
  merge_rows(daily_, other.daily_);
}

}  // namespace sentinelle
