#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "net/http_server_stats.hpp"

namespace sentinelle {

enum class rate_limit_kind : std::uint8_t { address, token };

// The live counters behind http_server_stats: relaxed atomics, bumped from every server thread.
class server_counters {
 public:
  void connection_accepted() { bump(connections_accepted_); }
  void connection_rejected() { bump(connections_rejected_); }
  void connection_rejected_per_ip() { bump(connections_rejected_per_ip_); }
  void rate_limited(rate_limit_kind kind) {
    bump(kind == rate_limit_kind::address ? rate_limited_ip_ : rate_limited_token_);
  }
  void request_read() { bump(requests_); }
  void request_timed_out() { bump(request_timeouts_); }
  void response_written(unsigned status);
  void stream_opened() {
    bump(streams_opened_);
    bump(streams_active_);
  }
  void stream_closed() { streams_active_.fetch_sub(1, std::memory_order_relaxed); }
  void stream_messages_sent(std::uint64_t count) {
    stream_messages_sent_.fetch_add(count, std::memory_order_relaxed);
  }
  void stream_overflowed() { bump(stream_overflows_); }

  http_server_stats snapshot(std::uint64_t connections_active) const;

 private:
  static void bump(std::atomic<std::uint64_t>& counter) {
    counter.fetch_add(1, std::memory_order_relaxed);
  }

  std::atomic<std::uint64_t> connections_accepted_{0};
  std::atomic<std::uint64_t> connections_rejected_{0};
  std::atomic<std::uint64_t> connections_rejected_per_ip_{0};
  std::atomic<std::uint64_t> rate_limited_ip_{0};
  std::atomic<std::uint64_t> rate_limited_token_{0};
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> request_timeouts_{0};
  std::array<std::atomic<std::uint64_t>, 5> responses_{};  // index: status class - 1
  std::atomic<std::uint64_t> streams_opened_{0};
  std::atomic<std::uint64_t> streams_active_{0};
  std::atomic<std::uint64_t> stream_messages_sent_{0};
  std::atomic<std::uint64_t> stream_overflows_{0};
};

}  // namespace sentinelle
