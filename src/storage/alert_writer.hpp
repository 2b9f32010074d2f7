#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/alert_rules.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {

class rollup_changes;
class sqlite_connection;

// Alert rows on the writer's connection, always inside the caller's transaction: raising an
// alert with its event (and its outbound deliveries), and acknowledging or resolving one.
class alert_writer final : public alert_change_target {
 public:
  alert_writer(sqlite_connection& db, std::vector<outbound_route> routes)
      : db_(db), routes_(std::move(routes)) {}

  // The alert of a just-inserted event (`event_seq` its row), its stream record and its outbox
  // rows; nullopt and `error` on failure (the caller rolls the batch back).
  std::optional<stream_record> raise(const event& stored, std::int64_t event_seq,
                                     std::string& error);


 private:
  std::optional<std::int64_t> append_log(std::optional<std::int64_t> alert_seq,
                                         std::string_view kind, std::int64_t at_ms,
                                         std::string& error);
  bool queue_deliveries(std::int64_t alert_seq, severity level, std::int64_t now_ms,
                        std::string& error);
  std::optional<alert> load_alert(std::int64_t seq, std::string& error) override;
  std::optional<std::int64_t> log_update(const alert_change& change,
                                         std::string& error) override;
  bool store_change(const alert_change& change, std::string& error) override;

  sqlite_connection& db_;
  std::vector<outbound_route> routes_;
};

// What the alert record of a new event shows, built from the event in memory (no read back).
alert alert_from_event(const event& stored, std::int64_t seq, std::int64_t created_at_ms);

}  // namespace sentinelle
