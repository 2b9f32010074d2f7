#include "storage/revision_rules.hpp"

#include "util/time.hpp"

namespace sentinelle {
namespace {

// The stored event as `revision` says it is now: its text and verdict, on the stored event.
event revised(const event& current, const event& revision) {
  event updated = current;
  updated.verbatim = revision.verbatim;
  updated.analysis_json = revision.analysis_json;
  updated.analysis_record = revision.analysis_record;
  updated.sentiment_score = revision.sentiment_score;
  updated.negative_verbatim = revision.negative_verbatim;
  updated.detractor = revision.detractor;
  updated.reasons = revision.reasons;
  updated.alert_severity = revision.alert_severity;
  return updated;
}

// The stored event without its text. A survey keeps the verdict its scores gave; a message's
// verdict came from its text alone, so it goes too.
event erased(const event& current) {
  event updated = current;
  updated.verbatim.clear();
  updated.analysis_json.clear();
  updated.analysis_record.clear();
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

bool raise_alert(revision_target& target, const event& updated, std::int64_t seq,
                 store_result& result, rollup_changes& rollups, std::vector<stream_record>& records,
                 std::string& error) {
  auto record = target.raise_alert(updated, seq, error);
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

bool retract_alert(revision_target& target, const stored_event& row, const std::string& source,
                   rollup_changes& rollups, std::vector<stream_record>& records,
                   std::string& error) {
  std::optional<stream_record> record;
  const alert_change retraction{*row.alert_seq, alert_action::resolve, source,
                                "retracted: removed on " + source, now_unix_ms()};
  alert_change_result changed = target.change_alert(retraction, record, rollups);
  if (changed.result == alert_change_result::outcome::failed) {
    error = changed.error;
    return false;
  }
  if (record) {
    records.push_back(std::move(*record));
  }
  return true;
}

}  // namespace

bool apply_revision(revision_target& target, const event& revision, store_result& result,
                    rollup_changes& rollups, std::vector<stream_record>& records,
                    std::string& error) {
  result.alerts.emplace_back();
  std::optional<stored_event> row = target.load(revision, error);
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
  if (!target.update_text(row->seq, updated, error)) {
    return false;
  }
  rollups.add(row->current, difference(row->current, updated));
  if (erase) {
    return !row->alert_seq || row->alert_resolved ||
           retract_alert(target, *row, revision.source, rollups, records, error);
  }
  if (!row->alert_seq && updated.alert_severity) {
    return raise_alert(target, updated, row->seq, result, rollups, records, error);
  }
  return true;
}

}  // namespace sentinelle
