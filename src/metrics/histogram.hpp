#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace sentinelle {

// A Prometheus histogram with fixed upper bounds, observed from many threads without a lock:
// one relaxed atomic increment per bucket hit, and the sum kept in integer units so it can be an
// atomic too. Scrapes read the buckets one by one, so a snapshot may be a few observations
// inconsistent; counts never go down.
class histogram {
 public:
  // `bounds`: increasing upper bounds (the +Inf bucket is implicit); `unit` is what one integer
  // step of the sum is worth (1e-9 for seconds observed in nanoseconds, 1 for counts).
  histogram(std::vector<double> bounds, double unit);

  void observe(std::int64_t value);  // in units

  struct snapshot {
    std::vector<double> bounds;
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf (= count)
    double sum = 0.0;
  };
  snapshot read() const;

 private:
  std::vector<double> bounds_;
  std::vector<std::int64_t> bounds_in_units_;
  double unit_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<std::int64_t> sum_{0};
};

// Latency buckets from 100 µs to 10 s, for request and commit durations (observed in ns).
std::vector<double> latency_bounds_seconds();

}  // namespace sentinelle
