#pragma once

#include <chrono>
#include <cstddef>

#include "storage/event_store.hpp"
#include "storage/rollup.hpp"

namespace sentinelle {

// The rollup counts of committed events that the writer has not yet folded into the rollup
// tables (storage/README.md, "Rollups"). Writing the ~70 rollup rows that a group of surveys
// touches at every group commit cost the writer, the pipeline's serial stage, 10-20 % of
// durable ingestion (tools/bench/ingest); folded every few hundred commits they cost nothing
// measurable. Only the writer thread uses it.
class deferred_rollups {
 public:
  using clock = std::chrono::steady_clock;

  explicit deferred_rollups(rollup_fold_policy policy) : policy_(policy) {}

  // Whether the commit that adds `events` must fold everything: too many events or too old.
  bool fold_due(std::size_t events, clock::time_point now) const {
    if (events > policy_.max_events - pending_events_) {  // pending never exceeds the maximum
      return true;
    }
    return pending_events_ > 0 && now - oldest_ >= policy_.max_age;
  }

  // After a commit that did not fold: its counts wait with the others.
  void committed(const rollup_changes& changes, std::size_t events, clock::time_point now) {
    if (pending_events_ == 0) {
      oldest_ = now;
    }
    pending_.merge(changes);
    pending_events_ += events;
  }

  // After a commit that folded everything pending.
  void folded() {
    pending_ = rollup_changes();
    pending_events_ = 0;
  }

  const rollup_changes& pending() const { return pending_; }

 private:
  rollup_fold_policy policy_;
  rollup_changes pending_;
  std::size_t pending_events_ = 0;
  clock::time_point oldest_;
};

}  // namespace sentinelle
