#include "storage/retention_purger.hpp"

#include <future>

namespace sentinelle {

retention_purger::retention_purger(event_store& store, options settings, clock now,
                                   report purged)
    : store_(store),
      options_(settings),
      now_(std::move(now)),
      purged_(std::move(purged)),
      thread_([this] { run(); }) {}

retention_purger::~retention_purger() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool retention_purger::purge_once() {
  const std::int64_t cutoff = now_() - options_.retention_ms;
  std::int64_t events = 0;
  std::int64_t alerts = 0;
  for (;;) {
    std::promise<erasure_result> done;
    auto result = done.get_future();
    store_.erase({erasure_request::match::occurred_before, "", cutoff, options_.slice},
                 [&done](erasure_result slice) { done.set_value(std::move(slice)); });
    const erasure_result slice = result.get();
    if (!slice.ok) {
      return false;
    }
    events += slice.events;
    alerts += slice.alerts;
    if (static_cast<std::size_t>(slice.events) < options_.slice) {
      break;
    }
    std::lock_guard lock(mutex_);
    if (stopping_) {
      break;  // the rest waits for the next start
    }
  }
  if (events > 0 && purged_) {
    purged_(events, alerts);
  }
  return true;
}

void retention_purger::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    purge_once();
    lock.lock();
    wake_.wait_for(lock, std::chrono::milliseconds(options_.interval_ms),
                   [this] { return stopping_; });
  }
}

}  // namespace sentinelle
