#pragma once

#include "storage/event_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/store_metrics.hpp"

namespace sentinelle {

// What `sentinelle serve` opens from storage.url, whichever engine it names (SQLite or
// PostgreSQL): the events and alerts, the outbox, and the writer's counters for GET /metrics.
class durable_store : public event_store, public outbox_store {
 public:
  virtual const store_metrics& metrics() const = 0;
};

}  // namespace sentinelle
