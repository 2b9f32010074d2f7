#include "storage/postgres/postgres_event_store.hpp"

#include <chrono>

#include "storage/postgres/pg_migrations.hpp"
#include "storage/postgres/pg_reads.hpp"
#include "storage/postgres/pg_score_queries.hpp"

namespace sentinelle {
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
      groups_([this](std::vector<pending_batch>& group,
                     commit_notice& notice) { return writer_.write_group(group, notice); },
              [this](const commit_notice& notice) { publish(notice); }, metrics_) {}

postgres_event_store::~postgres_event_store() {
  groups_.stop();  // its last commits may still ask the listener to catch up
  notifications_.reset();
}

int postgres_event_store::listener_backend_pid() const {
  return notifications_ != nullptr ? notifications_->backend_pid() : 0;
}

void postgres_event_store::store(std::vector<event> batch,
                                 std::function<void(store_result)> done) {
  groups_.push({std::move(batch), std::move(done)});
}

void postgres_event_store::flush() { groups_.flush(); }

void postgres_event_store::answer_on(answer_executor run_answers) {
  groups_.answer_on(std::move(run_answers));
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
  if (reachable && !reconnect_queued_.exchange(true)) {
    // The writer reconnects on its next write; without traffic, this attempt brings it back.
    const bool queued = post_task([this] {
      std::string ignored;
      writer_.usable_connection(ignored);
      reconnect_queued_ = false;
    });
    if (!queued) {
      reconnect_queued_ = false;  // stopping: nobody will reconnect
    }
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
