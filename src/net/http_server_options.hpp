#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sentinelle {

// The [server] section of the configuration (CONTRACT §3), as the server core consumes it.
struct http_server_options {
  std::string host = "127.0.0.1";            // an address or a name that resolves
  std::uint16_t port = 8080;                 // 0: the system picks a free port (see bound_port())
  unsigned threads = 0;                      // 0: one per core
  std::size_t body_limit_bytes = 1048576;    // larger: 413 before the body is read
  std::size_t header_limit_bytes = 16384;    // request line + headers; larger: 431
  std::uint32_t request_timeout_ms = 10000;  // the whole request must arrive in this time
  std::uint32_t idle_timeout_ms = 15000;     // a keep-alive connection silent this long closes
  std::size_t max_connections = 10000;       // more at once: 503 `unavailable`, then close
                                             // (open streams count: each is a connection)
  // Server-push streams (SSE, WebSocket): see net/README.md, "Streams".
  std::size_t stream_queue_messages = 1024;           // queued per stream; one more closes it
  std::size_t stream_queue_bytes = 4194304;           // queued bytes per stream; more closes it
  std::uint32_t stream_heartbeat_ms = 15000;          // SSE `: heartbeat` comment, WebSocket ping
  std::size_t websocket_message_limit_bytes = 65536;  // larger client message: close 1009

  // Abuse limits (net/README.md, "Abuse limits"); a rate of 0 turns its bucket off.
  std::uint32_t requests_per_second_per_ip = 200;      // token bucket per IPv4 address / IPv6 /64
  std::uint32_t burst_per_ip = 1000;                   // requests at once from a full bucket
  std::uint32_t requests_per_second_per_token = 1000;  // per bearer token presented, any address
  std::uint32_t burst_per_token = 2000;
  std::size_t max_connections_per_ip = 1000;  // more at once: 429, then close; 0: no cap
  bool exempt_loopback = true;  // 127.0.0.0/8 and ::1 skip the per-address limits (a proxy)
  std::size_t rate_limit_max_keys = 100000;  // buckets tracked per kind; more: least useful go
  bool access_log = true;  // a `request` line (info) per exchange
};

// The first problem with `options` as "key: why", or an empty string when they are usable.
std::string find_option_problem(const http_server_options& options);

}  // namespace sentinelle
