#pragma once

#include <cstddef>
#include <cstdint>

namespace sentinelle {

// Sees every answer the router's handlers give (for /metrics): which route, which status, and
// how long from dispatch until the handler sent it — for ingestion, until the commit.
class route_observer {
 public:
  virtual ~route_observer() = default;
  // `route` indexes router::route_names(); route_names().size() means no route matched (400,
  // 404, 405). Called on the thread that sends the response; must be cheap and thread-safe.
  virtual void answered(std::size_t route, unsigned status, std::int64_t elapsed_ns) = 0;
};

}  // namespace sentinelle
