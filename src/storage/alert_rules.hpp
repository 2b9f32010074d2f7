#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/event_store.hpp"

namespace sentinelle {

// An outbox row for a new alert: one per sink that takes its severity. The webhook-id is fixed
// here, once, so every retry carries the same one.
struct planned_delivery {
  std::string webhook_id;
  std::string sink;
};

std::vector<planned_delivery> deliveries_for(const std::vector<outbound_route>& routes,
                                             std::int64_t alert_seq, severity level);

class alert_change_target;
class rollup_changes;

// Applies `change` through `target` (docs/alerts.md): a repeat changes nothing; otherwise the
// alert's new state, `record` the alert_update to publish once the transaction commits, and
// `rollups` the change of the score groups' open-alert counts, for the caller to write in the
// same transaction.
alert_change_result apply_alert_change(alert_change_target& target, const alert_change& change,
                                       std::optional<stream_record>& record,
                                       rollup_changes& rollups);

// What one engine does to acknowledge or resolve an alert, inside the writer's transaction: its
// SQL. The rules (alert_rules.cpp) are the same on every engine, so they live once.
class alert_change_target {
 public:
  virtual ~alert_change_target() = default;

  // apply_alert_change() through this engine.
  alert_change_result change(const alert_change& change, std::optional<stream_record>& record,
                             rollup_changes& rollups) {
    return apply_alert_change(*this, change, record, rollups);
  }

  // The alert with `seq`; nullopt with `error` empty when there is none.
  virtual std::optional<alert> load_alert(std::int64_t seq, std::string& error) = 0;
  // Appends the change's alert_update record to alert_log; its seq, or nullopt and `error`.
  virtual std::optional<std::int64_t> log_update(const alert_change& change,
                                                 std::string& error) = 0;
  // Stores the new status, who and when (and the note of a resolve).
  virtual bool store_change(const alert_change& change, std::string& error) = 0;
};

}  // namespace sentinelle
