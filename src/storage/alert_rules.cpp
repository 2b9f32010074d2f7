#include "storage/alert_rules.hpp"

#include "alerts/alert.hpp"
#include "storage/rollup.hpp"

namespace sentinelle {
namespace {

// The first acknowledge or resolve of an alert takes it out of the `open` count of every score
// group its event is in (migration 0005).
void count_as_no_longer_open(const alert& subject, rollup_changes& rollups) {
  event where;  // only the time and the dimensions choose the rollup rows
  where.occurred_at_ms = subject.occurred_at_ms;
  where.agent_id = subject.agent_id;
  where.team_id = subject.team_id;
  where.queue = subject.queue;
  where.channel = subject.channel;
  where.touchpoint = subject.touchpoint;
  where.platform = subject.platform;
  score_totals counts;
  counts.alerts_open = -1;
  rollups.add(where, counts);
}

// Acknowledging an alert already acknowledged or resolved, or resolving a resolved one,
// changes nothing: the first supervisor's name and time stay (docs/alerts.md).
bool is_repeat(const alert_change& change, const alert& current) {
  return change.action == alert_action::acknowledge ? current.status != alert_status::open
                                                    : current.status == alert_status::resolved;
}

}  // namespace

std::vector<planned_delivery> deliveries_for(const std::vector<outbound_route>& routes,
                                             std::int64_t alert_seq, severity level) {
  std::vector<planned_delivery> deliveries;
  for (const outbound_route& route : routes) {
    if (level >= route.min_severity) {
      deliveries.push_back({"msg_" + alert_id_for(alert_seq) + "_" + route.sink, route.sink});
    }
  }
  return deliveries;
}

alert_change_result apply_alert_change(alert_change_target& target, const alert_change& change,
                                       std::optional<stream_record>& record,
                                       rollup_changes& rollups) {
  alert_change_result result;
  std::optional<alert> current = target.load_alert(change.seq, result.error);
  if (!current) {
    result.result = result.error.empty() ? alert_change_result::outcome::not_found
                                         : alert_change_result::outcome::failed;
    return result;
  }
  if (is_repeat(change, *current)) {
    result.result = alert_change_result::outcome::unchanged;
    result.state = std::move(current);
    return result;
  }
  const auto seq = target.log_update(change, result.error);
  if (!seq || !target.store_change(change, result.error)) {
    return result;
  }
  result.state = target.load_alert(change.seq, result.error);
  if (!result.state) {
    return result;
  }
  if (current->status == alert_status::open) {
    count_as_no_longer_open(*current, rollups);
  }
  result.result = alert_change_result::outcome::changed;
  record = stream_record{*seq, stream_kind::alert_update, *result.state};
  return result;
}

}  // namespace sentinelle
