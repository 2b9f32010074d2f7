#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "net/beast_messages.hpp"
#include "net/client_address.hpp"
#include "net/http_response.hpp"
#include "net/http_server_options.hpp"
#include "net/rate_limiter.hpp"
#include "net/server_counters.hpp"

namespace sentinelle {

// The abuse limits in front of every handler (net/README.md, "Abuse limits"): token buckets
// per client address and per bearer token, checked on the request's header before its body is
// read, and a cap on connections per address, checked on accept. Thread-safe.
class request_limits {
 public:
  request_limits(const http_server_options& options, server_counters& counters);

  // On accept: false (and counted) when `client` already holds max_connections_per_ip. A true
  // answer must be matched by one release_connection(client) when the connection ends.
  bool admit_connection(const client_address& client);
  void release_connection(const client_address& client);

  // A request with a bearer token takes from that token's bucket and from its address's; an
  // empty one gives 429 `rate_limited` with Retry-After (and a count by kind).
  std::optional<http_response> check(const beast_request& header, const client_address& client,
                                     rate_limiter::clock::time_point now);

 private:
  bool address_limited(const client_address& client) const {
    return !(client.loopback && exempt_loopback_);
  }

  const bool exempt_loopback_;
  const std::size_t max_connections_per_ip_;
  server_counters& counters_;
  rate_limiter per_address_;
  rate_limiter per_token_;

  std::mutex connections_mutex_;                                // guards connections_ only
  std::unordered_map<std::uint64_t, std::size_t> connections_;  // address key → open; no zeros
};

// The key of the bearer token a request presents, read as the API reads it (Authorization:
// Bearer …, else ?token=…): a hash, so that no token text is kept. nullopt when none.
std::optional<std::uint64_t> presented_token_key(const beast_request& header);

}  // namespace sentinelle
