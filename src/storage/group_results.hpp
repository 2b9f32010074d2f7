#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/group_queue.hpp"

namespace sentinelle {

class rollup_changes;

// What both engines' event writers do around one group's transaction: the answers and the
// commit notice. Only the transaction itself (BEGIN, batches, rollups, COMMIT) is the engine's.

// The score groups a commit moved are the rollup rows it wrote (one per day, value).
void add_score_groups(const rollup_changes& changes, commit_notice& notice);

// Every batch of a group that failed as a whole is answered `error`.
void fail_all(std::vector<store_result>& results, const std::string& error);

// Whether each batch of a group gets its own savepoint, and whether an attempt without went
// through (write_in_transaction below).
enum class batch_isolation : std::uint8_t { none, savepoint };
enum class group_attempt : std::uint8_t { finished, isolate_batches };

// One group = one transaction, on either engine: this holds what is the same (answers, notice,
// an exception failing the group rather than the writer); the engine writes the transaction.
class group_transaction {
 public:
  virtual ~group_transaction() = default;

  // Writes `group` in one transaction: one result per batch, and in `notice` what the commit
  // changed for the consoles (empty when nothing committed; each score group once, sorted).
  std::vector<store_result> write_group(const std::vector<pending_batch>& group,
                                        commit_notice& notice);

 protected:
  // BEGIN, each batch (in its own savepoint when `isolation` says so), the rollups, COMMIT;
  // failures answered in `results`. Without isolation a failing batch may instead roll the
  // whole attempt back and return isolate_batches: write_group then forgets the attempt and
  // writes the group again with isolated batches, so that only the failing one is refused.
  // Savepoints cost (SQLite copies every page a batch touches into the statement journal;
  // PostgreSQL pays two round trips a batch) and batches almost never fail: so the first
  // attempt goes without.
  virtual group_attempt write_in_transaction(const std::vector<pending_batch>& group,
                                             std::vector<store_result>& results,
                                             commit_notice& notice, batch_isolation isolation) = 0;
  // Ends the transaction and fails every batch with `error`.
  virtual void abandon(std::vector<store_result>& results, const std::string& error) = 0;
};

}  // namespace sentinelle
