#pragma once

#include <cstddef>
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
  // BEGIN, each batch, the rollups, COMMIT; failures answered in `results`.
  virtual void write_in_transaction(const std::vector<pending_batch>& group,
                                    std::vector<store_result>& results, commit_notice& notice) = 0;
  // Ends the transaction and fails every batch with `error`.
  virtual void abandon(std::vector<store_result>& results, const std::string& error) = 0;
};

}  // namespace sentinelle
