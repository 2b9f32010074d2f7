// The alert and outbox side of postgres_event_store: reads and outbox transactions on reader
// connections, alert changes and erasures on the writer thread between groups.
#include <memory>

#include "storage/postgres/pg_outbox_queries.hpp"
#include "storage/postgres/pg_reads.hpp"
#include "storage/postgres/postgres_event_store.hpp"

namespace sentinelle {

void postgres_event_store::on_commit(std::function<void(const commit_notice&)> listener) {
  fanout_.set_listener(std::move(listener));
}

// After the commit: consoles learn of alerts in seq order, other instances' included. When the
// records before this commit cannot be read now, the listener thread publishes them all later.
void postgres_event_store::publish(const commit_notice& notice) {
  if (!fanout_.publish_local(notice) && notifications_ != nullptr) {
    notifications_->request_catch_up();
  }
}

alert_page postgres_event_store::list_alerts(const alert_filter& filter) {
  alert_page failed;
  failed.error = "PostgreSQL is unreachable";
  return with_reader<alert_page>([&](pg::connection& db) { return pg::list_alerts(db, filter); },
                                 failed);
}

std::optional<alert> postgres_event_store::find_alert(std::int64_t seq) {
  return with_reader<std::optional<alert>>(
      [&](pg::connection& db) {
        std::string error;
        return pg::load_alert(db, seq, error);
      },
      std::nullopt);
}

void postgres_event_store::change_alert(alert_change change,
                                        std::function<void(alert_change_result)> done) {
  groups_.post_write<alert_change_result>(
      [this, change = std::move(change)](commit_notice& notice) {
        return writer_.change_alert(change, notice);
      },
      std::move(done),
      {alert_change_result::outcome::failed, "the store is stopping", std::nullopt});
}

void postgres_event_store::erase(erasure_request request,
                                 std::function<void(erasure_result)> done) {
  groups_.post_write<erasure_result>(
      [this, request = std::move(request)](commit_notice& notice) {
        return writer_.erase(request, notice);
      },
      std::move(done), {false, "the store is stopping", 0, 0});
}

bool postgres_event_store::replay(std::int64_t after_seq, std::size_t limit,
                                  std::vector<stream_record>& records) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::replay_stream(db, after_seq, limit, records, error);
      },
      false);
}

std::vector<outbound_delivery> postgres_event_store::claim_due(std::int64_t now_ms,
                                                               std::int64_t lease_ms,
                                                               std::size_t limit) {
  std::vector<outbound_delivery> claimed;
  with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::claim_due(db, now_ms, lease_ms, limit, claimed, error);
      },
      false);
  return claimed;
}

std::optional<std::int64_t> postgres_event_store::next_due_ms() {
  return with_reader<std::optional<std::int64_t>>(
      [](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::next_due_ms(db, error);
      },
      std::nullopt);
}

bool postgres_event_store::mark_delivered(std::int64_t id) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::mark_delivered(db, id, error);
      },
      false);
}

bool postgres_event_store::reschedule(std::int64_t id, int attempts, std::int64_t next_attempt_ms,
                                      const std::string& last_error) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::reschedule(db, id, attempts, next_attempt_ms, last_error, error);
      },
      false);
}

bool postgres_event_store::bury(std::int64_t id, int attempts, std::int64_t now_ms,
                                const std::string& last_error) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::bury(db, id, attempts, now_ms, last_error, error);
      },
      false);
}

bool postgres_event_store::disable_sink(const std::string& sink, std::int64_t now_ms,
                                        const std::string& reason) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::disable_sink(db, sink, now_ms, reason, error);
      },
      false);
}

bool postgres_event_store::sink_disabled(const std::string& sink) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::sink_disabled(db, sink, error).value_or(false);
      },
      false);
}

std::vector<dead_letter> postgres_event_store::dead_letters(std::size_t limit) {
  std::vector<dead_letter> letters;
  with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::dead_letters(db, limit, letters, error);
      },
      false);
  return letters;
}

bool postgres_event_store::replay_dead_letter(std::int64_t id, std::int64_t now_ms) {
  return with_reader<bool>(
      [&](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::replay_dead_letter(db, id, now_ms, error);
      },
      false);
}

std::int64_t postgres_event_store::pending_deliveries() {
  return with_reader<std::int64_t>(
      [](pg::connection& db) {
        std::string error;
        return pg::outbox_sql::pending(db, error).value_or(-1);
      },
      -1);
}

}  // namespace sentinelle
