#pragma once

#include <atomic>
#include <cstddef>
#include <memory>

#include "alerts/severity.hpp"
#include "analyze/analyzer.hpp"
#include "plugin/source_plugin.hpp"
#include "redact/pii_redactor.hpp"
#include "storage/event_store.hpp"

namespace sentinelle {

// The pipeline every source feeds (plugin/source_plugin.hpp): analyse → classify → store, and
// the answer once the store has committed. Bounded: when more events wait for a commit than
// `max_pending_events`, a delivery gets 503 + Retry-After instead of growing memory.
class event_pipeline final : public ingest_pipeline {
 public:
  // `redactor` null: verbatims are stored as received ([privacy] redact_pii = false).
  event_pipeline(const analyzer& engine, const pii_redactor* redactor, event_store& store,
                 severity_policy severities, std::size_t max_pending_events);

  void submit(delivery batch, responder reply) override;

  // redact → analyze → classify: fills the event's analysis and verdict (an `erase` keeps
  // none).
  void conclude(event& e) const;

 private:
  const analyzer& analyzer_;
  const pii_redactor* redactor_;
  event_store& store_;
  severity_policy severities_;
  std::size_t max_pending_events_;
  std::shared_ptr<std::atomic<std::size_t>> pending_events_;
};

}  // namespace sentinelle
