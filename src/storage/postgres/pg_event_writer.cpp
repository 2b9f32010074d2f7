#include "storage/postgres/pg_event_writer.hpp"

#include <algorithm>
#include <iterator>

#include "storage/event_row.hpp"
#include "storage/group_results.hpp"
#include "storage/postgres/pg_alert_writer.hpp"
#include "storage/postgres/pg_event_eraser.hpp"
#include "storage/postgres/pg_event_revision.hpp"
#include "storage/postgres/pg_event_row.hpp"
#include "storage/postgres/pg_notification_listener.hpp"
#include "storage/postgres/pg_rollup_upsert.hpp"

namespace sentinelle::pg {
namespace {

constexpr std::chrono::milliseconds first_backoff{100};
constexpr std::chrono::milliseconds last_backoff{5000};
// A deadlock (40P01) or serialization failure (40001) between instances: the server rolled the
// batch's savepoint back, and the same batch retried usually passes.
constexpr int attempts_per_batch = 3;

bool retryable(const std::string& sqlstate) {
  return sqlstate == "40P01" || sqlstate == "40001";
}

// Whether a group may append to the alert stream (raise, or retract through an erase).
bool touches_alerts(const std::vector<pending_batch>& group) {
  return std::any_of(group.begin(), group.end(), [](const pending_batch& batch) {
    return std::any_of(batch.events.begin(), batch.events.end(), [](const event& e) {
      return e.alert_severity.has_value() || e.change != event_change::add;
    });
  });
}

std::string insert_event_sql() {
  // DO NOTHING only for the idempotency key: a CHECK failure still fails the batch. RETURNING
  // gives the row's seq when inserted, no row when the key was already there — committed by
  // any instance, or earlier in this transaction.
  return std::string("INSERT INTO events (") + event_columns + ") VALUES (" +
         event_placeholders() + ") ON CONFLICT (kind, source, id) DO NOTHING RETURNING seq";
}

}  // namespace

connection* event_writer::usable_connection(std::string& error) {
  if (db_ != nullptr && !db_->broken()) {
    return db_.get();
  }
  connected_ = false;
  const auto now = std::chrono::steady_clock::now();
  if (now < next_attempt_) {
    error = "PostgreSQL is unreachable; reconnecting";
    return nullptr;
  }
  db_ = connection::open(url_, error);
  if (db_ == nullptr) {
    backoff_ = std::clamp(backoff_ * 2, first_backoff, last_backoff);
    next_attempt_ = now + backoff_;
    return nullptr;
  }
  backoff_ = std::chrono::milliseconds{0};
  backend_pid_ = PQbackendPID(db_->raw());
  connected_ = true;
  return db_.get();
}

void event_writer::note_failure() {
  if (db_ != nullptr && db_->broken()) {
    connected_ = false;  // the next call reconnects
  }
}

bool event_writer::run(const std::string& sql, std::string& error) {
  const result done = db_->run(sql);
  if (!done.ok()) {
    error = done.error();
    return false;
  }
  return true;
}

bool event_writer::begin(bool alerts, std::string& error) {
  if (usable_connection(error) == nullptr) {
    return false;
  }
  // A connection the server dropped while idle (a restart) is only noticed now; nothing of the
  // group was sent yet, so one fresh connection may take it instead of failing it.
  if (!run("BEGIN", error) && (!db_->broken() || usable_connection(error) == nullptr ||
                               !run("BEGIN", error))) {
    note_failure();
    return false;
  }
  return !alerts || run(std::string(lock_alert_stream), error);
}

// Other instances learn of the new stream records and moved scores when this commits (NOTIFY is
// transactional): they replay the stream from what they published and refresh those groups.
bool event_writer::commit(const commit_notice& notice, std::string& error) {
  if (!notice.records.empty() || !notice.score_groups.empty()) {
    const result notified = db_->run(
        "SELECT pg_notify($1, $2)", params().add(alerts_channel).add(notification_payload(notice)));
    if (!notified.ok()) {
      error = notified.error();
      return false;
    }
  }
  return run("COMMIT", error);
}

void event_writer::rollback() {
  if (db_ != nullptr && !db_->broken() && db_->in_transaction()) {
    std::string ignored;  // failed already: this only ends the transaction
    run("ROLLBACK", ignored);
  }
  note_failure();
}

group_attempt event_writer::write_in_transaction(const std::vector<pending_batch>& group,
                                                 std::vector<store_result>& results,
                                                 commit_notice& notice, batch_isolation isolation) {
  std::string error;
  if (!begin(touches_alerts(group), error)) {
    abandon(results, "cannot begin a transaction: " + error);
    return group_attempt::finished;
  }
  rollup_changes changes;
  for (std::size_t index = 0; index < group.size(); ++index) {
    std::string sqlstate;
    if (isolation == batch_isolation::savepoint
            ? write_batch(group[index].events, changes, results[index], notice)
            : write_unisolated(group[index].events, changes, results[index], notice, sqlstate)) {
      continue;
    }
    if (db_->broken()) {
      abandon(results, "connection to PostgreSQL lost: " + results[index].error);
      return group_attempt::finished;
    }
    if (isolation == batch_isolation::none) {
      rollback();
      // Alone, the batch's failure is the group's, unless a deadlock the isolated path retries.
      return group.size() == 1 && !retryable(sqlstate) ? group_attempt::finished
                                                       : group_attempt::isolate_batches;
    }
  }
  finish_group(changes, results, notice);
  return group_attempt::finished;
}

bool event_writer::write_unisolated(const std::vector<event>& batch, rollup_changes& changes,
                                    store_result& result, commit_notice& notice,
                                    std::string& sqlstate) {
  std::vector<stream_record> records;
  if (!try_batch(batch, changes, result, records, sqlstate)) {
    result.ok = false;
    result.outcomes.clear();
    result.alerts.clear();
    return false;
  }
  std::move(records.begin(), records.end(), std::back_inserter(notice.records));
  result.ok = true;
  return true;
}

void event_writer::finish_group(const rollup_changes& changes, std::vector<store_result>& results,
                                commit_notice& notice) {
  std::string error;
  if (!write_rollups(changes, error)) {
    abandon(results, "cannot update score rollups: " + error);
    return;
  }
  add_score_groups(changes, notice);
  if (!commit(notice, error)) {
    abandon(results, "commit failed: " + error);
    return;
  }
  ++committed_;
}

bool event_writer::write_batch(const std::vector<event>& batch, rollup_changes& changes,
                               store_result& result, commit_notice& notice) {
  for (int attempt = 1;; ++attempt) {
    std::string error, sqlstate;
    rollup_changes batch_changes;
    std::vector<stream_record> records;  // published only if the batch is released
    result = {};
    if (!run("SAVEPOINT batch", error)) {
      result = {false, "cannot start the batch: " + error, {}, {}};
      return false;
    }
    if (try_batch(batch, batch_changes, result, records, sqlstate) &&
        run("RELEASE batch", error)) {
      changes.merge(batch_changes);
      std::move(records.begin(), records.end(), std::back_inserter(notice.records));
      result.ok = true;
      return true;
    }
    std::string ignored;  // the batch failed; this only undoes it
    if (db_->broken() || !run("ROLLBACK TO batch", ignored) || !run("RELEASE batch", ignored) ||
        !retryable(sqlstate) || attempt == attempts_per_batch) {
      result.ok = false;
      result.outcomes.clear();
      result.alerts.clear();
      return false;
    }
  }
}

bool event_writer::try_batch(const std::vector<event>& batch, rollup_changes& changes,
                             store_result& result, std::vector<stream_record>& records,
                             std::string& sqlstate) {
  result.outcomes.reserve(batch.size());
  result.alerts.reserve(batch.size());
  for (const event& stored : batch) {
    std::string error;
    if (!store_event(stored, result, changes, records, error)) {
      sqlstate = db_->last_sqlstate();
      result.error = "cannot store event '" + stored.id + "': " + error;
      return false;
    }
  }
  return true;
}

// Inserts one event and, when it is new and a detractor, its alert; an edit of a stored event
// or an erasure goes to the reviser.
bool event_writer::store_event(const event& stored, store_result& result, rollup_changes& changes,
                               std::vector<stream_record>& records, std::string& error) {
  alert_writer alerts(*db_, routes_);
  event_reviser revisions(*db_, alerts);
  if (stored.change == event_change::erase) {
    return revisions.apply(stored, result, changes, records, error);
  }
  params values;
  add_event_params(values, stored);
  static const std::string insert_sql = insert_event_sql();
  const pg::result inserted = db_->run(insert_sql, values);
  if (!inserted.ok()) {
    error = inserted.error();
    return false;
  }
  if (inserted.rows() == 0 && stored.change == event_change::edit) {
    return revisions.apply(stored, result, changes, records, error);
  }
  result.outcomes.push_back(inserted.rows() == 1 ? store_outcome::stored
                                                 : store_outcome::duplicate);
  result.alerts.emplace_back();
  if (inserted.rows() == 0) {
    return true;
  }
  changes.add(stored);
  if (!stored.alert_severity) {
    return true;
  }
  auto record = alerts.raise(stored, inserted.int64_at(0, 0), error);
  if (!record) {
    return false;
  }
  result.alerts.back() = alert_ref{record->subject.id, record->seq, record->subject.level};
  records.push_back(std::move(*record));
  return true;
}

bool event_writer::write_rollups(const rollup_changes& changes, std::string& error) {
  return upsert_rollups(*db_, changes, error);
}

void event_writer::abandon(std::vector<store_result>& results, const std::string& error) {
  rollback();
  fail_all(results, error);
}

alert_change_result event_writer::change_alert(const alert_change& change,
                                               commit_notice& notice) {
  alert_change_result answer;
  if (!begin(true, answer.error)) {
    return answer;
  }
  std::optional<stream_record> record;
  rollup_changes rollups;
  alert_writer alerts(*db_, routes_);
  answer = alerts.change(change, record, rollups);
  const bool changed = answer.result == alert_change_result::outcome::changed;
  commit_notice committed;
  if (changed && record) {
    committed.records.push_back(std::move(*record));
    add_score_groups(rollups, committed);
  }
  std::string error;
  if (changed && (!write_rollups(rollups, error) || !commit(committed, error))) {
    answer = {alert_change_result::outcome::failed, "cannot change the alert: " + error,
              std::nullopt};
  }
  rollback();  // nothing to keep when unchanged, not found or failed; a no-op after COMMIT
  if (answer.result == alert_change_result::outcome::changed) {
    notice = std::move(committed);
  }
  return answer;
}

erasure_result event_writer::erase(const erasure_request& request, commit_notice& notice) {
  erasure_result answer;
  if (!begin(false, answer.error)) {
    return answer;
  }
  rollup_changes rollups;
  answer = erase_events(*db_, request, rollups);
  commit_notice committed;
  add_score_groups(rollups, committed);
  std::string error;
  if (answer.ok && (!write_rollups(rollups, error) || !commit(committed, error))) {
    answer = {false, "cannot erase: " + error, 0, 0};
  }
  rollback();
  if (answer.ok) {
    notice = std::move(committed);
  }
  return answer;
}

}  // namespace sentinelle::pg
