#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "metrics/histogram.hpp"

namespace sentinelle {

// What the writer did, for GET /metrics (updated on the writer thread, read by scrapes).
struct store_metrics {
  std::atomic<std::uint64_t> events_stored{0};
  std::atomic<std::uint64_t> duplicates{0};
  std::atomic<std::uint64_t> revised{0};
  std::atomic<std::uint64_t> erased{0};
  std::atomic<std::uint64_t> failed_batches{0};  // answered ok=false: storage errors
  std::array<std::atomic<std::uint64_t>, 4> alerts_raised{};  // by severity, low .. critical
  // One observation per group written: the transaction's time (BEGIN to COMMIT, fsync included)
  // and how many events it held.
  histogram commit_seconds{latency_bounds_seconds(), 1e-9};
  histogram events_per_commit{{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000}, 1.0};
};

}  // namespace sentinelle
