#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/store_metrics.hpp"

namespace sentinelle {

// One caller's store() waiting for the writer.
struct pending_batch {
  std::vector<event> events;
  std::function<void(store_result)> done;
};

// The writer thread of a store, the same on every engine: it takes everything queued while the
// previous transaction ran and writes it as one group (group commit: the more callers wait, the
// more one commit acknowledges), then counts it, answers each batch and publishes the commit.
// Tasks (alert changes, erasures, outbox updates) run between groups. The engine supplies only
// how a group is written and how a commit is published.
class group_queue {
 public:
  // The most events one transaction takes (a single larger batch still goes alone): bounds
  // commit latency, and PERF.md shows bigger commits hardly pay more (159k rows/s at 1,000).
  static constexpr std::size_t max_group_events = 1000;

  // Writes `group` in one transaction: one result per batch, and what the commit changed.
  using group_writer =
      std::function<std::vector<store_result>(std::vector<pending_batch>&, commit_notice&)>;
  using commit_publisher = std::function<void(const commit_notice&)>;

  // Starts the writer thread: `write` and `publish` must be usable at once.
  group_queue(group_writer write, commit_publisher publish, store_metrics& metrics);
  // Commits everything already queued, calls its callbacks (or hands them to `answer_on`'s
  // executor), then stops the writer.
  ~group_queue() { stop(); }
  group_queue(const group_queue&) = delete;
  group_queue& operator=(const group_queue&) = delete;

  void push(pending_batch batch);
  // Queues `task` for the writer thread (it runs between two groups) and returns at once;
  // false when the queue is stopping (the task will not run).
  bool post_task(std::function<void()> task);
  // Runs `write` (an alert change, an erasure: its own transaction) on the writer thread between
  // groups, answers `done` with its result and publishes its commit; answers `when_stopping` at
  // once when the queue is stopping.
  template <typename Result>
  void post_write(std::function<Result(commit_notice&)> write, std::function<void(Result)> done,
                  Result when_stopping);
  // Hands each group's answers to `run_answers` instead of calling them on the writer
  // (event_store::answer_on); empty: on the writer again.
  void answer_on(event_store::answer_executor run_answers);
  // Waits until everything queued so far is written, and answered or handed to `run_answers`.
  void flush();
  // As the destructor; for stores that must stop the writer before other members go.
  void stop();

 private:
  void run();
  std::vector<pending_batch> take_group();
  void write(std::vector<pending_batch>& group, const event_store::answer_executor& run_answers);

  group_writer write_;
  commit_publisher publish_;
  store_metrics& metrics_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<pending_batch> queue_;
  std::deque<std::function<void()>> tasks_;
  event_store::answer_executor run_answers_;  // guarded by mutex_
  bool writing_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

template <typename Result>
void group_queue::post_write(std::function<Result(commit_notice&)> write,
                             std::function<void(Result)> done, Result when_stopping) {
  auto reply = std::make_shared<std::function<void(Result)>>(std::move(done));
  const bool queued = post_task([this, write = std::move(write), reply] {
    commit_notice notice;
    Result result = write(notice);
    try {
      (*reply)(std::move(result));
    } catch (...) {  // NOLINT(bugprone-empty-catch): as for store() callbacks
    }
    publish_(notice);
  });
  if (!queued) {
    (*reply)(std::move(when_stopping));
  }
}

}  // namespace sentinelle
