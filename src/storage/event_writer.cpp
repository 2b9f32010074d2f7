#include "storage/event_writer.hpp"

#include <algorithm>
#include <string_view>

#include "storage/event_row.hpp"
#include "storage/group_results.hpp"
#include "storage/score_rows.hpp"

namespace sentinelle {
namespace {

std::string insert_event_sql() {
  std::string placeholders;
  for (int index = 1; index <= event_column_count; ++index) {
    placeholders += (index > 1 ? ", ?" : "?") + std::to_string(index);
  }
  // DO NOTHING only for the idempotency key: a CHECK failure still fails the batch. The seq
  // comes last, after the columns bind_event fills.
  return std::string("INSERT INTO events (") + event_columns + ", seq) VALUES (" + placeholders +
         ", ?" + std::to_string(event_column_count + 1) +
         ") ON CONFLICT (kind, source, id) DO NOTHING";
}

}  // namespace

std::unique_ptr<event_writer> event_writer::create(std::unique_ptr<sqlite_connection> db,
                                                   std::vector<outbound_route> routes,
                                                   rollup_fold_policy fold, std::string& error) {
  std::unique_ptr<event_writer> writer(new event_writer(std::move(db), std::move(routes), fold));
  if (!writer->prepare_all(error) || !writer->fold_unfolded_events(error)) {
    return nullptr;
  }
  const std::optional<std::string> last =
      writer->db_->query_text("SELECT COALESCE(MAX(seq), 0) FROM events", error);
  if (!last) {
    return nullptr;
  }
  writer->next_seq_ = std::stoll(*last) + 1;
  return writer;
}

bool event_writer::prepare_all(std::string& error) {
  const std::pair<statement**, std::string> all[] = {
      {&statements_.begin, "BEGIN IMMEDIATE"},
      {&statements_.commit, "COMMIT"},
      {&statements_.rollback, "ROLLBACK"},
      {&statements_.savepoint, "SAVEPOINT batch"},
      {&statements_.release, "RELEASE batch"},
      {&statements_.rollback_to, "ROLLBACK TO batch"},
      {&statements_.insert_event, insert_event_sql()},
      {&statements_.upsert_hourly,
       rollup_upsert_sql("score_rollups", "hour", "dimension, value, hour", '?')},
      {&statements_.upsert_daily,
       rollup_upsert_sql("score_rollups_daily", "day", "dimension, day, value", '?')},
      {&statements_.update_hourly, rollup_update_sql("score_rollups", "hour", '?')},
      {&statements_.update_daily, rollup_update_sql("score_rollups_daily", "day", '?')},
      // Every event stored so far is in the rollups once this commits: later ones get a
      // higher seq (one writer; SQLite gives a new row the highest seq plus one).
      {&statements_.mark_folded,
       "UPDATE rollup_watermark SET folded_seq = (SELECT COALESCE(MAX(seq), 0) FROM events)"},
  };
  for (const auto& [slot, sql] : all) {
    *slot = db_->prepare(sql, error);
    if (*slot == nullptr) {
      return false;
    }
  }
  return true;
}

bool event_writer::run(statement& control, std::string& error) {
  statement_use use(control);
  if (control.step() != SQLITE_DONE) {
    error = db_->error_message();
    return false;
  }
  return true;
}

alert_change_result event_writer::change_alert(const alert_change& change, commit_notice& notice) {
  alert_change_result result;
  if (!run(*statements_.begin, result.error)) {
    return result;
  }
  std::optional<stream_record> record;
  rollup_changes rollups;
  result = alerts_.change(change, record, rollups);
  std::string error;
  // Folded with the pending counts: the score queries count an unfolded event's alert from its
  // row, and this change would otherwise be counted there and again in the rollups.
  if (result.result == alert_change_result::outcome::changed &&
      !fold_into_rollups(rollups, error)) {
    result = {alert_change_result::outcome::failed, "cannot update score rollups: " + error,
              std::nullopt};
  }
  if (result.result == alert_change_result::outcome::changed && !run(*statements_.commit, error)) {
    result = {alert_change_result::outcome::failed, "commit failed: " + error, std::nullopt};
  }
  if (result.result == alert_change_result::outcome::changed) {
    deferred_.folded();
  }
  if (db_->in_transaction()) {
    run(*statements_.rollback, error);  // nothing to keep: unchanged, not found or failed
  }
  if (result.result == alert_change_result::outcome::changed && record) {
    notice.records.push_back(std::move(*record));
    add_score_groups(rollups, notice);
  }
  return result;
}

erasure_result event_writer::erase(const erasure_request& request, const erasure_prescan& prescan,
                                   commit_notice& notice) {
  erasure_result result;
  if (!run(*statements_.begin, result.error)) {
    return result;
  }
  rollup_changes rollups;
  result = event_eraser(*db_).erase(request, rollups, prescan);
  std::string error;
  if (result.ok && (!fold_into_rollups(rollups, error) || !run(*statements_.commit, error))) {
    result = {false, "cannot erase: " + error, 0, 0};
  }
  if (db_->in_transaction()) {
    run(*statements_.rollback, error);  // failed: nothing of it stays
  }
  if (result.ok) {
    deferred_.folded();
    add_score_groups(rollups, notice);
  }
  return result;
}

group_attempt event_writer::write_in_transaction(const std::vector<pending_batch>& group,
                                                 std::vector<store_result>& results,
                                                 commit_notice& notice, batch_isolation isolation) {
  std::string error;
  if (!run(*statements_.begin, error)) {
    abandon(results, "cannot begin a transaction: " + error);
    return group_attempt::finished;
  }
  rollup_changes changes;
  fold_now_ = false;
  std::size_t events = 0;
  for (const pending_batch& batch : group) {
    events += batch.events.size();
  }
  // An alert a new event, most of them in a busy hour: no record moved as the vector grows.
  notice.records.reserve(notice.records.size() + events);
  for (std::size_t index = 0; index < group.size(); ++index) {
    if (write_batch(group[index].events, isolation, changes, results[index], notice)) {
      continue;
    }
    if (isolation == batch_isolation::none) {
      if (db_->in_transaction()) {
        run(*statements_.rollback, error);
      }
      // Alone, the batch's failure is the group's: results[0] says why.
      return group.size() == 1 ? group_attempt::finished : group_attempt::isolate_batches;
    }
    if (!db_->in_transaction()) {
      // Some errors (disk full, I/O) roll the whole transaction back, not only the savepoint.
      abandon(results, "transaction rolled back: " + results[index].error);
      return group_attempt::finished;
    }
  }
  finish_group(changes, events, results, notice);
  return group_attempt::finished;
}

void event_writer::finish_group(const rollup_changes& changes, std::size_t events,
                                std::vector<store_result>& results, commit_notice& notice) {
  std::string error;
  const auto now = deferred_rollups::clock::now();
  const bool fold = fold_now_ || deferred_.fold_due(events, now);
  if (fold && !fold_into_rollups(changes, error)) {
    abandon(results, "cannot update score rollups: " + error);
    return;
  }
  add_score_groups(changes, notice);
  if (!run(*statements_.commit, error)) {
    abandon(results, "commit failed: " + error);
    return;
  }
  if (fold) {
    deferred_.folded();
  } else {
    deferred_.committed(changes, events, now);
  }
  ++committed_;
}

bool event_writer::fold_into_rollups(const rollup_changes& extra, std::string& error) {
  rollup_changes all = deferred_.pending();
  all.merge(extra);
  return write_rollups(all, error) && run(*statements_.mark_folded, error);
}

bool event_writer::fold_pending(std::string& error) {
  if (deferred_.pending().empty()) {
    return true;
  }
  if (!run(*statements_.begin, error)) {
    return false;
  }
  if (!fold_into_rollups(rollup_changes(), error) || !run(*statements_.commit, error)) {
    std::string ignored;  // already failed: this only ends the transaction
    run(*statements_.rollback, ignored);
    return false;
  }
  deferred_.folded();
  return true;
}

// The counts that were pending when the process was killed are lost from memory but not from
// the file: their events are above the mark. Counted again from the rows, alerts as they stand.
bool event_writer::fold_unfolded_events(std::string& error) {
  if (!run(*statements_.begin, error)) {
    return false;
  }
  statement* read =
      db_->prepare(std::string("SELECT ") + event_columns + ", " + alert_state_columns +
                       " FROM events WHERE seq > (SELECT folded_seq FROM "
                       "rollup_watermark)",
                   error);
  rollup_changes unfolded;
  bool read_all = read != nullptr;
  if (read_all) {
    statement_use use(*read);
    int code = SQLITE_ROW;
    while ((code = read->step()) == SQLITE_ROW) {
      const event_with_alert found = read_event_with_alert(*read);
      unfolded.add(found.stored,
                   stored_contribution(found.stored, found.has_alert, found.alert_open));
    }
    read_all = code == SQLITE_DONE;
    if (!read_all) {
      error = db_->error_message();
    }
  }
  const bool folded = read_all && (unfolded.empty() || (write_rollups(unfolded, error) &&
                                                        run(*statements_.mark_folded, error)));
  if (!folded || !run(*statements_.commit, error)) {
    std::string ignored;  // already failed: this only ends the transaction
    run(*statements_.rollback, ignored);
    error = "cannot fold the events a stop left out of the score rollups: " + error;
    return false;
  }
  return true;
}

bool event_writer::write_batch(const std::vector<event>& batch, batch_isolation isolation,
                               rollup_changes& changes, store_result& result,
                               commit_notice& notice) {
  const bool isolated = isolation == batch_isolation::savepoint;
  std::string error;
  if (isolated && !run(*statements_.savepoint, error)) {
    result = {false, "cannot start the batch: " + error, {}, {}};
    return false;
  }
  // Isolated, a batch's rollup rows and stream records wait for its savepoint's release. In the
  // group's first attempt a failure rolls the whole group back and write_group forgets the
  // attempt, so they go straight into the group's: no map of its own per event (14 nodes
  // allocated, then merged; the writer is the pipeline's serial stage).
  rollup_changes batch_changes;
  std::vector<stream_record> batch_records;
  rollup_changes& rows = isolated ? batch_changes : changes;
  std::vector<stream_record>& records = isolated ? batch_records : notice.records;
  result.outcomes.reserve(batch.size());
  result.alerts.reserve(batch.size());
  for (const event& stored : batch) {
    if (!store_event(stored, result, rows, records, error)) {
      if (isolated) {
        undo_batch();
      }
      result = {false, "cannot store event '" + stored.id + "': " + error, {}, {}};
      return false;
    }
  }
  if (isolated && !run(*statements_.release, error)) {
    undo_batch();  // else the COMMIT would keep the changes of a batch reported as failed
    result = {false, "cannot release the batch: " + error, {}, {}};
    return false;
  }
  if (isolated) {
    changes.merge(batch_changes);
    for (stream_record& record : batch_records) {
      notice.records.push_back(std::move(record));
    }
  }
  result.ok = true;
  return true;
}

// Inserts one event and, when it is new and a detractor, its alert; an edit of a stored event
// or an erasure goes to the reviser.
bool event_writer::store_event(const event& stored, store_result& result,
                               rollup_changes& batch_changes,
                               std::vector<stream_record>& batch_records, std::string& error) {
  if (stored.change == event_change::erase) {
    fold_now_ = true;  // the erased event may be folded already: its counts cannot wait
    return revisions_.apply(stored, result, batch_changes, batch_records, error);
  }
  bool inserted = false;
  if (!insert(stored, inserted, error)) {
    return false;
  }
  if (!inserted && stored.change == event_change::edit) {
    fold_now_ = true;  // as for an erasure
    return revisions_.apply(stored, result, batch_changes, batch_records, error);
  }
  // An event already stored, or earlier in this group, conflicts and changes nothing.
  result.outcomes.push_back(inserted ? store_outcome::stored : store_outcome::duplicate);
  result.alerts.emplace_back();
  if (!inserted) {
    return true;
  }
  batch_changes.add(stored);
  if (!stored.alert_severity) {
    return true;
  }
  auto record = alerts_.raise(stored, db_->last_insert_rowid(), error);
  if (!record) {
    return false;
  }
  result.alerts.back() = alert_ref{record->subject.id, record->seq, record->subject.level};
  batch_records.push_back(std::move(*record));
  return true;
}

void event_writer::undo_batch() {
  std::string ignored;  // the batch already failed; this only cleans up its savepoint
  run(*statements_.rollback_to, ignored);
  run(*statements_.release, ignored);
}

bool event_writer::insert(const event& stored, bool& inserted, std::string& error) {
  statement& insert = *statements_.insert_event;
  const std::string reasons = reasons_json(stored);
  statement_use use(insert);
  bind_event(insert, stored, reasons);
  insert.bind(event_column_count + 1, next_seq_);
  if (insert.step() != SQLITE_DONE) {
    error = db_->error_message();
    return false;
  }
  inserted = db_->changes() == 1;
  next_seq_ += inserted ? 1 : 0;  // also past a rolled-back batch's: a gap, never a reuse
  return true;
}

bool event_writer::write_rollups(const rollup_changes& changes, std::string& error) {
  return upsert_rows(*statements_.update_hourly, *statements_.upsert_hourly, changes.hourly(),
                     error) &&
         upsert_rows(*statements_.update_daily, *statements_.upsert_daily, changes.daily(), error);
}

namespace {

// Both statements take the same parameters: ?1 bucket, ?2 dimension, ?3 value, then the counts.
void bind_rollup_row(statement& write, const rollup_changes::row_key& key,
                     const score_totals& counts) {
  int index = 0;
  write.bind(++index, key.bucket);
  write.bind(++index, key.dimension);
  write.bind(++index, std::string_view(key.value));
  for (const std::int64_t count : rollup_integer_counters(counts)) {
    write.bind(++index, count);
  }
  write.bind(++index, std::optional<double>(counts.sentiment_sum));
}

}  // namespace

// An UPDATE of the row, and the upsert only where there was none yet (the first event of an
// hour, an agent, a day).
bool event_writer::upsert_rows(statement& update, statement& upsert,
                               const rollup_changes::rows& rows, std::string& error) {
  for (const auto& [key, counts] : rows) {
    {
      statement_use use(update);
      bind_rollup_row(update, key, counts);
      if (update.step() != SQLITE_DONE) {
        error = db_->error_message();
        return false;
      }
    }
    if (db_->changes() != 0) {
      continue;
    }
    statement_use use(upsert);
    bind_rollup_row(upsert, key, counts);
    if (upsert.step() != SQLITE_DONE) {
      error = db_->error_message();
      return false;
    }
  }
  return true;
}

void event_writer::abandon(std::vector<store_result>& results, const std::string& error) {
  if (db_->in_transaction()) {
    std::string ignored;
    run(*statements_.rollback, ignored);
  }
  fail_all(results, error);
}

}  // namespace sentinelle
