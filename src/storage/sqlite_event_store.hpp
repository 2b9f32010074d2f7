#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/durable_store.hpp"
#include "storage/event_store.hpp"
#include "storage/event_writer.hpp"
#include "storage/file_lock.hpp"
#include "storage/group_queue.hpp"
#include "storage/outbox_store.hpp"
#include "storage/reader_pool.hpp"
#include "storage/store_metrics.hpp"

namespace sentinelle {

// event_store on one SQLite file (storage/README.md). One writer thread commits everything
// queued by store() in one transaction (group commit: durable ingestion is bound by commits, not
// rows, PERF.md); reads use their own connections and run beside it.
class sqlite_event_store final : public durable_store {
 public:
  static constexpr std::size_t max_group_events = group_queue::max_group_events;

  // Opens or creates the database (and its directory), checks every connection's durability
  // settings and applies the embedded migrations; nullptr and `error` when it cannot, including
  // when the file's schema is newer than this binary.
  static std::unique_ptr<sqlite_event_store> open(const std::string& path, std::string& error,
                                                  store_options options = {});

  // Commits everything already queued, calls its callbacks, then stops the writer.
  ~sqlite_event_store() override;
  sqlite_event_store(const sqlite_event_store&) = delete;
  sqlite_event_store& operator=(const sqlite_event_store&) = delete;

  // `done` runs on the writer thread once the batch's transaction has committed (or failed); it
  // must be quick, and must not call flush() (the writer would wait for itself).
  void store(std::vector<event> batch, std::function<void(store_result)> done) override;
  std::optional<event> find(event_kind kind, const std::string& source,
                            const std::string& id) override;
  score_answer scores(const score_query& query) override;
  alert_page list_alerts(const alert_filter& filter) override;
  std::optional<alert> find_alert(std::int64_t seq) override;
  void change_alert(alert_change change, std::function<void(alert_change_result)> done) override;
  bool replay(std::int64_t after_seq, std::size_t limit,
              std::vector<stream_record>& records) override;
  void on_commit(std::function<void(const commit_notice&)> listener) override;
  void erase(erasure_request request, std::function<void(erasure_result)> done) override;
  bool ready() override;
  std::int64_t count_events() override;  // -1 when storage cannot be read
  void flush() override;
  void answer_on(answer_executor run_answers) override;

  // outbox_store: writes run on the writer thread, between groups, and are waited for.
  std::vector<outbound_delivery> claim_due(std::int64_t now_ms, std::int64_t lease_ms,
                                           std::size_t limit) override;
  std::optional<std::int64_t> next_due_ms() override;
  bool mark_delivered(std::int64_t id) override;
  bool reschedule(std::int64_t id, int attempts, std::int64_t next_attempt_ms,
                  const std::string& last_error) override;
  bool bury(std::int64_t id, int attempts, std::int64_t now_ms,
            const std::string& last_error) override;
  bool disable_sink(const std::string& sink, std::int64_t now_ms,
                    const std::string& reason) override;
  bool sink_disabled(const std::string& sink) override;
  std::vector<dead_letter> dead_letters(std::size_t limit) override;
  bool replay_dead_letter(std::int64_t id, std::int64_t now_ms) override;
  std::int64_t pending_deliveries() override;

  // Group transactions committed so far: tests check that concurrent batches share commits.
  std::int64_t committed_transactions() const { return writer_->committed_transactions(); }

  // Counters and histograms of the writer, for GET /metrics.
  const store_metrics& metrics() const override { return metrics_; }

 private:
  struct person_erasure;

  sqlite_event_store(const std::string& path, file_lock lock, std::unique_ptr<event_writer> writer,
                     std::int64_t erasure_scan_slice);
  // A customer's or author's erasure: one slice of its scan per writer task, then the erasure.
  void scan_then_erase(std::shared_ptr<person_erasure> job);
  void erase_scanned(erasure_request request, erasure_prescan prescan,
                     std::function<void(erasure_result)> done);
  void publish(const commit_notice& notice);
  // Queues `task` for the writer thread (it runs between two groups) and returns at once;
  // false when the store is stopping (the task will not run).
  bool post_task(std::function<void()> task) { return groups_.post_task(std::move(task)); }
  // Runs `task` on the writer thread and waits for it; never call it from the writer thread
  // (a store callback or the commit listener): it would wait for itself.
  bool run_on_writer(const std::function<bool(sqlite_connection&)>& task);

  file_lock lock_;  // first: held until everything below is gone
  std::unique_ptr<event_writer> writer_;
  std::int64_t erasure_scan_slice_;
  reader_pool readers_;
  store_metrics metrics_;
  std::mutex listener_mutex_;
  std::function<void(const commit_notice&)> listener_;
  group_queue groups_;  // last: its writer thread starts once everything above exists
};

}  // namespace sentinelle
