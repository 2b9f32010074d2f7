#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/rollup.hpp"

namespace sentinelle {

class sqlite_connection;

// What the scan of a customer's or author's erasure found before the erasing transaction: their
// events up to `through`, read in slices between two groups, so that a scan of the whole store
// never holds the writer at once (storage/README.md, "Erasure and retention").
struct erasure_prescan {
  std::vector<std::int64_t> seqs;
  std::int64_t through = 0;  // every event with seq <= through was scanned
};

// Deletes events for good on the writer's connection, inside the caller's transaction
// (storage/README.md "Erasure and retention"): their alerts (ON DELETE CASCADE), the outbox and
// dead-letter rows of those alerts, and their counts in the rollups, which `rollups` receives
// as negative changes for the caller to write. The connection runs with secure_delete, so the
// erased text is overwritten in the file, not only unlinked.
class event_eraser {
 public:
  explicit event_eraser(sqlite_connection& db) : db_(db) {}

  // Scans the events after `prescan.through`, `slice` of them at most, for the customer or
  // author of `request`; `finished` once the slice reached `last_seq`, the newest event's.
  bool scan_slice(const erasure_request& request, std::int64_t slice, std::int64_t last_seq,
                  erasure_prescan& prescan, bool& finished, std::string& error);

  // A customer's or author's erasure takes the prescan's events that are still theirs and
  // scans the events after it (an empty prescan: all of them).
  erasure_result erase(const erasure_request& request, rollup_changes& rollups,
                       const erasure_prescan& prescan);

 private:
  bool list_candidates(const erasure_prescan& prescan, std::string& error);
  bool select_victims(const erasure_request& request, std::int64_t scanned_through,
                      rollup_changes& rollups, erasure_result& result, std::string& error);
  bool delete_victims(std::string& error);

  sqlite_connection& db_;
};

}  // namespace sentinelle
