#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/event_store.hpp"
#include "storage/rollup.hpp"

namespace sentinelle {

// A stored event as an edit or erasure finds it: the event, its row and its alert, if any.
struct stored_event {
  event current;
  std::int64_t seq = 0;
  std::optional<std::int64_t> alert_seq;
  bool alert_resolved = false;
};

class revision_target;

// Applies `revision` (event_change::edit or erase) through `target` (storage/README.md): only the
// text and what was concluded from it change; the rollups move by the difference, and the alert
// follows — an edit that makes a detractor raises one, an erasure retracts one still open. Appends
// the outcome (revised, erased, duplicate, missing) and the alert to `result`; false and `error`
// on a storage failure.
bool apply_revision(revision_target& target, const event& revision, store_result& result,
                    rollup_changes& rollups, std::vector<stream_record>& records,
                    std::string& error);

// What one engine does for a revision, inside the writer's transaction: its SQL and its alert
// writer. The rules (revision_rules.cpp) are the same on every engine, so they live once.
class revision_target {
 public:
  virtual ~revision_target() = default;

  // apply_revision() through this engine.
  bool apply(const event& revision, store_result& result, rollup_changes& rollups,
             std::vector<stream_record>& records, std::string& error) {
    return apply_revision(*this, revision, result, rollups, records, error);
  }

  // The stored event with `key`'s kind, source and id; nullopt with `error` empty when missing.
  virtual std::optional<stored_event> load(const event& key, std::string& error) = 0;
  // Stores `updated`'s text and verdict on the row `seq`.
  virtual bool update_text(std::int64_t seq, const event& updated, std::string& error) = 0;
  virtual std::optional<stream_record> raise_alert(const event& stored, std::int64_t event_seq,
                                                   std::string& error) = 0;
  virtual alert_change_result change_alert(const alert_change& change,
                                           std::optional<stream_record>& record,
                                           rollup_changes& rollups) = 0;
};

// The alert half of a revision_target, forwarded to the engine's alert writer (both engines'
// writers have the same raise / change).
template <class AlertWriter>
class revision_target_with_alerts : public revision_target {
 public:
  explicit revision_target_with_alerts(AlertWriter& alerts) : alerts_(alerts) {}

  std::optional<stream_record> raise_alert(const event& stored, std::int64_t event_seq,
                                           std::string& error) override {
    return alerts_.raise(stored, event_seq, error);
  }
  alert_change_result change_alert(const alert_change& change, std::optional<stream_record>& record,
                                   rollup_changes& rollups) override {
    return alerts_.change(change, record, rollups);
  }

 private:
  AlertWriter& alerts_;
};

}  // namespace sentinelle
