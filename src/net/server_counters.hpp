#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "net/http_server_stats.hpp"

namespace sentinelle {

// The live counters behind http_server_stats: relaxed atomics, bumped from every server thread.
class server_counters {
 public:
  void connection_accepted() { bump(connections_accepted_); }
  void connection_rejected() { bump(connections_rejected_); }
  void request_read() { bump(requests_); }
  void request_timed_out() { bump(request_timeouts_); }
  void response_written(unsigned status);

  http_server_stats snapshot(std::uint64_t connections_active) const;

 private:
  static void bump(std::atomic<std::uint64_t>& counter) {
    counter.fetch_add(1, std::memory_order_relaxed);
  }

  std::atomic<std::uint64_t> connections_accepted_{0};
  std::atomic<std::uint64_t> connections_rejected_{0};
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> request_timeouts_{0};
  std::array<std::atomic<std::uint64_t>, 5> responses_{};  // index: status class - 1
};

}  // namespace sentinelle
