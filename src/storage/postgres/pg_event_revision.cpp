#include "storage/postgres/pg_event_revision.hpp"

#include "storage/event_row.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_event_row.hpp"
#include "util/time.hpp"

namespace sentinelle::pg {
namespace {

// The stored event as `revision` says it is now: its text and verdict, on the stored event.
event revised(const event& current, const event& revision) {
  event updated = current;
  updated.verbatim = revision.verbatim;
  updated.analysis_json = revision.analysis_json;
  updated.sentiment_score = revision.sentiment_score;
  updated.negative_verbatim = revision.negative_verbatim;
  updated.detractor = revision.detractor;
  updated.reasons = revision.reasons;
  updated.alert_severity = revision.alert_severity;
  return updated;
}

// Without its text; a survey keeps the verdict its scores gave, a message's goes with the text.
event erased(const event& current) {
  event updated = current;
  updated.verbatim.clear();
  updated.analysis_json.clear();
  updated.sentiment_score.reset();
  updated.negative_verbatim = false;
  if (updated.kind == event_kind::message) {
    updated.detractor = false;
    updated.reasons.clear();
  }
  updated.alert_severity.reset();
  return updated;
}

// What `after` counts minus what `before` counted, alerts apart (they move with the alert).
score_totals difference(event before, event after) {
  before.alert_severity.reset();
  after.alert_severity.reset();
  score_totals change = contribution(after);
  subtract_totals(change, contribution(before));
  return change;
}

}  // namespace

std::optional<event_reviser::stored_row> event_reviser::load(const event& key,
                                                             std::string& error) {
  const result rows = db_.run(
      std::string("SELECT ") + event_columns +
          ", seq, (SELECT a.seq FROM alerts a WHERE a.event_seq = events.seq), "
          "(SELECT a.status = 'resolved' FROM alerts a WHERE a.event_seq = events.seq) "
          "FROM events WHERE kind = $1 AND source = $2 AND id = $3 FOR UPDATE",
      params().add(kind_name(key.kind)).add(key.source).add(key.id));
  if (!rows.ok()) {
    error = "cannot read the stored event: " + rows.error();
    return std::nullopt;
  }
  if (rows.rows() == 0) {
    return std::nullopt;
  }
  stored_row row;
  if (!read_event_row(rows, 0, row.current, error)) {
    return std::nullopt;
  }
  row.seq = rows.int64_at(0, event_column_count);
  row.alert_seq = rows.optional_int64(0, event_column_count + 1);
  row.alert_resolved = row.alert_seq && rows.bool_at(0, event_column_count + 2);
  return row;
}

bool event_reviser::update_text(std::int64_t seq, const event& updated, std::string& error) {
  const result done = db_.run(
      "UPDATE events SET verbatim = $2, analysis_json = $3, sentiment_score = $4, "
      "negative_verbatim = $5, detractor = $6, reasons = $7 WHERE seq = $1",
      params()
          .add(seq)
          .add(updated.verbatim)
          .add(updated.analysis_json)
          .add(updated.sentiment_score)
          .add(updated.negative_verbatim)
          .add(updated.detractor)
          .add(std::string_view(reasons_json(updated))));
  if (!done.ok()) {
    error = done.error();
    return false;
  }
  return true;
}

bool event_reviser::raise_alert(const event& updated, std::int64_t seq, store_result& result,
                                rollup_changes& rollups, std::vector<stream_record>& records,
                                std::string& error) {
  auto record = alerts_.raise(updated, seq, error);
  if (!record) {
    return false;
  }
  score_totals counts;
  counts.alerts_total = 1;
  counts.alerts_open = 1;
  rollups.add(updated, counts);
  result.alerts.back() = alert_ref{record->subject.id, record->seq, record->subject.level};
  records.push_back(std::move(*record));
  return true;
}

bool event_reviser::retract_alert(const stored_row& row, const std::string& source,
                                  rollup_changes& rollups, std::vector<stream_record>& records,
                                  std::string& error) {
  std::optional<stream_record> record;
  const alert_change retraction{*row.alert_seq, alert_action::resolve, source,
                                "retracted: removed on " + source, now_unix_ms()};
  alert_change_result changed = alerts_.change(retraction, record, rollups);
  if (changed.result == alert_change_result::outcome::failed) {
    error = changed.error;
    return false;
  }
  if (record) {
    records.push_back(std::move(*record));
  }
  return true;
}

bool event_reviser::apply(const event& revision, store_result& result, rollup_changes& rollups,
                          std::vector<stream_record>& records, std::string& error) {
  result.alerts.emplace_back();
  std::optional<stored_row> row = load(revision, error);
  if (!row) {
    result.outcomes.push_back(store_outcome::missing);
    return error.empty();
  }
  const bool erase = revision.change == event_change::erase;
  if (!erase && row->current.verbatim == revision.verbatim) {
    result.outcomes.push_back(store_outcome::duplicate);  // a retried edit: nothing to change
    return true;
  }
  const event updated = erase ? erased(row->current) : revised(row->current, revision);
  result.outcomes.push_back(erase ? store_outcome::erased : store_outcome::revised);
  if (!update_text(row->seq, updated, error)) {
    return false;
  }
  rollups.add(row->current, difference(row->current, updated));
  if (erase) {
    return !row->alert_seq || row->alert_resolved ||
           retract_alert(*row, revision.source, rollups, records, error);
  }
  if (!row->alert_seq && updated.alert_severity) {
    return raise_alert(updated, row->seq, result, rollups, records, error);
  }
  return true;
}

}  // namespace sentinelle::pg
