#include "net/server_counters.hpp"

namespace sentinelle {

void server_counters::response_written(unsigned status) {
  if (status >= 100 && status < 600) {
    bump(responses_[status / 100 - 1]);
  }
}

http_server_stats server_counters::snapshot(std::uint64_t connections_active) const {
  const auto read = [](const std::atomic<std::uint64_t>& c) {
    return c.load(std::memory_order_relaxed);
  };
  http_server_stats stats;
  stats.connections_accepted = read(connections_accepted_);
  stats.connections_rejected = read(connections_rejected_);
  stats.connections_rejected_per_ip = read(connections_rejected_per_ip_);
  stats.connections_active = connections_active;
  stats.requests = read(requests_);
  stats.request_timeouts = read(request_timeouts_);
  stats.rate_limited_ip = read(rate_limited_ip_);
  stats.rate_limited_token = read(rate_limited_token_);
  stats.responses_1xx = read(responses_[0]);
  stats.responses_2xx = read(responses_[1]);
  stats.responses_3xx = read(responses_[2]);
  stats.responses_4xx = read(responses_[3]);
  stats.responses_5xx = read(responses_[4]);
  stats.streams_opened = read(streams_opened_);
  stats.streams_active = read(streams_active_);
  stats.stream_messages_sent = read(stream_messages_sent_);
  stats.stream_overflows = read(stream_overflows_);
  return stats;
}

}  // namespace sentinelle
