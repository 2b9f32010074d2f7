// The alert and outbox side of sqlite_event_store: reads on reader connections, writes on the
// writer thread between groups (storage/README.md, "Alerts").
#include <future>
#include <memory>

#include "storage/alert_reader.hpp"
#include "storage/alert_row.hpp"
#include "storage/outbox_queries.hpp"
#include "storage/sqlite_event_store.hpp"

namespace sentinelle {

void sqlite_event_store::on_commit(std::function<void(const commit_notice&)> listener) {
  std::lock_guard lock(listener_mutex_);
  listener_ = std::move(listener);
}

// On the writer thread, after the commit: consoles learn of alerts in seq order.
void sqlite_event_store::publish(const commit_notice& notice) {
  if (notice.records.empty() && notice.score_groups.empty()) {
    return;
  }
  std::function<void(const commit_notice&)> listener;
  {
    std::lock_guard lock(listener_mutex_);
    listener = listener_;
  }
  if (!listener) {
    return;
  }
  try {
    listener(notice);
  } catch (...) {  // NOLINT(bugprone-empty-catch): a console's failure must not stop the writer
  }
}

bool sqlite_event_store::run_on_writer(const std::function<bool(sqlite_connection&)>& task) {
  std::promise<bool> finished;
  auto result = finished.get_future();
  const bool queued = post_task([&] {
    try {
      finished.set_value(task(writer_->connection()));
    } catch (...) {
      finished.set_value(false);
    }
  });
  return queued && result.get();
}

alert_page sqlite_event_store::list_alerts(const alert_filter& filter) {
  alert_page failed;
  const reader_pool::lease reader = readers_.acquire(failed.error);
  if (!reader) {
    return failed;
  }
  return sentinelle::list_alerts(*reader, filter);
}

std::optional<alert> sqlite_event_store::find_alert(std::int64_t seq) {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  if (!reader) {
    return std::nullopt;
  }
  return load_alert(*reader, seq, error);
}

void sqlite_event_store::change_alert(alert_change change,
                                      std::function<void(alert_change_result)> done) {
  groups_.post_write<alert_change_result>(
      [this, change = std::move(change)](commit_notice& notice) {
        return writer_->change_alert(change, notice);
      },
      std::move(done),
      {alert_change_result::outcome::failed, "the store is stopping", std::nullopt});
}

struct sqlite_event_store::person_erasure {
  erasure_request request;
  erasure_prescan prescan;
  std::function<void(erasure_result)> done;
};

// A customer's or author's events are found by a scan of the whole store: it goes one slice
// per writer task, ingestion's groups in between, and the erasure's own transaction then takes
// what the slices found and scans only what was stored since.
void sqlite_event_store::erase(erasure_request request, std::function<void(erasure_result)> done) {
  if (request.by == erasure_request::match::occurred_before) {
    erase_scanned(std::move(request), {}, std::move(done));
    return;
  }
  scan_then_erase(
      std::make_shared<person_erasure>(person_erasure{std::move(request), {}, std::move(done)}));
}

void sqlite_event_store::scan_then_erase(std::shared_ptr<person_erasure> job) {
  const auto answer = [](person_erasure& failed, erasure_result result) {
    try {
      failed.done(std::move(result));
    } catch (...) {  // NOLINT(bugprone-empty-catch): as for store() callbacks
    }
  };
  const bool queued = post_task([this, job, answer] {
    bool finished = false;
    std::string error;
    if (!writer_->scan_for_erasure(job->request, erasure_scan_slice_, job->prescan, finished,
                                   error)) {
      answer(*job, {false, "cannot erase: " + error, 0, 0});
    } else if (finished) {
      erase_scanned(std::move(job->request), std::move(job->prescan), std::move(job->done));
    } else {
      scan_then_erase(job);
    }
  });
  if (!queued) {
    answer(*job, {false, "the store is stopping", 0, 0});
  }
}

void sqlite_event_store::erase_scanned(erasure_request request, erasure_prescan prescan,
                                       std::function<void(erasure_result)> done) {
  groups_.post_write<erasure_result>(
      [this, request = std::move(request), prescan = std::move(prescan)](commit_notice& notice) {
        return writer_->erase(request, prescan, notice);
      },
      std::move(done), {false, "the store is stopping", 0, 0});
}

bool sqlite_event_store::replay(std::int64_t after_seq, std::size_t limit,
                                std::vector<stream_record>& records) {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  return reader && replay_stream(*reader, after_seq, limit, records, error);
}

std::vector<outbound_delivery> sqlite_event_store::claim_due(std::int64_t now_ms,
                                                             std::int64_t lease_ms,
                                                             std::size_t limit) {
  std::vector<outbound_delivery> claimed;
  run_on_writer([&](sqlite_connection& db) {
    std::string error;
    return outbox_sql::claim_due(db, now_ms, lease_ms, limit, claimed, error);
  });
  return claimed;
}

std::optional<std::int64_t> sqlite_event_store::next_due_ms() {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  return reader ? outbox_sql::next_due_ms(*reader, error) : std::nullopt;
}

bool sqlite_event_store::mark_delivered(std::int64_t id) {
  return run_on_writer([&](sqlite_connection& db) {
    std::string error;
    return outbox_sql::mark_delivered(db, id, error);
  });
}

bool sqlite_event_store::reschedule(std::int64_t id, int attempts, std::int64_t next_attempt_ms,
                                    const std::string& last_error) {
  return run_on_writer([&](sqlite_connection& db) {
    std::string error;
    return outbox_sql::reschedule(db, id, attempts, next_attempt_ms, last_error, error);
  });
}

bool sqlite_event_store::bury(std::int64_t id, int attempts, std::int64_t now_ms,
                              const std::string& last_error) {
  return run_on_writer([&](sqlite_connection& db) {
    std::string error;
    return outbox_sql::bury(db, id, attempts, now_ms, last_error, error);
  });
}

bool sqlite_event_store::disable_sink(const std::string& sink, std::int64_t now_ms,
                                      const std::string& reason) {
  return run_on_writer([&](sqlite_connection& db) {
    std::string error;
    return outbox_sql::disable_sink(db, sink, now_ms, reason, error);
  });
}

bool sqlite_event_store::sink_disabled(const std::string& sink) {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  return reader && outbox_sql::sink_disabled(*reader, sink, error).value_or(false);
}

std::vector<dead_letter> sqlite_event_store::dead_letters(std::size_t limit) {
  std::vector<dead_letter> letters;
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  if (reader) {
    outbox_sql::dead_letters(*reader, limit, letters, error);
  }
  return letters;
}

bool sqlite_event_store::replay_dead_letter(std::int64_t id, std::int64_t now_ms) {
  return run_on_writer([&](sqlite_connection& db) {
    std::string error;
    return outbox_sql::replay_dead_letter(db, id, now_ms, error);
  });
}

std::int64_t sqlite_event_store::pending_deliveries() {
  std::string error;
  const reader_pool::lease reader = readers_.acquire(error);
  return reader ? outbox_sql::pending(*reader, error).value_or(-1) : -1;
}

}  // namespace sentinelle
