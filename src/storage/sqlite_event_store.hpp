#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/event_writer.hpp"
#include "storage/reader_pool.hpp"

namespace sentinelle {

// event_store on one SQLite file (storage/README.md). One writer thread commits everything
// queued by store() in one transaction (group commit: durable ingestion is bound by commits, not
// rows, PERF.md); reads use their own connections and run beside it.
class sqlite_event_store final : public event_store {
 public:
  // The most events one transaction takes (a single larger batch still goes alone): bounds
  // commit latency, and PERF.md shows bigger commits hardly pay more (159k rows/s at 1,000).
  static constexpr std::size_t max_group_events = 1000;

  // Opens or creates the database (and its directory), checks every connection's durability
  // settings and applies the embedded migrations; nullptr and `error` when it cannot, including
  // when the file's schema is newer than this binary.
  static std::unique_ptr<sqlite_event_store> open(const std::string& path, std::string& error);

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
  bool ready() override;
  std::int64_t count_events() override;  // -1 when storage cannot be read
  void flush() override;

  // Group transactions committed so far: tests check that concurrent batches share commits.
  std::int64_t committed_transactions() const { return writer_->committed_transactions(); }

 private:
  sqlite_event_store(const std::string& path, std::unique_ptr<event_writer> writer);
  void writer_loop();
  std::vector<pending_batch> take_group();

  std::unique_ptr<event_writer> writer_;
  reader_pool readers_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<pending_batch> queue_;
  bool writing_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace sentinelle
