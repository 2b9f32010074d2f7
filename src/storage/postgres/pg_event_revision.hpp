#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/postgres/pg_alert_writer.hpp"
#include "storage/revision_rules.hpp"

namespace sentinelle::pg {

// Edits and erasures of stored events inside the writer's transaction, by the shared rules
// (storage/revision_rules.hpp); this class holds only the SQL. The stored row is locked (FOR
// UPDATE) while it is compared, so two instances revising one event apply their changes one
// after the other.
class event_reviser final : public revision_target_with_alerts<alert_writer> {
 public:
  event_reviser(connection& db, alert_writer& alerts)
      : revision_target_with_alerts(alerts), db_(db) {}

 private:
  std::optional<stored_event> load(const event& key, std::string& error) override;
  bool update_text(std::int64_t seq, const event& updated, std::string& error) override;

  connection& db_;
};

}  // namespace sentinelle::pg
