#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/alert_writer.hpp"
#include "storage/deferred_rollups.hpp"
#include "storage/event_eraser.hpp"
#include "storage/event_revision.hpp"
#include "storage/event_store.hpp"
#include "storage/group_queue.hpp"
#include "storage/group_results.hpp"
#include "storage/rollup.hpp"
#include "storage/sqlite_connection.hpp"

namespace sentinelle {

// Writes groups of batches on the one writer connection, with statements prepared once. Used
// only by the store's writer thread.
class event_writer final : public group_transaction {
 public:
  // Also folds into the rollups what a crash left unfolded (storage/README.md, "Rollups").
  static std::unique_ptr<event_writer> create(std::unique_ptr<sqlite_connection> db,
                                              std::vector<outbound_route> routes,
                                              rollup_fold_policy fold, std::string& error);

  // Acknowledges or resolves an alert in its own transaction; on a change, `notice` gets the
  // alert_update to publish.
  alert_change_result change_alert(const alert_change& change, commit_notice& notice);

  // Deletes events for good in their own transaction, rollups adjusted (event_eraser.hpp);
  // `notice` gets the score groups that moved. A customer's or author's erasure takes the
  // events `prescan` found and scans those stored after it.
  erasure_result erase(const erasure_request& request, const erasure_prescan& prescan,
                       commit_notice& notice);

  // One slice of a customer's or author's scan, outside any transaction, between two groups.
  bool scan_for_erasure(const erasure_request& request, std::int64_t slice,
                        erasure_prescan& prescan, bool& finished, std::string& error) {
    // The newest event's seq is the last one given: the writer gives them all (next_seq_).
    return event_eraser(*db_).scan_slice(request, slice, next_seq_ - 1, prescan, finished, error);
  }

  // Folds the pending rollup counts now, in their own transaction (at a clean stop, so that a
  // restart finds nothing to fold); false with `error` when that fails (they stay pending).
  bool fold_pending(std::string& error);

  // The writer's connection, for the outbox's writes (same thread, own transactions).
  sqlite_connection& connection() { return *db_; }

  // Transactions committed so far (tests check that concurrent batches share commits).
  std::int64_t committed_transactions() const { return committed_.load(); }

 private:
  struct statements {
    statement* begin = nullptr;
    statement* commit = nullptr;
    statement* rollback = nullptr;
    statement* savepoint = nullptr;
    statement* release = nullptr;
    statement* rollback_to = nullptr;
    statement* insert_event = nullptr;
    statement* upsert_hourly = nullptr;
    statement* upsert_daily = nullptr;
    statement* update_hourly = nullptr;
    statement* update_daily = nullptr;
    statement* mark_folded = nullptr;
  };

  event_writer(std::unique_ptr<sqlite_connection> db, std::vector<outbound_route> routes,
               rollup_fold_policy fold)
      : db_(std::move(db)),
        alerts_(*db_, std::move(routes)),
        revisions_(*db_, alerts_),
        deferred_(fold) {}
  bool prepare_all(std::string& error);
  bool fold_unfolded_events(std::string& error);
  // Writes the pending counts and `extra` into the rollups and moves the mark, in the open
  // transaction; the caller calls deferred_.folded() once that transaction has committed.
  bool fold_into_rollups(const rollup_changes& extra, std::string& error);
  bool run(statement& control, std::string& error);
  group_attempt write_in_transaction(const std::vector<pending_batch>& group,
                                     std::vector<store_result>& results, commit_notice& notice,
                                     batch_isolation isolation) override;
  // COMMIT, folding the rollups when due; on failure every batch of the group fails.
  void finish_group(const rollup_changes& changes, std::size_t events,
                    std::vector<store_result>& results, commit_notice& notice);
  bool write_batch(const std::vector<event>& batch, batch_isolation isolation,
                   rollup_changes& changes, store_result& result, commit_notice& notice);
  bool store_event(const event& stored, store_result& result, rollup_changes& batch_changes,
                   std::vector<stream_record>& batch_records, std::string& error);
  void undo_batch();
  bool insert(const event& stored, bool& inserted, std::string& error);
  bool write_rollups(const rollup_changes& changes, std::string& error);
  bool upsert_rows(statement& update, statement& upsert, const rollup_changes::rows& rows,
                   std::string& error);
  void abandon(std::vector<store_result>& results, const std::string& error) override;

  std::unique_ptr<sqlite_connection> db_;
  alert_writer alerts_;
  event_reviser revisions_;
  statements statements_;
  deferred_rollups deferred_;
  bool fold_now_ = false;  // the group revised a stored event: its counts cannot wait
  // The seq of the next new event. SQLite would give MAX(seq) + 1, the seq of a deleted newest
  // event again; given here, seqs only grow while the store is open, so the slices of an
  // erasure's scan (event_eraser.hpp) never see an event arrive below where they went.
  std::int64_t next_seq_ = 1;
  std::atomic<std::int64_t> committed_{0};
};

}  // namespace sentinelle
