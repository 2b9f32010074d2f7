#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "metrics/histogram.hpp"
#include "metrics/prometheus_text.hpp"
#include "net/route_observer.hpp"

namespace sentinelle {

// Requests by route and status, and their latency by route (for ingestion: until the commit),
// for GET /metrics. Lock-free on the request path: one relaxed increment and one histogram
// observation per answer.
class route_metrics final : public route_observer {
 public:
  // `names` as router::route_names() gives them; answers with no route count as "unmatched".
  explicit route_metrics(std::vector<std::string> names);

  void answered(std::size_t route, unsigned status, std::int64_t elapsed_ns) override;

  void write(prometheus_text& out) const;

 private:
  static constexpr unsigned first_status = 100;
  static constexpr unsigned status_count = 500;  // 100..599

  struct per_route {
    std::string name;
    std::array<std::atomic<std::uint64_t>, status_count> by_status{};
    histogram latency{latency_bounds_seconds(), 1e-9};
  };

  std::vector<std::unique_ptr<per_route>> routes_;  // the last one: unmatched
};

}  // namespace sentinelle
