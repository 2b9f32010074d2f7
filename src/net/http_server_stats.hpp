#pragma once

#include <cstdint>

namespace sentinelle {

// A snapshot of the server's counters, for /metrics. Counters only grow; `connections_active`
// and `streams_active` are gauges.
struct http_server_stats {
  std::uint64_t connections_accepted = 0;  // admitted into a session
  std::uint64_t connections_rejected = 0;  // over max_connections: answered 503 and closed
  std::uint64_t connections_active = 0;    // sessions open now
  std::uint64_t requests = 0;              // requests begun (their first byte arrived)
  std::uint64_t request_timeouts = 0;      // connections cut by request_timeout_ms
  std::uint64_t responses_1xx = 0;         // every response written, by status class
  std::uint64_t responses_2xx = 0;
  std::uint64_t responses_3xx = 0;
  std::uint64_t responses_4xx = 0;
  std::uint64_t responses_5xx = 0;
  std::uint64_t streams_opened = 0;        // SSE and WebSocket streams established
  std::uint64_t streams_active = 0;        // open now
  std::uint64_t stream_messages_sent = 0;  // pushed messages written (heartbeats not counted)
  std::uint64_t stream_overflows = 0;      // streams closed because their queue was full
  // The abuse limits (net/README.md, "Abuse limits").
  std::uint64_t connections_rejected_per_ip = 0;  // over max_connections_per_ip: 429, closed
  std::uint64_t rate_limited_ip = 0;              // requests answered 429: the address's bucket
  std::uint64_t rate_limited_token = 0;           // requests answered 429: the token's bucket
};

}  // namespace sentinelle
