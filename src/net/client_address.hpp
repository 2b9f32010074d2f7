#pragma once

#include <cstdint>

#include "net/asio_aliases.hpp"

namespace sentinelle {

// Who a client is for the per-address limits: one key per IPv4 address, and per IPv6 /64 (the
// block one subscriber is usually given, so rotating addresses within it dodges nothing).
// IPv4-mapped IPv6 addresses (a dual-stack listener) count as their IPv4 address.
struct client_address {
  std::uint64_t key = 0;
  bool loopback = false;  // 127.0.0.0/8 or ::1: a reverse proxy, a local benchmark
};

client_address client_address_of(const asio::ip::address& address);

}  // namespace sentinelle
