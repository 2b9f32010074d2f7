#include "storage/postgres/postgres_event_store.hpp"

#include <chrono>

#include "storage/postgres/pg_migrations.hpp"
#include "storage/postgres/pg_reads.hpp"
#include "storage/postgres/pg_score_queries.hpp"

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

}  // namespace

std::unique_ptr<postgres_event_store> postgres_event_store::open(const std::string& url,
                                                                 std::string& error,
                                                                 store_options options) {
  std::unique_ptr<pg::connection> db = pg::connection::open(url, error);
  if (db == nullptr) {
    return nullptr;
  }
  if (!pg::apply_migrations(*db, pg::embedded_migrations(), error)) {
    return nullptr;
  }
  // What was committed before this instance started is history for its consoles (they replay
  // it with Last-Event-ID / since); the listener publishes from here on.
  const auto stream_end = db->query_text("SELECT COALESCE(MAX(seq), 0) FROM alert_log", error);
  if (!stream_end) {
    return nullptr;
  }
  std::unique_ptr<postgres_event_store> store(new postgres_event_store(
      url, std::move(options), std::move(db), std::stoll(*stream_end)));
  // A reader that cannot connect is a start-up error, not a surprise at the first query.
  if (!store->readers_.acquire(error)) {
    return nullptr;
  }
  postgres_event_store* self = store.get();
  store->notifications_ = std::make_unique<pg::notification_listener>(
      url, [self] { return self->writer_.backend_pid(); },
      [self](const std::vector<pg::score_group>& groups) { return self->fanout_.catch_up(groups); });
  // Listening before the first commit: its first catch-up then never races this instance's
  // own commits, and nothing another instance commits from now on is missed.
  store->notifications_->wait_until_listening(std::chrono::seconds(5));
  return store;
}

postgres_event_store::postgres_event_store(const std::string& url, store_options options,
                                           std::unique_ptr<pg::connection> writer,
                                           std::int64_t stream_end)
    : writer_(url, std::move(options.outbound), std::move(writer)),
      readers_(url),
      fanout_(stream_end,
              [this](std::int64_t after_seq, std::size_t limit,
                     std::vector<stream_record>& records) {
                return replay(after_seq, limit, records);
              }),
      thread_([this] { writer_loop(); }) {}

postgres_event_store::~postgres_event_store() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  thread_.join();  // its last commits may still ask the listener to catch up
  notifications_.reset();
}

int postgres_event_store::listener_backend_pid() const {
  return notifications_ != nullptr ? notifications_->backend_pid() : 0;
}

void postgres_event_store::store(std::vector<event> batch,
                                 std::function<void(store_result)> done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(batch), std::move(done)});
  }
  work_ready_.notify_one();
}

std::vector<pending_batch> postgres_event_store::take_group() {
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
// one commit acknowledges.
void postgres_event_store::writer_loop() {
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
      task();  // alert changes, erasures: each its own transaction
    }
    if (!group.empty()) {
      commit_notice notice;
      const auto started = std::chrono::steady_clock::now();
      std::vector<store_result> results = writer_.write_group(group, notice);
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

void postgres_event_store::count(const std::vector<pending_batch>& group,
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

void postgres_event_store::flush() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && tasks_.empty() && !writing_; });
}

std::optional<event> postgres_event_store::find(event_kind kind, const std::string& source,
                                                const std::string& id) {
  return with_reader<std::optional<event>>(
      [&](pg::connection& db) {
        std::string error;
        return pg::find_event(db, kind, source, id, error);
      },
      std::nullopt);
}

score_answer postgres_event_store::scores(const score_query& query) {
  score_answer failed;
  failed.error = "scores: PostgreSQL is unreachable";
  try {
    return with_reader<score_answer>(
        [&](pg::connection& db) { return pg::compute_scores(db, query); }, failed);
  } catch (const std::exception& problem) {  // allocation failure while building a query
    failed.error = std::string("scores: ") + problem.what();
    return failed;
  }
}

bool postgres_event_store::ready() {
  const bool reachable = with_reader<bool>(
      [](pg::connection& db) {
        std::string error;
        return db.query_text("SELECT MAX(version) FROM schema_migrations", error).has_value();
      },
      false);
  if (writer_.connected()) {
    return reachable;
  }
  std::lock_guard lock(mutex_);
  if (reachable && !reconnect_queued_ && !stopping_) {
    // The writer reconnects on its next write; without traffic, this attempt brings it back.
    reconnect_queued_ = true;
    tasks_.push_back([this] {
      std::string ignored;
      writer_.usable_connection(ignored);
      std::lock_guard inner(mutex_);
      reconnect_queued_ = false;
    });
    work_ready_.notify_one();
  }
  return false;
}

std::int64_t postgres_event_store::count_events() {
  return with_reader<std::int64_t>(
      [](pg::connection& db) {
        std::string error;
        return pg::count_events(db, error).value_or(-1);
      },
      -1);
}

}  // namespace sentinelle
