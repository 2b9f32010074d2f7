#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "storage/event_store.hpp"

namespace sentinelle {

// [privacy] retention_days: a thread that deletes, every interval, the events older than the
// retention period (with their alerts and deliveries; the scores forget them), in slices so
// that ingestion never waits behind one long transaction. The clock is injected for tests.
class retention_purger {
 public:
  struct options {
    std::int64_t retention_ms = 1095LL * 86'400'000;  // CNIL's reference for inactive customers
    std::int64_t interval_ms = 3'600'000;
    std::size_t slice = 5000;
  };
  using clock = std::function<std::int64_t()>;               // Unix ms
  using report = std::function<void(std::int64_t events, std::int64_t alerts)>;

  // Starts the thread; the first purge runs at once.
  retention_purger(event_store& store, options settings, clock now, report purged);
  ~retention_purger();
  retention_purger(const retention_purger&) = delete;
  retention_purger& operator=(const retention_purger&) = delete;

  // One purge of everything older than now − retention, slice by slice; false on a storage error.
  bool purge_once();

 private:
  void run();

  event_store& store_;
  options options_;
  clock now_;
  report purged_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace sentinelle
