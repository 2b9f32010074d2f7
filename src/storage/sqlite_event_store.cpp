#include "storage/sqlite_event_store.hpp"

#include <chrono>
#include <filesystem>

#include "storage/event_reader.hpp"
#include "storage/migrations.hpp"
#include "storage/score_queries.hpp"

namespace sentinelle {
namespace {

bool create_parent_directory(const std::string& path, std::string& error) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) {
    return true;
  }
  std::error_code failure;
  std::filesystem::create_directories(parent, failure);
  if (failure) {
    error = "cannot create directory " + parent.string() + ": " + failure.message();
    return false;
  }
  return true;
}

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

}  // namespace

std::unique_ptr<sqlite_event_store> sqlite_event_store::open(const std::string& path,
                                                             std::string& error,
                                                             store_options options) {
  if (path.empty()) {
    error = "storage path is empty";
    return nullptr;
  }
  if (!create_parent_directory(path, error)) {
    return nullptr;
  }
  std::unique_ptr<sqlite_connection> db = sqlite_connection::open(path, error);
  if (db == nullptr) {
    return nullptr;
  }
  if (!apply_migrations(*db, embedded_migrations(), error)) {
    error = path + ": " + error;
    return nullptr;
  }
  std::unique_ptr<event_writer> writer = event_writer::create(std::move(db), std::move(options.outbound), error);
  if (writer == nullptr) {
    return nullptr;
  }
  std::unique_ptr<sqlite_event_store> store(new sqlite_event_store(path, std::move(writer)));
  // A reader that cannot open is a start-up error, not a surprise at the first query.
  if (!store->readers_.acquire(error)) {
    return nullptr;
  }
  return store;
}

sqlite_event_store::sqlite_event_store(const std::string& path,
                                       std::unique_ptr<event_writer> writer)
    : writer_(std::move(writer)), readers_(path), thread_([this] { writer_loop(); }) {}

sqlite_event_store::~sqlite_event_store() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  thread_.join();
}

void sqlite_event_store::store(std::vector<event> batch, std::function<void(store_result)> done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(batch), std::move(done)});
  }
  work_ready_.notify_one();
}

std::vector<pending_batch> sqlite_event_store::take_group() {
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

// Takes everything queued while the previous transaction ran: the more callers wait, the more
// one commit (one fsync) acknowledges.
void sqlite_event_store::writer_loop() {
  for (;;) {
    std::vector<pending_batch> group;
    std::deque<std::function<void()>> tasks;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty() || !tasks_.empty(); });
      if (queue_.empty() && tasks_.empty()) {
        return;  // stopping, and everything queued is done
      }
      group = take_group();
      tasks.swap(tasks_);
      writing_ = true;
    }
    for (auto& task : tasks) {
      task();  // alert changes, outbox updates: each its own transaction
    }
    if (!group.empty()) {
      commit_notice notice;
      const auto started = std::chrono::steady_clock::now();
      std::vector<store_result> results = writer_->write_group(group, notice);
      count(group, results,
            std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::steady_clock::now() - started)
                .count());
      deliver(group, results);
      publish(notice);
    }
    {
      std::lock_guard lock(mutex_);
      writing_ = false;
    }
    idle_.notify_all();
  }
}

void sqlite_event_store::count(const std::vector<pending_batch>& group,
                               const std::vector<store_result>& results,
                               std::int64_t elapsed_ns) {
  std::int64_t events = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    events += static_cast<std::int64_t>(group[i].events.size());
    if (!results[i].ok) {
      metrics_.failed_batches.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    for (const store_outcome outcome : results[i].outcomes) {
      auto& counter = outcome == store_outcome::stored      ? metrics_.events_stored
                      : outcome == store_outcome::duplicate ? metrics_.duplicates
                      : outcome == store_outcome::revised   ? metrics_.revised
                                                            : metrics_.erased;
      if (outcome != store_outcome::missing) {
        counter.fetch_add(1, std::memory_order_relaxed);
      }
    }
    for (const auto& raised : results[i].alerts) {
      if (raised) {
        metrics_.alerts_raised[static_cast<std::size_t>(raised->level) & 3].fetch_add(
            1, std::memory_order_relaxed);
      }
    }
  }
  metrics_.commit_seconds.observe(elapsed_ns);
  metrics_.events_per_commit.observe(events);
}

void sqlite_event_store::flush() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && tasks_.empty() && !writing_; });
}

std::optional<event> sqlite_event_store::find(event_kind kind, const std::string& source,
                                              const std::string& id) {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  if (!reader) {
    return std::nullopt;
  }
  return find_event(*reader, kind, source, id, error);
}

score_answer sqlite_event_store::scores(const score_query& query) {
  score_answer failed;
  try {
    const reader_pool::lease reader = readers_.acquire(failed.error);
    if (!reader) {
      return failed;
    }
    return compute_scores(*reader, query);
  } catch (const std::exception& problem) {  // allocation failure while building a query
    failed.error = std::string("scores: ") + problem.what();
    return failed;
  }
}

bool sqlite_event_store::ready() {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  return reader && (*reader).query_text("SELECT MAX(version) FROM schema_migrations", error);
}

std::int64_t sqlite_event_store::count_events() {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  if (!reader) {
    return -1;
  }
  return count_stored_events(*reader, error).value_or(-1);
}

}  // namespace sentinelle
