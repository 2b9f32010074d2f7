#pragma once

#include <string>
#include <vector>

#include "storage/alert_writer.hpp"
#include "storage/event_store.hpp"
#include "storage/revision_rules.hpp"

namespace sentinelle {

class sqlite_connection;

// Edits and erasures of stored events (event_change::edit / erase: a platform changed or removed
// what it sent) on the writer's SQLite connection, inside the caller's transaction: the rules are
// storage/revision_rules.hpp, this class holds only the SQL and the alert writer they go through.
class event_reviser final : public revision_target_with_alerts<alert_writer> {
 public:
  event_reviser(sqlite_connection& db, alert_writer& alerts)
      : revision_target_with_alerts(alerts), db_(db) {}


 private:
  std::optional<stored_event> load(const event& key, std::string& error) override;
  bool update_text(std::int64_t seq, const event& updated, std::string& error) override;

  sqlite_connection& db_;
};

}  // namespace sentinelle
