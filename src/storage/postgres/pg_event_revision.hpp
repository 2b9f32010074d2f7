#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/postgres/pg_alert_writer.hpp"
#include "storage/rollup.hpp"

namespace sentinelle::pg {

// Edits and erasures of stored events inside the writer's transaction: the PostgreSQL twin of
// storage/event_revision.hpp, with the same outcomes (revised, erased, missing, duplicate), the
// same rollup differences and the same alert rules. The stored row is locked (FOR UPDATE) while
// it is compared, so two instances revising one event apply their changes one after the other.
class event_reviser {
 public:
  event_reviser(connection& db, alert_writer& alerts) : db_(db), alerts_(alerts) {}

  bool apply(const event& revision, store_result& result, rollup_changes& rollups,
             std::vector<stream_record>& records, std::string& error);

 private:
  struct stored_row {
    event current;
    std::int64_t seq = 0;
    std::optional<std::int64_t> alert_seq;
    bool alert_resolved = false;
  };

  std::optional<stored_row> load(const event& key, std::string& error);
  bool update_text(std::int64_t seq, const event& updated, std::string& error);
  bool raise_alert(const event& updated, std::int64_t seq, store_result& result,
                   rollup_changes& rollups, std::vector<stream_record>& records,
                   std::string& error);
  bool retract_alert(const stored_row& row, const std::string& source, rollup_changes& rollups,
                     std::vector<stream_record>& records, std::string& error);

  connection& db_;
  alert_writer& alerts_;
};

}  // namespace sentinelle::pg
