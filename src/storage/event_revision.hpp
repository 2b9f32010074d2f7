#pragma once

#include <string>
#include <vector>

#include "storage/alert_writer.hpp"
#include "storage/event_store.hpp"
#include "storage/rollup.hpp"

namespace sentinelle {

class sqlite_connection;

// Edits and erasures of stored events (event_change::edit / erase: a platform changed or removed
// what it sent), on the writer's connection inside the caller's transaction. Only the text and
// what was concluded from it change; the event keeps its time, dimensions and scores. The score
// rollups move by the difference, and the event's alert follows (storage/README.md):
// - edit: the new text is stored with its analysis; an event that had no alert and is now a
//   detractor raises one; an existing alert stays as the supervisors left it. An edit to the
//   text already stored (a retried delivery) is a duplicate and changes nothing;
// - erase: the text, its analysis and sentiment are erased (a message's verdict with them), and
//   an alert not yet resolved is resolved by the source, note "retracted: …".
class event_reviser {
 public:
  event_reviser(sqlite_connection& db, alert_writer& alerts) : db_(db), alerts_(alerts) {}

  // Applies `revision` to the stored event with its key, appending its outcome (revised, erased
  // or missing) and alert to `result`; false and `error` on a storage failure.
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

  sqlite_connection& db_;
  alert_writer& alerts_;
};

}  // namespace sentinelle
