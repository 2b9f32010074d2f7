#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/group_queue.hpp"
#include "storage/group_results.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/rollup.hpp"

namespace sentinelle::pg {

// The store's one writer connection and what it writes (the twin of storage/event_writer.hpp):
// a group of batches in ONE transaction, a savepoint per batch, rollups upserted once per row
// at the end, COMMIT, then results. Used only by the store's writer thread.
//
// A lost connection fails what was in flight (nothing of it is acknowledged); the next call
// reconnects, waiting between attempts from 100 ms doubling to 5 s, and fails at once while it
// waits, so callers get 503 rather than a hang.
class event_writer final : public group_transaction {
 public:
  event_writer(std::string url, std::vector<outbound_route> routes,
               std::unique_ptr<connection> db)
      : url_(std::move(url)), routes_(std::move(routes)), db_(std::move(db)) {
    backend_pid_ = PQbackendPID(db_->raw());
  }

  alert_change_result change_alert(const alert_change& change, commit_notice& notice);
  erasure_result erase(const erasure_request& request, commit_notice& notice);

  // True while the writer holds a working connection (readiness).
  bool connected() const { return connected_.load(); }
  // The writer's connection for the outbox's writes, after reconnecting if needed; nullptr
  // (and `error`) while the database is unreachable.
  connection* usable_connection(std::string& error);
  std::int64_t committed_transactions() const { return committed_.load(); }
  // The writer's session on the server: its own notifications are not news to this instance.
  int backend_pid() const { return backend_pid_.load(); }

 private:
  bool begin(bool touches_alerts, std::string& error);
  bool commit(const commit_notice& notice, std::string& error);
  void rollback();
  group_attempt write_in_transaction(const std::vector<pending_batch>& group,
                                     std::vector<store_result>& results, commit_notice& notice,
                                     batch_isolation isolation) override;
  // One batch with no savepoint of its own: on failure the caller must end the transaction.
  bool write_unisolated(const std::vector<event>& batch, rollup_changes& changes,
                        store_result& result, commit_notice& notice, std::string& sqlstate);
  // Rollups, NOTIFY, then COMMIT; on failure every batch of the group fails.
  void finish_group(const rollup_changes& changes, std::vector<store_result>& results,
                    commit_notice& notice);
  bool write_batch(const std::vector<event>& batch, rollup_changes& changes, store_result& result,
                   commit_notice& notice);
  bool try_batch(const std::vector<event>& batch, rollup_changes& changes, store_result& result,
                 std::vector<stream_record>& records, std::string& sqlstate);
  bool store_event(const event& stored, store_result& result, rollup_changes& changes,
                   std::vector<stream_record>& records, std::string& error);
  bool write_rollups(const rollup_changes& changes, std::string& error);
  void abandon(std::vector<store_result>& results, const std::string& error) override;
  bool run(const std::string& sql, std::string& error);
  void note_failure();

  std::string url_;
  std::vector<outbound_route> routes_;
  std::unique_ptr<connection> db_;
  std::atomic<bool> connected_{true};
  std::atomic<int> backend_pid_{0};
  std::chrono::milliseconds backoff_{0};
  std::chrono::steady_clock::time_point next_attempt_{};
  std::atomic<std::int64_t> committed_{0};
};

}  // namespace sentinelle::pg
