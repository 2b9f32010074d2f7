#include "storage/group_queue.hpp"

#include <chrono>

namespace sentinelle {
namespace {

// A callback's failure must not stop the writer, which every other caller depends on.
void deliver(std::vector<pending_batch>& group, std::vector<store_result>& results) {
  for (std::size_t index = 0; index < group.size(); ++index) {
    if (!group[index].done) {
      continue;
    }
    try {
      group[index].done(std::move(results[index]));
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing better to do on the writer thread
    }
  }
}

void count_outcomes(store_metrics& metrics, const store_result& result) {
  for (const store_outcome outcome : result.outcomes) {
    auto& counter = outcome == store_outcome::stored      ? metrics.events_stored
                    : outcome == store_outcome::duplicate ? metrics.duplicates
                    : outcome == store_outcome::revised   ? metrics.revised
                                                          : metrics.erased;
    if (outcome != store_outcome::missing) {
      counter.fetch_add(1, std::memory_order_relaxed);
    }
  }
  for (const auto& raised : result.alerts) {
    if (raised) {
      metrics.alerts_raised[static_cast<std::size_t>(raised->level) & 3].fetch_add(
          1, std::memory_order_relaxed);
    }
  }
}

void count(store_metrics& metrics, const std::vector<pending_batch>& group,
           const std::vector<store_result>& results, std::int64_t elapsed_ns) {
  std::int64_t events = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    events += static_cast<std::int64_t>(group[i].events.size());
    if (!results[i].ok) {
      metrics.failed_batches.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    count_outcomes(metrics, results[i]);
  }
  metrics.commit_seconds.observe(elapsed_ns);
  metrics.events_per_commit.observe(events);
}

}  // namespace

group_queue::group_queue(group_writer write, commit_publisher publish, store_metrics& metrics)
    : write_(std::move(write)),
      publish_(std::move(publish)),
      metrics_(metrics),
      thread_([this] { run(); }) {}

void group_queue::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void group_queue::push(pending_batch batch) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(batch));
  }
  work_ready_.notify_one();
}

bool group_queue::post_task(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      return false;  // the writer may be gone: nobody would run it
    }
    tasks_.push_back(std::move(task));
  }
  work_ready_.notify_one();
  return true;
}

void group_queue::flush() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && tasks_.empty() && !writing_; });
}

std::vector<pending_batch> group_queue::take_group() {
  std::vector<pending_batch> group;
  std::size_t events = 0;
  while (!queue_.empty() &&
         (group.empty() || events + queue_.front().events.size() <= max_group_events)) {
    events += queue_.front().events.size();
    group.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return group;
}

void group_queue::answer_on(event_store::answer_executor run_answers) {
  std::lock_guard lock(mutex_);
  run_answers_ = std::move(run_answers);
}

void group_queue::write(std::vector<pending_batch>& group,
                        const event_store::answer_executor& run_answers) {
  commit_notice notice;
  const auto started = std::chrono::steady_clock::now();
  std::vector<store_result> results = write_(group, notice);
  count(metrics_, group, results,
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                             started)
            .count());
  if (run_answers) {
    // One hand-off a group. The answers (rendering, waking each connection) and the events'
    // memory then go to the threads that made them, and the writer goes on to the next group.
    auto answers =
        std::make_shared<std::pair<std::vector<pending_batch>, std::vector<store_result>>>(
            std::move(group), std::move(results));
    run_answers([answers] { deliver(answers->first, answers->second); });
  } else {
    deliver(group, results);
  }
  publish_(notice);
}

void group_queue::run() {
  for (;;) {
    std::vector<pending_batch> group;
    std::deque<std::function<void()>> tasks;
    event_store::answer_executor run_answers;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty() || !tasks_.empty(); });
      if (queue_.empty() && tasks_.empty()) {
        return;  // stopping, and everything queued is done
      }
      group = take_group();
      tasks.swap(tasks_);
      if (!group.empty()) {
        run_answers = run_answers_;
      }
      writing_ = true;
    }
    for (auto& task : tasks) {
      task();  // alert changes, erasures, outbox updates: each its own transaction
    }
    if (!group.empty()) {
      write(group, run_answers);
    }
    {
      std::lock_guard lock(mutex_);
      writing_ = false;
    }
    idle_.notify_all();
  }
}

}  // namespace sentinelle
