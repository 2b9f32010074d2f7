#include "metrics/route_metrics.hpp"

#include <algorithm>

namespace sentinelle {

route_metrics::route_metrics(std::vector<std::string> names) {
  names.emplace_back("unmatched");
  for (std::string& name : names) {
    auto route = std::make_unique<per_route>();
    route->name = std::move(name);
    routes_.push_back(std::move(route));
  }
}

void route_metrics::answered(std::size_t route, unsigned status, std::int64_t elapsed_ns) {
  per_route& entry = *routes_[std::min(route, routes_.size() - 1)];
  const unsigned slot = std::clamp(status, first_status, first_status + status_count - 1);
  entry.by_status[slot - first_status].fetch_add(1, std::memory_order_relaxed);
  entry.latency.observe(elapsed_ns);
}

void route_metrics::write(prometheus_text& out) const {
  out.family("sentinelle_http_requests_total", "counter",
             "HTTP requests answered, by route (method and pattern) and status.");
  for (const auto& route : routes_) {
    for (unsigned slot = 0; slot < status_count; ++slot) {
      const std::uint64_t count = route->by_status[slot].load(std::memory_order_relaxed);
      if (count != 0) {
        const std::string status = std::to_string(first_status + slot);
        out.sample("sentinelle_http_requests_total", {{"route", route->name}, {"status", status}},
                   count);
      }
    }
  }
  out.family("sentinelle_http_request_duration_seconds", "histogram",
             "Time from routing a request to its answer; ingestion answers after the commit.");
  for (const auto& route : routes_) {
    const histogram::snapshot values = route->latency.read();
    if (values.cumulative.back() != 0) {
      out.histogram_samples("sentinelle_http_request_duration_seconds", {{"route", route->name}},
                            values);
    }
  }
}

}  // namespace sentinelle
