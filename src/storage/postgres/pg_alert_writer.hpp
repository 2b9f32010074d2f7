#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/alert_rules.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {
class rollup_changes;
}

namespace sentinelle::pg {

class connection;

// Alert rows on the writer's connection, inside the caller's transaction (the PostgreSQL twin
// of storage/alert_writer.hpp, same semantics). The caller must hold the alert stream lock
// (pg_event_writer) before anything here appends to alert_log.
class alert_writer final : public alert_change_target {
 public:
  alert_writer(connection& db, const std::vector<outbound_route>& routes)
      : db_(db), routes_(routes) {}

  // The alert of a just-inserted event (`event_seq` its row), its stream record and its outbox
  // rows; nullopt and `error` on failure.
  std::optional<stream_record> raise(const event& stored, std::int64_t event_seq,
                                     std::string& error);


 private:
  bool queue_deliveries(std::int64_t alert_seq, severity level, std::int64_t now_ms,
                        std::string& error);
  std::optional<alert> load_alert(std::int64_t seq, std::string& error) override;
  std::optional<std::int64_t> log_update(const alert_change& change,
                                         std::string& error) override;
  bool store_change(const alert_change& change, std::string& error) override;

  connection& db_;
  const std::vector<outbound_route>& routes_;
};

// The advisory lock every transaction that appends to alert_log takes first (and holds until it
// ends), so that alert seqs, drawn from a sequence, commit in increasing order across instances:
// a console that replays after seq N can never later miss a smaller seq committed by another
// instance.
inline constexpr std::string_view lock_alert_stream = "SELECT pg_advisory_xact_lock(7358301120642)";

}  // namespace sentinelle::pg
