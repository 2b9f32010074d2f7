#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/durable_store.hpp"
#include "storage/group_queue.hpp"
#include "storage/postgres/pg_commit_fanout.hpp"
#include "storage/postgres/pg_event_writer.hpp"
#include "storage/postgres/pg_notification_listener.hpp"
#include "storage/postgres/pg_reader_pool.hpp"

namespace sentinelle {

// event_store and outbox_store on PostgreSQL (storage/postgres/README.md): several instances
// share one database. As sqlite_event_store, one writer thread per instance commits everything
// queued by store() in one transaction (group commit) and answers each batch after COMMIT;
// idempotency, rollups and alert seqs live in the database, so they hold across instances.
// Reads and the outbox use their own connections. A listening connection brings other
// instances' commits to this one's on_commit listener (pg_commit_fanout: once each, in seq
// order), so on_commit also runs on that connection's thread.
class postgres_event_store final : public durable_store {
 public:
  static constexpr std::size_t max_group_events = group_queue::max_group_events;

  // Connects to `url` (postgresql://…), checks that commits are durable (synchronous_commit,
  // fsync) and applies the embedded migrations under an advisory lock; nullptr and `error` when
  // it cannot, or when the database's schema is newer than this binary.
  static std::unique_ptr<postgres_event_store> open(const std::string& url, std::string& error,
                                                    store_options options = {});

  // Commits everything already queued, calls its callbacks, then stops the writer.
  ~postgres_event_store() override;
  postgres_event_store(const postgres_event_store&) = delete;
  postgres_event_store& operator=(const postgres_event_store&) = delete;

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
  // The writer holds a connection and a reader can query; while the writer is disconnected,
  // a reconnection attempt is queued for it.
  bool ready() override;
  std::int64_t count_events() override;  // -1 when storage cannot be read
  void flush() override;
  void answer_on(answer_executor run_answers) override;

  // outbox_store: each call one short transaction on a reader connection (autocommit).
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

  std::int64_t committed_transactions() const { return writer_.committed_transactions(); }
  // The listening session's backend pid, 0 while it reconnects (tests terminate it).
  int listener_backend_pid() const;
  const store_metrics& metrics() const override { return metrics_; }

 private:
  postgres_event_store(const std::string& url, store_options options,
                       std::unique_ptr<pg::connection> writer, std::int64_t stream_end);
  void publish(const commit_notice& notice);
  bool post_task(std::function<void()> task) { return groups_.post_task(std::move(task)); }
  // Runs `read` on a leased reader connection; `failed` when none can be had. An idle
  // connection the server dropped meanwhile (a restart) is noticed on use: the call is then
  // retried once on a fresh connection, so callers see no failure after a recovered outage.
  template <typename Answer>
  Answer with_reader(const std::function<Answer(pg::connection&)>& read, Answer failed);

  pg::event_writer writer_;
  pg::reader_pool readers_;
  store_metrics metrics_;
  pg::commit_fanout fanout_;
  std::atomic<bool> reconnect_queued_{false};
  group_queue groups_;  // its writer thread starts once everything above exists
  // Started by open() once the store is whole; stopped first, as it calls into the store.
  std::unique_ptr<pg::notification_listener> notifications_;
};

template <typename Answer>
Answer postgres_event_store::with_reader(const std::function<Answer(pg::connection&)>& read,
                                         Answer failed) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string error;
    const pg::reader_pool::lease reader = readers_.acquire(error);
    if (!reader) {
      return failed;
    }
    Answer answer = read(*reader);
    if (!(*reader).broken()) {
      return answer;
    }
    readers_.discard_idle();
  }
  return failed;
}

}  // namespace sentinelle
