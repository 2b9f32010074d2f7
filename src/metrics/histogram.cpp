#include "metrics/histogram.hpp"

#include <algorithm>
#include <cmath>

namespace sentinelle {

histogram::histogram(std::vector<double> bounds, double unit)
    : bounds_(std::move(bounds)),
      unit_(unit),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {
  bounds_in_units_.reserve(bounds_.size());
  for (const double bound : bounds_) {
    bounds_in_units_.push_back(static_cast<std::int64_t>(std::llround(bound / unit_)));
  }
}

void histogram::observe(std::int64_t value) {
  const auto bucket = static_cast<std::size_t>(
      std::lower_bound(bounds_in_units_.begin(), bounds_in_units_.end(), value) -
      bounds_in_units_.begin());
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

histogram::snapshot histogram::read() const {
  snapshot out;
  out.bounds = bounds_;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    out.cumulative.push_back(running);
  }
  out.sum = static_cast<double>(sum_.load(std::memory_order_relaxed)) * unit_;
  return out;
}

std::vector<double> latency_bounds_seconds() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
          0.025,  0.05,    0.1,    0.25,  0.5,    1.0,   2.5, 10.0};
}

}  // namespace sentinelle
