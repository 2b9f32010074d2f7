#pragma once

#include <string>

#include "storage/event_store.hpp"
#include "storage/rollup.hpp"

namespace sentinelle {

class sqlite_connection;

// Deletes events for good on the writer's connection, inside the caller's transaction
// (storage/README.md "Erasure and retention"): their alerts (ON DELETE CASCADE), the outbox and
// dead-letter rows of those alerts, and their counts in the rollups, which `rollups` receives
// as negative changes for the caller to write. The connection runs with secure_delete, so the
// erased text is overwritten in the file, not only unlinked.
class event_eraser {
 public:
  explicit event_eraser(sqlite_connection& db) : db_(db) {}

  erasure_result erase(const erasure_request& request, rollup_changes& rollups);

 private:
  bool select_victims(const erasure_request& request, rollup_changes& rollups,
                      erasure_result& result, std::string& error);
  bool delete_victims(std::string& error);

  sqlite_connection& db_;
};

}  // namespace sentinelle
