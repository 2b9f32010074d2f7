#pragma once

#include <atomic>
#include <cstdint>

namespace sentinelle {

// The worker's counters, for /metrics. All but in_flight only grow.
struct webhook_stats {
  std::uint64_t delivered = 0;        // 2xx received
  std::uint64_t failed_attempts = 0;  // attempts that got no 2xx (then retried, buried or 410)
  std::uint64_t dead_lettered = 0;    // deliveries buried once their schedule was used up
  std::uint64_t dropped = 0;          // deliveries whose alert no longer exists
  std::uint64_t in_flight = 0;        // attempts under way now (gauge)
};

// Relaxed atomics: written on the worker's thread, read from any.
struct webhook_counters {
  std::atomic<std::uint64_t> delivered{0};
  std::atomic<std::uint64_t> failed_attempts{0};
  std::atomic<std::uint64_t> dead_lettered{0};
  std::atomic<std::uint64_t> dropped{0};
  std::atomic<std::uint64_t> in_flight{0};

  webhook_stats snapshot() const {
    constexpr auto relaxed = std::memory_order_relaxed;
    return {delivered.load(relaxed), failed_attempts.load(relaxed), dead_lettered.load(relaxed),
            dropped.load(relaxed), in_flight.load(relaxed)};
  }
};

}  // namespace sentinelle
